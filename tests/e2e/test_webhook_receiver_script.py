"""The local webhook try-out in docs/api.md, as a user runs it: `scenegen serve` and
scripts/webhook_receiver.py as real processes; the receiver verifies the signed deliveries."""

import sys
import time
from pathlib import Path

import httpx

from infrastructure.webhooks.signing import generate_webhook_secret
from tests.e2e.processes import scenegen_serve
from tests.managed_process import free_port, start_process

RECEIVER = Path(__file__).resolve().parents[2] / "scripts" / "webhook_receiver.py"


def test_the_example_receiver_verifies_a_demo_servers_signed_webhooks(tmp_path: Path) -> None:
    secret = generate_webhook_secret()
    port = free_port()
    receiver = start_process(
        "receiver",
        [sys.executable, str(RECEIVER), "--port", str(port)],
        log_path=tmp_path / "receiver.log",
        env={"WEBHOOK_SECRET": secret},
    )
    env = {
        "INTERNAL_TOKEN": "e2e-token-0123456789abcdef",
        "WEBHOOK_SECRET": secret,
        "WEBHOOK_ALLOW_PRIVATE": "1",
        "WEBHOOK_ALLOW_HTTP": "1",
    }
    try:
        with scenegen_serve(env) as base_url:
            finished = httpx.post(
                f"{base_url}/generate",
                json={"prompt": "a harbour", "webhook": f"http://127.0.0.1:{port}/hook"},
                headers={"Prefer": "wait=30"},
                timeout=40,
            ).json()
            deadline = time.monotonic() + 15
            log = ""
            while "job.done" not in log and time.monotonic() < deadline:
                time.sleep(0.1)
                log = (tmp_path / "receiver.log").read_text()
            webhook = httpx.get(f"{base_url}/status/{finished['id']}").json()["webhook"]
    finally:
        receiver.stop()

    assert f"verified job.done {finished['id']} done" in log
    assert "NOT VERIFIED" not in log
    assert webhook["attempts"] == 1 and webhook["deliveredAt"]
