"""compose.yaml is valid Compose and runs the same stack as `make up`."""

import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from infrastructure.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "tests" / "data" / "compose-spec.schema.json"


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return loaded


def test_compose_file_validates_against_the_compose_specification() -> None:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft7Validator(schema).validate(_compose())


def test_localstack_is_pinned_to_the_last_tag_without_an_auth_token() -> None:
    assert _compose()["services"]["localstack"]["image"] == "localstack/localstack:4.14.0"


def test_compose_runs_provisioning_once_then_the_api_and_a_worker() -> None:
    services = _compose()["services"]
    assert services["provision"]["command"] == ["provision"]
    assert services["api"]["depends_on"]["provision"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["worker"]["command"] == ["worker"]
    # The worker reports to the API's internal port, which serves only the callbacks and
    # /readyz (as in the deployed stack); the public port has no internal route.
    api_command = services["api"]["command"]
    internal_port = api_command[api_command.index("--internal-port") + 1]
    assert internal_port != api_command[api_command.index("--port") + 1]
    assert services["worker"]["environment"]["ORCHESTRATOR_URL"] == f"http://api:{internal_port}"
    assert f"localhost:{internal_port}/readyz" in " ".join(services["api"]["healthcheck"]["test"])


def test_compose_environment_is_a_valid_persistent_configuration() -> None:
    environment = {
        key: str(value) for key, value in _compose()["services"]["worker"]["environment"].items()
    }
    settings = Settings.from_env(environment)
    assert not settings.demo_mode
    assert settings.jobs_table and settings.artifacts_bucket and settings.jobs_queue
    assert settings.internal_token_parameter
