"""A webhook receiver for trying the service's signed webhooks locally.

Verifies every delivery with the `standardwebhooks` library against WEBHOOK_SECRET (any of its
space-separated secrets), prints one line per delivery, and answers 200 (401 when the signature
does not verify, so the service retries and shows the error).

    WEBHOOK_SECRET=whsec_... .venv/bin/python scripts/webhook_receiver.py --port 9000
"""

import argparse
import contextlib
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9000)
    args = parser.parse_args()
    secrets = os.environ.get("WEBHOOK_SECRET", "").split()
    if not secrets:
        print("webhook_receiver: set WEBHOOK_SECRET to the service's secret", file=sys.stderr)
        return 2
    verifiers = [Webhook(secret) for secret in secrets]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            headers = {name.lower(): value for name, value in self.headers.items()}
            if not any(_verifies(verifier, body, headers) for verifier in verifiers):
                print(f"NOT VERIFIED: webhook-id {headers.get('webhook-id')}", flush=True)
                self.send_response(401)
                self.end_headers()
                return
            event = json.loads(body)
            data = event.get("data", {})
            subject = data.get("stepId") or f"{data.get('id')} {data.get('status')}"
            print(
                f"verified {event['type']} {subject} (webhook-id {headers['webhook-id']})",
                flush=True,
            )
            self.send_response(200)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"receiving webhooks on http://127.0.0.1:{args.port}/hook", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


def _verifies(verifier: Webhook, body: bytes, headers: dict[str, str]) -> bool:
    try:
        verifier.verify(body, headers)
    except WebhookVerificationError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
