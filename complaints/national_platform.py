"""The contract with the national complaints platform (docs/national-platform.md).

Both directions sign the raw body with HMAC-SHA256 over "<timestamp>.<body>" and
send the signature and the timestamp in headers; anything older or newer than five
minutes is refused, so a captured request cannot be replayed later.
"""

import hashlib
import hmac
import json
import time
from dataclasses import dataclass

SIGNATURE_HEADER = "X-Platform-Signature"
TIMESTAMP_HEADER = "X-Platform-Timestamp"
MESSAGE_ID_HEADER = "X-Message-Id"
REPLAY_WINDOW_SECONDS = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def signed_headers(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: sign(secret, timestamp, body)}


@dataclass(frozen=True)
class Refusal:
    status: int
    code: str
    message: str


def check_signature(secret: str, headers, body: bytes, now: float | None = None) -> Refusal | None:
    """None when the request is signed by the platform and fresh; else why it is refused."""
    raw_timestamp = headers.get(TIMESTAMP_HEADER, "")
    signature = headers.get(SIGNATURE_HEADER, "")
    if not raw_timestamp.isdigit() or not signature:
        return Refusal(
            401, "unsigned", "X-Platform-Timestamp and X-Platform-Signature are required"
        )
    timestamp = int(raw_timestamp)
    if abs((now or time.time()) - timestamp) > REPLAY_WINDOW_SECONDS:
        return Refusal(401, "stale", "the timestamp is outside the 5-minute window")
    if not hmac.compare_digest(sign(secret, timestamp, body), signature):
        return Refusal(401, "bad_signature", "the signature does not match the body")
    return None


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
