"""Chat robots: an HTTP POST of the robot's JSON payload (企业微信 group robot is the reference).

企业微信 limits markdown content to 4096 bytes of UTF-8 and answers {"errcode": 0, "errmsg": "ok"};
钉钉 answers the same way; 飞书 answers {"code": 0, …}. A long digest is split at line boundaries
into numbered parts that each fit the limit (the same limit is used for every robot).
"""

from __future__ import annotations

import http.client
import json
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gkcli.contacts import RobotType
from gkcli.delivery.retry import DeliveryFailure

LIMIT_BYTES = 4096
TRANSIENT_ERRCODES = frozenset({-1, 45009})  # 企业微信: -1 系统繁忙, 45009 接口调用超过限制
TRANSIENT_HTTP = frozenset({408, 429})  # timeouts and rate limits are worth another try
Payload = Callable[[str, str], dict[str, Any]]


@dataclass(frozen=True)
class Robot:
    label: str
    fmt: str  # which digest rendering it shows: "md" or "text"
    payload: Payload  # (title, content) -> JSON body


ROBOTS = {
    RobotType.WECOM: Robot("企业微信", "md", lambda title, content: {"msgtype": "markdown", "markdown": {"content": content}}),
    RobotType.DINGTALK: Robot("钉钉", "md", lambda title, content: {"msgtype": "markdown", "markdown": {"title": title, "text": content}}),
    RobotType.FEISHU: Robot("飞书", "text", lambda title, content: {"msg_type": "text", "content": {"text": content}}),
}


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _cut(text: str, limit: int) -> str:
    """`text` shortened to at most `limit` UTF-8 bytes without breaking a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def split_message(text: str, limit: int = LIMIT_BYTES) -> list[str]:
    """`text` as parts of at most `limit` bytes, cut between lines; later parts repeat the first line."""
    if _size(text) <= limit:
        return [text]
    head, *lines = text.rstrip("\n").split("\n")
    room = limit - _size(head) - len("（续 99/99）\n".encode())
    chunks: list[list[str]] = [[]]
    for line in (_cut(line, room - 1) for line in lines):
        if chunks[-1] and _size("\n".join([*chunks[-1], line])) > room:
            chunks.append([])
        chunks[-1].append(line)
    total = len(chunks)
    return [f"{head}（{number}/{total}）\n" + "\n".join(chunk).strip("\n") + "\n" for number, chunk in enumerate(chunks, start=1)]


def post(url: str, payload: dict[str, Any], timeout: float) -> None:
    """POST `payload` as UTF-8 JSON and check the robot's answer."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = response.read()
    except urllib.error.HTTPError as error:
        error.close()  # the error is also the open response
        transient = error.code >= 500 or error.code in TRANSIENT_HTTP
        raise DeliveryFailure(f"HTTP {error.code} {error.reason}", transient=transient) from None
    except urllib.error.URLError as error:
        raise _connection_failure(error.reason, timeout) from None
    except (OSError, http.client.HTTPException) as error:
        raise _connection_failure(error, timeout) from None
    except ValueError as error:
        raise DeliveryFailure(f"webhook 地址无效：{error}", transient=False) from None
    check_answer(answer)


def _connection_failure(reason: object, timeout: float) -> DeliveryFailure:
    if isinstance(reason, ssl.SSLCertVerificationError):
        return DeliveryFailure(f"证书校验失败：{reason.verify_message}", transient=False)
    if isinstance(reason, TimeoutError):
        return DeliveryFailure(f"请求超时（{timeout:g} 秒）", transient=True)
    text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
    return DeliveryFailure(f"无法连接：{text}", transient=True)


def check_answer(answer: bytes) -> None:
    """A robot's 200 answer may still carry an error code (errcode for 企业微信/钉钉, code for 飞书)."""
    try:
        reply = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return  # not a robot's JSON answer; the HTTP status said it was accepted
    if not isinstance(reply, dict):
        return
    code = reply.get("errcode", reply.get("code", reply.get("StatusCode", 0)))
    if code not in (0, None):
        message = reply.get("errmsg") or reply.get("msg") or reply.get("StatusMessage") or ""
        raise DeliveryFailure(f"机器人返回错误 {code}：{message}", transient=code in TRANSIENT_ERRCODES)
