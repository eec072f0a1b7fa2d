"""The persistent stack here without Docker: MiniStack, provisioning, one API, one worker.

    python scripts/local_stack.py up     # starts everything, prints the URL and the environment
    python scripts/local_stack.py down   # stops exactly the processes `up` started

Process ids and logs are kept in .run/. Ports: LOCAL_EMULATOR_PORT (4566), LOCAL_API_PORT (8000),
LOCAL_INTERNAL_PORT (8001: the worker's callbacks and /readyz, as in the deployed stack); `up`
refuses to start, naming the port, when one is already taken.

API keys are on (AUTH_MODE=api-keys, persistent mode's default): `up` makes one key named
`local` and writes its secret, and nothing else, to .run/api-key (mode 0600; never printed):

    curl -H "Authorization: Bearer $(cat .run/api-key)" http://127.0.0.1:8000/jobs
    SCENEGEN_API_KEY="$(cat .run/api-key)" .venv/bin/scenegen smoke --base-url http://127.0.0.1:8000

More keys: `scenegen keys create --name NAME` with JOBS_TABLE, ARTIFACTS_BUCKET and the AWS_*
variables of `stack_env()` (the command is in docs/operations.md).

`AUTH_MODE=none make up` runs the stack without keys (and makes none).

Webhooks are on, durable through the queue WEBHOOKS_QUEUE (scenegen-local-webhooks). They are
signed with WEBHOOK_SECRET from the environment when set, else with a secret generated here and
printed once. A receiver on this machine (loopback, plain http) is refused unless allowed:

    WEBHOOK_ALLOW_PRIVATE=1 WEBHOOK_ALLOW_HTTP=1 make up
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / ".run"
STATE = RUN / "stack.json"
API_KEY_FILE = RUN / "api-key"
BIN = ROOT / ".venv" / "bin"
MINISTACK = ROOT / ".venv-emulator" / "bin" / "ministack"
RECEIVER = ROOT / "scripts" / "webhook_receiver.py"
EMULATOR_PORT = int(os.environ.get("LOCAL_EMULATOR_PORT", "4566"))
API_PORT = int(os.environ.get("LOCAL_API_PORT", "8000"))
INTERNAL_PORT = int(os.environ.get("LOCAL_INTERNAL_PORT", "8001"))


def stack_env() -> dict[str, str]:
    endpoint = f"http://127.0.0.1:{EMULATOR_PORT}"
    return {
        "JOBS_TABLE": "scenegen-local-jobs",
        "ARTIFACTS_BUCKET": "scenegen-local-artifacts",
        "JOBS_QUEUE": "scenegen-local-jobs",
        "WEBHOOKS_QUEUE": "scenegen-local-webhooks",
        "INTERNAL_TOKEN_PARAMETER": "/scenegen/local/internal-token",
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "ORCHESTRATOR_URL": f"http://127.0.0.1:{INTERNAL_PORT}",
    }


WEBHOOK_FLAGS = ("WEBHOOK_ALLOW_PRIVATE", "WEBHOOK_ALLOW_HTTP")
LOOPBACK_HINT = "WEBHOOK_ALLOW_PRIVATE=1 WEBHOOK_ALLOW_HTTP=1 make up"


def webhook_env(environ: Mapping[str, str] | None = None) -> tuple[dict[str, str], bool]:
    """WEBHOOK_SECRET (the caller's, else a new one) and the allow flags the caller set.

    Returns the variables and whether the secret was generated here (then `up` prints it).
    """
    from infrastructure.webhooks.signing import generate_webhook_secret

    source = os.environ if environ is None else environ
    given = source.get("WEBHOOK_SECRET", "").strip()
    env = {"WEBHOOK_SECRET": given or generate_webhook_secret()}
    env.update({flag: source[flag] for flag in WEBHOOK_FLAGS if source.get(flag, "").strip()})
    return env, not given


def announce_webhooks(env: Mapping[str, str], generated: bool) -> None:
    """One line on the secret (its value only when generated here), one on verifying with it."""
    secret = env["WEBHOOK_SECRET"]
    if generated:
        print(f"webhooks: signed with WEBHOOK_SECRET={secret} (generated; shown only now)")
    else:
        print("webhooks: signed with WEBHOOK_SECRET from your environment")
    shown = f"'{secret}'" if generated else '"$WEBHOOK_SECRET"'
    if RECEIVER.exists():
        how = f"WEBHOOK_SECRET={shown} .venv/bin/python scripts/webhook_receiver.py --port 9000"
    else:
        how = f"standardwebhooks.Webhook({shown}).verify(body, headers)"
    allowed = all(
        env.get(flag, "").strip().lower() in ("1", "true", "yes") for flag in WEBHOOK_FLAGS
    )
    hint = (
        "" if allowed else f" (a receiver on 127.0.0.1 over http needs: make down; {LOOPBACK_HINT})"
    )
    print(f"verify deliveries with it: {how}{hint}")


def start(name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    log = (RUN / f"{name}.log").open("ab")
    return subprocess.Popen(
        command,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,
    )


def port_taken(port: int) -> bool:
    """Something answers on the port, or it cannot be bound (another process listens)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def require_free_ports() -> None:
    for variable, port, what in (
        ("LOCAL_EMULATOR_PORT", EMULATOR_PORT, "the emulator"),
        ("LOCAL_API_PORT", API_PORT, "the API"),
        ("LOCAL_INTERNAL_PORT", INTERNAL_PORT, "the API's internal port"),
    ):
        if port_taken(port):
            raise SystemExit(
                f"local stack: port {port} ({what}) is already in use by another process; "
                f"stop it or choose another port, e.g. {variable}={port + 1} make up"
            )


def wait_for(url: str, what: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Until `url` answers 200 while `process` (the one we started) still runs.

    A process that exits (its port was taken meanwhile, or it crashed) is never taken for
    ready, even if another server answers at the same address.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            down()
            raise SystemExit(
                f"local stack: {what} exited with status {process.returncode} before it was "
                f"ready; see .run/*.log"
            )
        try:
            if httpx.get(url, timeout=2.0).status_code == 200 and process.poll() is None:
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
    require_free_ports()
    RUN.mkdir(exist_ok=True)
    webhooks, generated = webhook_env()
    env = {**stack_env(), **webhooks}
    pids: dict[str, int] = {}
    emulator_env = {
        "GATEWAY_PORT": str(EMULATOR_PORT),
        "BIND_HOST": "127.0.0.1",
        "IOT_MTLS_ENABLED": "0",
    }
    emulator = start("emulator", [str(MINISTACK)], emulator_env)
    pids["emulator"] = emulator.pid
    save(pids)
    wait_for(f"{env['AWS_ENDPOINT_URL']}/_ministack/health", "MiniStack", emulator)
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
    keyed = os.environ.get("AUTH_MODE", "").strip().lower() != "none"
    if keyed:
        create_local_key(env)
    api = [
        *(str(BIN / "scenegen"), "serve", "--port", str(API_PORT)),
        *("--internal-port", str(INTERNAL_PORT)),
    ]
    api_process = start("api", api, env)
    pids["api"] = api_process.pid
    save(pids)
    wait_for(f"http://127.0.0.1:{INTERNAL_PORT}/readyz", "the API", api_process)
    pids["worker"] = start("worker", [str(BIN / "scenegen"), "worker"], env).pid
    save(pids)
    print(f"local stack up: API at http://127.0.0.1:{API_PORT} (logs in .run/)")
    announce_webhooks(env, generated)
    base_url = f"http://127.0.0.1:{API_PORT}"
    if not keyed:
        print(f"try: .venv/bin/scenegen smoke --base-url {base_url}")
        return
    relative = API_KEY_FILE.relative_to(ROOT)
    print(f"API keys on: key 'local' in {relative} (0600; its secret is not shown)")
    print(f'try: curl -H "Authorization: Bearer $(cat {relative})" {base_url}/jobs')
    print(
        f'     SCENEGEN_API_KEY="$(cat {relative})" .venv/bin/scenegen smoke --base-url {base_url}'
    )


SECRET_LINE = "secret (shown once, store it now): "


def create_local_key(env: Mapping[str, str]) -> None:
    """`scenegen keys create --name local`, its secret written to API_KEY_FILE (0600) only."""
    created = subprocess.run(
        [str(BIN / "scenegen"), "keys", "create", "--name", "local"],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    secrets = [
        line.removeprefix(SECRET_LINE).strip()
        for line in created.stdout.splitlines()
        if line.startswith(SECRET_LINE)
    ]
    if created.returncode != 0 or len(secrets) != 1:
        print(created.stderr, file=sys.stderr, end="")
        down()
        raise SystemExit("local stack: could not create the local API key")
    API_KEY_FILE.unlink(missing_ok=True)
    descriptor = os.open(API_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write(secrets[0] + "\n")


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
