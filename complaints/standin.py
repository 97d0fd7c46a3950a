"""A stand-in of the national complaints platform: a real HTTP server for development and tests.

It receives our signed updates (dropping repeated message ids, as the real platform
must), can refuse them for a while to play an outage, reports what it has, and can
send signed cases to Sanad's webhook.

    POST /updates      a signed update from Sanad (refused with 503 while "refusing")
    GET  /received     every update kept, in arrival order
    GET  /cases        the latest status per case reference (for reconciliation)
    POST /control      {"refuse": true|false, "lose_answers": true|false}
    POST /send-case    a case (JSON) to sign and send to Sanad; answers with Sanad's answer
"""

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

from complaints import national_platform


class StandinState:
    def __init__(self, secret: str, target: str):
        self.secret = secret
        self.target = target.rstrip("/")
        self.refuse = False
        self.lose_answers = False
        self.received: list[dict] = []
        self.seen: set[str] = set()
        self.lock = threading.Lock()

    def record(self, message_id: str, update: dict) -> bool:
        """Keep an update once; False when the message id was already kept."""
        with self.lock:
            if message_id in self.seen:
                return False
            self.seen.add(message_id)
            self.received.append({"message_id": message_id, **update})
            return True

    def cases(self) -> list[dict]:
        latest: dict[str, dict] = {}
        with self.lock:
            for update in self.received:
                latest[update["reference"]] = {
                    "reference": update["reference"],
                    "status": update["status"],
                }
        return list(latest.values())


class Handler(BaseHTTPRequestHandler):
    server_version = "NationalPlatformStandin/1"
    state: StandinState

    def log_message(self, format, *args):
        pass

    def _reply(self, status: int, payload) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self):
        if self.path == "/received":
            self._reply(200, self.state.received)
        elif self.path == "/cases":
            self._reply(200, self.state.cases())
        else:
            self._reply(404, {"error": "not_found"})

    def do_POST(self):
        body = self._body()
        if self.path == "/updates":
            self._receive_update(body)
        elif self.path == "/control":
            settings = json.loads(body or b"{}")
            self.state.refuse = bool(settings.get("refuse", self.state.refuse))
            self.state.lose_answers = bool(settings.get("lose_answers", self.state.lose_answers))
            self._reply(200, {"refuse": self.state.refuse, "lose_answers": self.state.lose_answers})
        elif self.path == "/send-case":
            self._send_case(body)
        else:
            self._reply(404, {"error": "not_found"})

    def _receive_update(self, body: bytes) -> None:
        if self.state.refuse:
            self._reply(HTTPStatus.SERVICE_UNAVAILABLE, {"error": "down for maintenance"})
            return
        refusal = national_platform.check_signature(self.state.secret, self.headers, body)
        if refusal is not None:
            self._reply(refusal.status, {"error": refusal.code})
            return
        message_id = self.headers.get(national_platform.MESSAGE_ID_HEADER, "")
        kept = self.state.record(message_id, json.loads(body))
        if self.state.lose_answers:
            # Kept, but the answer is "lost": the sender must retry, and the retry
            # must not become a second update.
            self._reply(HTTPStatus.BAD_GATEWAY, {"error": "answer lost"})
            return
        self._reply(200, {"kept": kept})

    def _send_case(self, body: bytes) -> None:
        headers = {
            **national_platform.signed_headers(self.state.secret, body),
            "Content-Type": "application/json",
        }
        response = httpx.post(
            f"{self.state.target}/integrations/national-platform/cases",
            content=body,
            headers=headers,
            timeout=10,
        )
        self._reply(response.status_code, response.json())


def make_server(port: int, secret: str, target: str) -> ThreadingHTTPServer:
    handler = type("BoundHandler", (Handler,), {"state": StandinState(secret, target)})
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
