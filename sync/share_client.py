"""Station side of share links: ask the central server for a link, list or revoke one.

Links are minted by the server (it holds the signing key), so a station must be online to
make one; offline it gets ServerUnreachable like any sync call, and the UI says so.
Blocking network I/O: call from a worker thread, never the GUI thread.
"""

from __future__ import annotations

from typing import Any

from orderdesk.sync.client import SyncClient


def make_link(client: SyncClient, order_no: str, *, scope: str = "status",
              days: float = 30, kind: str = "order") -> dict[str, Any]:
    """{url, token, expires_at, kind, label, scope} of a new link."""
    return client.call("POST", "/api/share", json={"kind": kind, "ref": order_no,
                                                   "scope": scope, "days": days})


def links_of(client: SyncClient, order_no: str) -> list[dict[str, Any]]:
    return client.call("GET", "/api/share/links", params={"kind": "order", "ref": order_no})


def revoke(client: SyncClient, token_or_id: str) -> dict[str, Any]:
    return client.call("POST", "/api/share/revoke", json={"token": token_or_id})


def wechat_text(order_no: str, customer: str, url: str, expires: str, lang: str = "zh") -> str:
    """The text sales paste into WeChat / WeCom with the link."""
    if lang == "en":
        return (f"Order {order_no} ({customer}): live status, no app needed.\n{url}\n"
                f"Valid until {expires}.")
    return (f"【订单进度】{customer} 订单 {order_no}\n点开即可查看实时进度（无需安装App）：\n{url}\n"
            f"链接有效期至 {expires}。")


def station_link_provider(server_url: str, credentials: Any, station: str,  # type: ignore[no-untyped-def]
                          purpose: str = "robot"):
    """order_no -> URL of a status-only link for robot messages or printed papers."""

    def link_for(order_no: str) -> str | None:
        client = SyncClient(server_url, credentials, station=station, timeout=5.0)
        try:
            return client.call("POST", "/api/share/notify",
                               json={"ref": order_no, "purpose": purpose})["url"]
        finally:
            client.close()

    return link_for
