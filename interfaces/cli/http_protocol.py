"""uvicorn's HTTP protocol, with its own parse errors answered as problem details.

A request uvicorn cannot parse (a malformed request line or header) never reaches the app, so
the app's exception handlers cannot shape the answer; uvicorn lets the protocol class be
chosen, and this one answers such requests like every other error: RFC 9457 problem details.
"""

import json

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol


class ProblemDetailsHttpToolsProtocol(HttpToolsProtocol):
    def send_400_response(self, msg: str) -> None:
        body = json.dumps(
            {
                "type": "about:blank",
                "title": "Bad Request",
                "status": 400,
                "detail": f"The request could not be parsed as HTTP: {msg.rstrip('.')}.",
            }
        ).encode()
        content = [STATUS_LINE[400]]
        for name, value in self.server_state.default_headers:
            content.extend([name, b": ", value, b"\r\n"])
        content.extend(
            [
                b"content-type: application/problem+json\r\n",
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                b"cache-control: no-store\r\n",
                b"connection: close\r\n",
                b"\r\n",
                body,
            ]
        )
        self.transport.write(b"".join(content))
        self.transport.close()
