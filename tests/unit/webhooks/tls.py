"""A self-signed certificate made with the openssl command, for a TLS receiver on loopback."""

import ssl
import subprocess
from pathlib import Path

TLS_HOST = "receiver.test"


class TlsFiles:
    """A self-signed certificate for `receiver.test`, and contexts to serve and trust it."""

    def __init__(self, directory: Path) -> None:
        self.certificate = directory / "receiver.pem"
        self.key = directory / "receiver-key.pem"
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
                *("-keyout", str(self.key), "-out", str(self.certificate)),
                *("-subj", f"/CN={TLS_HOST}", "-addext", f"subjectAltName=DNS:{TLS_HOST}"),
            ],
            check=True,
            capture_output=True,
        )

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.certificate, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.certificate))
