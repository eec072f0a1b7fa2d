"""A proxy between a worker and the API that holds one step callback until the test says so:
the way to catch a worker between two steps, which take milliseconds."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class HoldingProxy:
    """Forwards a worker's callbacks to `upstream`; the one for `held_step` waits until the test
    releases it (then it is forwarded) or the worker dies."""

    def __init__(self, upstream: str, held_step: str) -> None:
        self.holding = threading.Event()
        self.forward_held = True
        self.released = threading.Event()
        self.answers: list[int] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if f'"stepId":"{held_step}"' in body.decode():
                    proxy.holding.set()
                    proxy.released.wait(timeout=30)
                    if not proxy.forward_held:
                        self.close_connection = True
                        return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                answer = httpx.post(upstream + self.path, content=body, headers=headers, timeout=10)
                proxy.answers.append(answer.status_code)
                self.send_response(answer.status_code)
                for name, value in answer.headers.items():
                    if name.lower() not in HOP_HEADERS:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@contextmanager
def holding_proxy(upstream: str, held_step: str) -> Iterator[HoldingProxy]:
    proxy = HoldingProxy(upstream, held_step)
    thread = threading.Thread(target=proxy.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.released.set()
        proxy.server.shutdown()
        proxy.server.server_close()
