"""The persistent stack here without Docker: MiniStack, provisioning, one API, one worker.

    python scripts/local_stack.py up     # starts everything, prints the URL and the environment
    python scripts/local_stack.py down   # stops exactly the processes `up` started

Process ids and logs are kept in .run/. Ports: LOCAL_EMULATOR_PORT (4566), LOCAL_API_PORT (8000).
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / ".run"
STATE = RUN / "stack.json"
BIN = ROOT / ".venv" / "bin"
MINISTACK = ROOT / ".venv-emulator" / "bin" / "ministack"
EMULATOR_PORT = int(os.environ.get("LOCAL_EMULATOR_PORT", "4566"))
API_PORT = int(os.environ.get("LOCAL_API_PORT", "8000"))


def stack_env() -> dict[str, str]:
    endpoint = f"http://127.0.0.1:{EMULATOR_PORT}"
    return {
        "JOBS_TABLE": "scenegen-local-jobs",
        "ARTIFACTS_BUCKET": "scenegen-local-artifacts",
        "JOBS_QUEUE": "scenegen-local-jobs",
        "INTERNAL_TOKEN_PARAMETER": "/scenegen/local/internal-token",
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "ORCHESTRATOR_URL": f"http://127.0.0.1:{API_PORT}",
    }


def start(name: str, command: list[str], env: dict[str, str]) -> int:
    log = (RUN / f"{name}.log").open("ab")
    process = subprocess.Popen(
        command,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,
    )
    return process.pid


def wait_for(url: str, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    down()
    raise SystemExit(f"local stack: {what} did not become ready at {url}; see .run/*.log")


def up() -> None:
    if STATE.exists():
        raise SystemExit("local stack: already up (run `make down` first)")
    if not MINISTACK.exists():
        raise SystemExit("local stack: MiniStack is not installed (run `make emulator`)")
    RUN.mkdir(exist_ok=True)
    env = stack_env()
    pids: dict[str, int] = {}
    emulator_env = {
        "GATEWAY_PORT": str(EMULATOR_PORT),
        "BIND_HOST": "127.0.0.1",
        "IOT_MTLS_ENABLED": "0",
    }
    pids["emulator"] = start("emulator", [str(MINISTACK)], emulator_env)
    save(pids)
    wait_for(f"{env['AWS_ENDPOINT_URL']}/_ministack/health", "MiniStack")
    provisioned = subprocess.run(
        [str(BIN / "scenegen"), "provision"],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    print(provisioned.stdout, end="")
    if provisioned.returncode != 0:
        print(provisioned.stderr, file=sys.stderr, end="")
        down()
        raise SystemExit("local stack: provisioning failed")
    api = [str(BIN / "scenegen"), "serve", "--port", str(API_PORT)]
    pids["api"] = start("api", api, env)
    save(pids)
    wait_for(f"http://127.0.0.1:{API_PORT}/readyz", "the API")
    pids["worker"] = start("worker", [str(BIN / "scenegen"), "worker"], env)
    save(pids)
    print(f"local stack up: API at http://127.0.0.1:{API_PORT} (logs in .run/)")
    print(f"try: .venv/bin/scenegen smoke --base-url http://127.0.0.1:{API_PORT}")


def down() -> None:
    if not STATE.exists():
        print("local stack: nothing to stop")
        return
    pids: dict[str, int] = json.loads(STATE.read_text())
    for name in ("worker", "api", "emulator"):
        pid = pids.get(name)
        if pid is not None and stop(pid):
            print(f"stopped {name} (pid {pid})")
    STATE.unlink()


def stop(pid: int, grace: float = 15.0) -> bool:
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    os.killpg(pid, signal.SIGKILL)
    return True


def save(pids: dict[str, int]) -> None:
    STATE.write_text(json.dumps(pids))


if __name__ == "__main__":
    commands = {"up": up, "down": down}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit("usage: local_stack.py up|down")
    commands[sys.argv[1]]()
