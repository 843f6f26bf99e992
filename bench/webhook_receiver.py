"""A bureau's webhook for the outbox drill: verifies signatures, honours idempotency keys,
and refuses a share of requests (503) to make the dispatcher retry.

Run as ``python -m bench.webhook_receiver PORT SECRET FAIL_RATE SEED``; ``GET /stats``
answers ``{"requests", "refused", "bad_signatures", "acted", "duplicates", "keys"}``.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from frontline.hits.signing import SIGNATURE_HEADER, verify_signature


class Receiver:
    def __init__(self, secret: str, fail_rate: float, seed: int) -> None:
        self.secret = secret
        self.fail_rate = fail_rate
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.keys: set[str] = set()
        self.stats = {"requests": 0, "refused": 0, "bad_signatures": 0, "duplicates": 0}

    def take(self, body: bytes, key: str, signature: str) -> int:
        """The status to answer; acts on each key once."""
        with self.lock:
            self.stats["requests"] += 1
            if self.rng.random() < self.fail_rate:
                self.stats["refused"] += 1
                return 503
            if not verify_signature(self.secret, body, signature, now=int(time.time())):
                self.stats["bad_signatures"] += 1
                return 400
            if key in self.keys:
                self.stats["duplicates"] += 1
            else:
                self.keys.add(key)
            return 200

    def report(self) -> dict[str, object]:
        with self.lock:
            return {**self.stats, "acted": len(self.keys), "keys": sorted(self.keys)}


def serve(port: int, receiver: Receiver) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: one connection per dispatcher thread

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status = receiver.take(
                body,
                self.headers.get("Idempotency-Key", ""),
                self.headers.get(SIGNATURE_HEADER, ""),
            )
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            payload = json.dumps(receiver.report()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *_args: object) -> None:
            return

    server = _QuietServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    return server


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A dispatcher killed mid-request resets its connections: expected in the drill."""


if __name__ == "__main__":
    port, secret, fail_rate, seed = sys.argv[1:5]
    serve(int(port), Receiver(secret, float(fail_rate), int(seed))).serve_forever()
