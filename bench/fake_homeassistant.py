"""A stand-in Home Assistant for scripts/bench-homeassistant.sh.

Answers GET /api/, POST /api/services/<domain>/<service> and
POST /api/conversation/process with Home Assistant's JSON shapes, checking
the bearer token. MODE=hang accepts connections and never answers (a Home
Assistant that is up but stuck).

Usage: python3 fake_homeassistant.py PORT TOKEN [MODE]
"""
import json
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, TOKEN = int(sys.argv[1]), sys.argv[2]
MODE = sys.argv[3] if len(sys.argv) > 3 else "normal"

LIGHT = {
    "entity_id": "light.kitchen", "state": "on",
    "attributes": {"friendly_name": "Kitchen Light"},
    "last_changed": "2026-11-21T10:00:00+00:00", "last_updated": "2026-11-21T10:00:00+00:00",
    "context": {"id": "01JDZK8Q2V00000000000CTX01", "parent_id": None, "user_id": None},
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out as two writes: without this, Nagle's
        # algorithm and the client's delayed ACK add 40 ms to every answer.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_request(self):
        if MODE == "hang":
            time.sleep(3600)
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            return self.answer(401, {"message": "401: Unauthorized"})
        if self.command == "GET" and self.path == "/api/":
            return self.answer(200, {"message": "API running."})
        if self.command == "POST" and self.path.startswith("/api/services/"):
            return self.answer(200, [LIGHT])
        if self.command == "POST" and self.path == "/api/conversation/process":
            text = json.loads(body or b"{}").get("text", "")
            return self.answer(200, {
                "response": {
                    "speech": {"plain": {"speech": "Turned on the light", "extra_data": None}},
                    "card": {}, "language": "en", "response_type": "action_done",
                    "data": {"targets": [], "success": [], "failed": []},
                },
                "conversation_id": "01JDZK8Q2V000000000000BENCH",
                "continue_conversation": False,
                "text": text,
            })
        return self.answer(404, {"message": "Not Found"})

    do_GET = handle_request
    do_POST = handle_request


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
