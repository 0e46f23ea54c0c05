"""Channel intake: marketplaces and the customers' systems post orders with their key."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from orderdesk.sync.server import guard, security
from orderdesk.sync.server.deps import ServerState, access, caller, state
from orderdesk.sync.server.schemas import IntakeOrderIn, IntakeOut
from orderdesk.tracking import Actor

router = APIRouter(prefix="/api/intake", tags=["intake"])


def _accept() -> Any:
    try:
        from orderdesk.intake.channel_api import accept_channel_order
    except ImportError:
        return None
    return accept_channel_order


@router.post("/orders", response_model=IntakeOut, **access(security.CHANNEL))
def post_order(body: IntakeOrderIn, request: Request,
               st: ServerState = Depends(state)) -> IntakeOut:
    """Create an order from a channel (idempotent by the channel's order number).

    The order enters the change log in the same transaction, so every station pulls it.
    """
    accept = _accept()
    if accept is None:
        raise HTTPException(status_code=503, detail="order intake is not installed on this "
                                                    "server / 服务器未安装订单接入模块")
    channel = caller(request).name
    guard.check_intake_lines(body.lines)  # finite, in range, no negative price (issue 13)
    payload = body.model_dump(mode="json", exclude_none=True)
    with st.desk.write(Actor(user=f"api:{channel}", station=st.intake_station)) as s:
        result = accept(s, channel, payload)
    return IntakeOut(created=result.created, order_id=result.order_id,
                     order_no=result.order_no, problems=list(result.problems))
