"""Dependencies that do not answer: a TCP server that accepts and stays silent, a closed port."""

import socket
import threading


class SilentServer:
    """Accepts every connection and never reads or writes: a hung dependency."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self._listener.settimeout(0.2)
        self.port: int = self._listener.getsockname()[1]
        self._held: list[socket.socket] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._held.append(connection)

    @property
    def connections(self) -> int:
        """Connections accepted so far (and held)."""
        return len(self._held)

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=2)
        self._listener.close()
        for connection in self._held:
            connection.close()


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port
