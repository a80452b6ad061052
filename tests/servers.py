"""Real local servers for delivery tests: an SMTP sink (aiosmtpd) and a chat-robot HTTP server.

Both listen on 127.0.0.1 on free ports and record what they receive; nothing leaves the machine.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    """A port nobody listens on (right now): connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Mail:
    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class SmtpSink:
    host: str
    port: int
    mails: list[Mail] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        if address.startswith("nobody@"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.mails.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=auth_data.password == b"s3cret-smtp")


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    sink = SmtpSink("127.0.0.1", free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port, authenticator=sink.authenticate, auth_require_tls=False)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


@dataclass
class Hit:
    path: str
    query: dict[str, list[str]]
    content_type: str
    body: dict[str, Any]


@dataclass
class RobotServer:
    """Answers like a 企业微信 robot; some paths misbehave on purpose.

    /fail → HTTP 500; /flaky → 503 once, then ok; /gone → 404; /bad-key → 200 with errcode 93000; /slow → waits.
    """

    port: int = 0
    hits: list[Hit] = field(default_factory=list)
    healed: bool = False  # when True, /fail answers like a healthy robot
    flaky_left: int = 1

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits_on(self, path: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.path == path]

    def answer(self, path: str) -> tuple[int, dict[str, Any]]:
        if path == "/fail" and not self.healed:
            return 500, {"error": "boom"}
        if path == "/flaky" and self.flaky_left > 0:
            self.flaky_left -= 1
            return 503, {"error": "busy"}
        if path == "/gone":
            return 404, {"error": "not found"}
        if path == "/bad-key":
            return 200, {"errcode": 93000, "errmsg": "invalid webhook url"}
        if path == "/slow":
            time.sleep(0.5)
        return 200, {"errcode": 0, "errmsg": "ok"}


class LocalHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def server_bind(self) -> None:
        """Like HTTPServer's, without its reverse DNS lookup of the host (slow without a resolver)."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", self.server_address[1]


def _handler(robot: RobotServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            robot.hits.append(Hit(parts.path, parse_qs(parts.query), self.headers.get("Content-Type", ""), body))
            status, reply = robot.answer(parts.path)
            data = json.dumps(reply).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up waiting (/slow)
                self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture
def robot_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[RobotServer]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    robot = RobotServer()
    server = LocalHTTPServer(("127.0.0.1", 0), _handler(robot))
    robot.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield robot
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
