"""uvicorn's HTTP/1.1 protocol with Nagle's algorithm switched off on every connection.

With several workers uvicorn hands each worker the listening socket it bound in the
parent. asyncio only sets TCP_NODELAY on accepted sockets whose `proto` says TCP, and
the handed-over socket says 0, so the small writes of a response wait for the client's
delayed ACK: every request on a kept-alive connection took ~45 ms instead of ~2 ms, and
an idle sync round on the PostgreSQL server missed its 50 ms budget. Setting the option
on each connection ourselves makes both modes behave the same.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

IMPORT_PATH = "orderdesk.sync.server.tcp_nodelay:NoDelayH11Protocol"


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:  # not a TCP socket after all: nothing to tune
                pass
        super().connection_made(transport)
