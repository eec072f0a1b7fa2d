"""SecretProvider contract: a static token (demo) and SSM (emulated), with rotation on SSM."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from application.errors import DependencyUnavailable
from application.ports import SecretProvider
from infrastructure.aws.ssm_secret_provider import SsmSecretProvider
from infrastructure.memory.secrets import StaticSecretProvider

pytestmark = pytest.mark.integration

REFRESH_SECONDS = 60
GRACE_SECONDS = 300


class ManualClock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


async def put_token(ssm: Any, name: str, value: str) -> None:
    await ssm.put_parameter(Name=name, Value=value, Type="SecureString", Overwrite=True)


@pytest.fixture
async def stored_token(ssm: Any, parameter_name: str) -> str:
    await put_token(ssm, parameter_name, "token-1")
    return parameter_name


@pytest.fixture(params=["static", "ssm"])
def secrets(request: pytest.FixtureRequest, clock: ManualClock) -> SecretProvider:
    if request.param == "static":
        return StaticSecretProvider("token-1")
    name = request.getfixturevalue("stored_token")
    return SsmSecretProvider(request.getfixturevalue("ssm"), name, clock)


async def test_current_token_is_accepted_first(secrets: SecretProvider) -> None:
    assert await secrets.current() == "token-1"
    assert (await secrets.accepted())[0] == "token-1"


def provider(ssm: Any, name: str, clock: ManualClock) -> SsmSecretProvider:
    return SsmSecretProvider(
        ssm, name, clock, refresh_seconds=REFRESH_SECONDS, grace_seconds=GRACE_SECONDS
    )


async def test_rotation_accepts_the_previous_token_during_the_grace_period(
    ssm: Any, parameter_name: str, clock: ManualClock
) -> None:
    await put_token(ssm, parameter_name, "old")
    secrets = provider(ssm, parameter_name, clock)
    assert await secrets.accepted() == ("old",)

    await put_token(ssm, parameter_name, "new")
    clock.advance(REFRESH_SECONDS - 1)
    assert await secrets.current() == "old"

    clock.advance(1)
    assert await secrets.current() == "new"
    assert await secrets.accepted() == ("new", "old")

    clock.advance(GRACE_SECONDS - 1)
    assert await secrets.accepted() == ("new", "old")
    clock.advance(1)
    assert await secrets.accepted() == ("new",)


async def test_failed_refresh_keeps_serving_the_cached_token(
    ssm: Any, parameter_name: str, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    await put_token(ssm, parameter_name, "cached")
    secrets = provider(ssm, parameter_name, clock)
    assert await secrets.current() == "cached"
    await ssm.delete_parameter(Name=parameter_name)
    clock.advance(REFRESH_SECONDS)
    assert await secrets.current() == "cached"
    assert await secrets.accepted() == ("cached",)
    assert "not refreshed" in caplog.text


async def test_missing_parameter_at_first_load_is_unavailable_without_naming_it(
    ssm: Any, parameter_name: str, clock: ManualClock
) -> None:
    secrets = provider(ssm, parameter_name, clock)
    with pytest.raises(DependencyUnavailable) as raised:
        await secrets.current()
    assert raised.value.dependency == "secret store"
    assert parameter_name not in str(raised.value)
