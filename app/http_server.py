"""How uvicorn serves the app: one access log (ours), and headers bounded as they arrive.

uvicorn's httptools protocol buffers a request's headers without limit (a 100 MB
header held the event loop for seconds); `HeaderLimitedProtocol` counts the bytes
before the end of the headers and answers 431 as soon as they pass the limit, before
the parser buffers them. Every way of running the service (`careergraph serve`,
`careergraph up`, the tests' live server) builds its server with `server_config`.
"""

from __future__ import annotations

import contextlib
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.http_middleware import SECURITY_HEADERS
from app.problems import MEDIA_TYPE, Problem

HEAD_END = b"\r\n\r\n"


class ServerConfig(uvicorn.Config):
    """uvicorn's config with the header limit the protocol enforces."""

    def __init__(self, app: Any, *, header_max_bytes: int, **options: Any) -> None:
        super().__init__(app, http=HeaderLimitedProtocol, **options)
        self.header_max_bytes = header_max_bytes


class HeaderLimitedProtocol(HttpToolsProtocol):
    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        assert isinstance(config, ServerConfig), "build the server with server_config()"
        self.header_limit = config.header_max_bytes
        self._head_bytes = 0  # bytes of the current request's head received so far
        self._in_head = True
        self._tail = b""  # the last bytes of the head, to find a terminator split in two

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            allowed = self.header_limit - self._head_bytes
            self._head_bytes += len(data)
            window = self._tail + data[: max(allowed, 0)]
            if self._head_bytes > self.header_limit and HEAD_END not in window:
                self._refuse()
                return
            self._tail = window[-3:]
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._in_head, self._head_bytes, self._tail = True, 0, b""
        super().on_message_complete()

    def _refuse(self) -> None:
        problem = Problem(
            type="/problems/headers-too-large",
            title="Request header fields too large",
            status=431,
            detail=f"The request line and headers are over {self.header_limit} bytes.",
        )
        body = problem.model_dump_json(exclude_none=True).encode()
        headers = {
            **SECURITY_HEADERS,
            "content-type": MEDIA_TYPE,
            "content-length": str(len(body)),
            "connection": "close",
        }
        head = "HTTP/1.1 431 Request Header Fields Too Large\r\n" + "".join(
            f"{name}: {value}\r\n" for name, value in headers.items()
        )
        self.transport.write(head.encode() + b"\r\n" + body)
        self.transport.close()


def server_config(
    app: Any, *, host: str, port: int, header_max_bytes: int, **options: Any
) -> ServerConfig:
    """The server for `app`: our access log only (app/http_middleware.py), no Server header."""
    return ServerConfig(
        app,
        host=host,
        port=port,
        header_max_bytes=header_max_bytes,
        access_log=False,
        server_header=False,
        lifespan="on",  # a start-up failure stops the server (auto would serve without state)
        **options,
    )


def serve(app: Any, *, host: str, port: int, header_max_bytes: int, **options: Any) -> None:
    """Run `app` (an app, or an import string) until interrupted."""
    config = server_config(app, host=host, port=port, header_max_bytes=header_max_bytes, **options)
    server = uvicorn.Server(config)
    with contextlib.suppress(KeyboardInterrupt):
        if config.should_reload:
            from uvicorn.supervisors import ChangeReload

            ChangeReload(config, target=server.run, sockets=[config.bind_socket()]).run()
        elif config.workers > 1:
            from uvicorn.supervisors import Multiprocess

            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            server.run()
