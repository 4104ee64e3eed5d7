"""Issue 11, finding 1 (DNS rebinding): a page on another site that points its own host name at
127.0.0.1 reaches the app from the user's own browser, so binding to loopback is not enough.
The server must refuse a WebSocket handshake whose `Host` is not a loopback name, and nothing of
the user's data may arrive over that socket; the app's own names still work.

No browser needed: this is what Chromium sends after a rebinding, written by hand."""

from __future__ import annotations

import base64
import contextlib
import os
import socket
import struct
from collections.abc import Iterator

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from belangen.store import Store

from .harness import AppServer, running_app

pytestmark = pytest.mark.e2e

SECRET = "Geheim project Rebind-7f3a"
QUIET_S = 4


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    folder = tmp_path_factory.mktemp("hosts")
    store = Store(folder / "belangen.duckdb")
    store.create_project(SECRET)
    store.close()
    with running_app(folder / "belangen.duckdb", folder / "streamlit.log") as app:
        yield app


def rerun_request() -> bytes:
    """What the browser sends first over the socket: run the app's script (the main page)."""
    message = BackMsg()
    message.rerun_script.query_string = ""
    message.rerun_script.page_script_hash = ""
    return message.SerializeToString()


def masked_frame(payload: bytes) -> bytes:
    """One binary WebSocket frame as a client must send it (RFC 6455, masked)."""
    mask = os.urandom(4)
    length = len(payload)
    header = bytes([0x82])
    if length < 126:
        header += bytes([0x80 | length])
    else:
        header += bytes([0x80 | 126]) + struct.pack("!H", length)
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def raw_handshake(port: int, host: str) -> bytes:
    """A handshake with `Host: <host>:<port>` and a same-origin `Origin`, as a rebound page sends
    it, then the request to run the script; returns every byte the server sent back until it
    closed the connection or stayed quiet for a few seconds."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        "GET /_stcore/stream HTTP/1.1\r\n"
        f"Host: {host}:{port}\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\n"
        "Sec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: streamlit\r\n"
        f"Origin: http://{host}:{port}\r\n"
        "\r\n"
    ).encode()
    received = b""
    with socket.create_connection(("127.0.0.1", port), timeout=QUIET_S) as sock:
        sock.sendall(request)
        with contextlib.suppress(TimeoutError, ConnectionError):
            while b"\r\n\r\n" not in received and (chunk := sock.recv(65536)):
                received += chunk
            # Whatever the answer, ask for the page, as the attacker's script would.
            sock.sendall(masked_frame(rerun_request()))
            while chunk := sock.recv(65536):
                received += chunk
    return received


@pytest.mark.parametrize("host", ["evil.example", "attacker.test", "192.168.1.20"])
def test_a_foreign_host_is_refused_and_gets_no_data(server: AppServer, host: str) -> None:
    received = raw_handshake(server.port, host)
    status_line = received.split(b"\r\n", 1)[0]
    assert SECRET.encode() not in received, f"{status_line!r}, and the project name arrived"
    assert status_line.startswith(b"HTTP/1.1 403"), status_line


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_the_apps_own_names_are_accepted_and_get_the_page(server: AppServer, host: str) -> None:
    received = raw_handshake(server.port, host)
    assert received.startswith(b"HTTP/1.1 101"), received.split(b"\r\n", 1)[0]
    assert SECRET.encode() in received, "the app's own page got no data: the test reads nothing"
