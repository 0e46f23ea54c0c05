"""The server's HTTP protocol switches Nagle off on every connection, also on the
sockets uvicorn's worker processes get from their parent (whose `proto` is 0, so asyncio
does not do it): kept-alive requests then take ~2 ms instead of a delayed ACK's ~45 ms."""

from __future__ import annotations

import socket


class _Transport:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def get_extra_info(self, name: str, default=None):  # type: ignore[no-untyped-def]
        return {"socket": self.sock, "peername": ("127.0.0.1", 1),
                "sockname": ("127.0.0.1", 2)}.get(name, default)

    def is_closing(self) -> bool:
        return False

    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        pass


def test_connection_made_sets_tcp_nodelay_on_a_handed_over_socket():
    import asyncio

    from uvicorn.config import Config

    from orderdesk.sync.server.tcp_nodelay import NoDelayH11Protocol

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    # What a worker holds: the same connection under a socket object with proto 0.
    handed = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, accepted.detach())
    try:
        assert handed.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        loop = asyncio.new_event_loop()
        try:
            config = Config(app=lambda *a: None)
            config.load()
            protocol = NoDelayH11Protocol(config=config, server_state=_State(), app_state={},
                                          _loop=loop)
            protocol.connection_made(_Transport(handed))  # type: ignore[arg-type]
        finally:
            loop.close()
        assert handed.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        handed.close()
        client.close()
        listener.close()


class _State:
    def __init__(self) -> None:
        self.total_requests = 0
        self.connections: set = set()
        self.tasks: set = set()
        self.default_headers: list = []
