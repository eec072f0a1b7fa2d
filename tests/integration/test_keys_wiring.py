"""The composition root's key and quota providers, in both modes: a key created as the CLI does
authenticates, submits a job it owns, finds and lists it, and is counted by its quota."""

from collections.abc import AsyncIterator
from typing import Any

import msgspec
import pytest

from application.errors import JobNotFound
from application.use_cases.api_keys import CreateApiKey, CreateApiKeyHandler
from application.use_cases.list_jobs import ListJobs
from application.use_cases.quotas import QuotaExceeded
from application.use_cases.submit_job import SubmitJob
from infrastructure.aws.dynamodb_key_store import keys_table_for
from infrastructure.aws.provision import ensure_keys_table
from infrastructure.bootstrap import Container, key_admin_from_settings, resolve, shutdown
from infrastructure.memory.key_store import InMemoryKeyStore
from infrastructure.settings import Settings
from infrastructure.time_and_randomness import RandomKeySecrets, SystemClock
from tests.aws_emulator import REGION

pytestmark = pytest.mark.integration

TOKEN = "wiring-token-0123456789abcdef"


class Mode:
    def __init__(self, settings: Settings, dynamodb: Any = None) -> None:
        self.settings = settings
        self.dynamodb = dynamodb


@pytest.fixture(params=["memory", "dynamodb"])
def mode(request: pytest.FixtureRequest) -> Mode:
    if request.param == "memory":
        return Mode(Settings(internal_token=TOKEN))
    settings = Settings(
        internal_token=TOKEN,
        jobs_table=request.getfixturevalue("jobs_table"),
        artifacts_bucket=request.getfixturevalue("artifacts_bucket"),
        aws_region=REGION,
        aws_endpoint_url=request.getfixturevalue("aws_endpoint"),
    )
    return Mode(settings, request.getfixturevalue("dynamodb"))


@pytest.fixture
async def container(mode: Mode) -> AsyncIterator[Container]:
    table = mode.settings.jobs_table
    if table:
        await ensure_keys_table(mode.dynamodb, keys_table_for(table))
    made = Container(settings=mode.settings)
    yield made
    await shutdown(made)
    if table:
        await mode.dynamodb.delete_table(TableName=keys_table_for(table))


async def create_key(container: Container, name: str) -> str:
    """As `scenegen keys create` does (DynamoDB), or straight into demo mode's store."""
    settings: Settings = container.settings()
    if settings.jobs_table:
        async with key_admin_from_settings(settings) as admin:
            return (await admin.create(CreateApiKey(name=name, max_active=1))).secret
    store: InMemoryKeyStore = await resolve(container.key_store)
    create = CreateApiKeyHandler(keys=store, secrets=RandomKeySecrets(), clock=SystemClock())
    return (await create(CreateApiKey(name=name, max_active=1))).secret


async def test_a_key_submits_finds_lists_and_is_counted(container: Container) -> None:
    secret, other_secret = await create_key(container, "mine"), await create_key(container, "b")
    authenticate = await resolve(container.authenticate)
    key, other = await authenticate(secret), await authenticate(other_secret)
    assert key is not None and other is not None and key.name == "mine"
    quota = await resolve(container.submission_quota)
    assert (await quota.take(key, None)).allowed

    submit = await resolve(container.submit_job)
    command = SubmitJob(
        prompt="a well", width=16, height=8, seed=1, idempotency_key="k", owner=key.id, key=key
    )
    result = await submit(command)
    assert result.job.owner == key.id
    assert result.quota is not None and result.quota.active == 1

    find = await resolve(container.find_own_job)
    assert (await find(result.job.id, key.id)).id == result.job.id
    with pytest.raises(JobNotFound):
        await find(result.job.id, other.id)

    listing = await resolve(container.list_jobs)
    page = await listing(ListJobs(owner=key.id))
    assert [view.job.id for view in page.items] == [result.job.id]
    assert (await listing(ListJobs(owner=other.id))).items == ()

    with pytest.raises(QuotaExceeded) as refused:  # max_active 1, its job queued (no worker here)
        await submit(msgspec.structs.replace(command, idempotency_key="k2"))
    decision = refused.value.decision
    assert decision.exceeded == "active" and decision.active == 1
    assert (await submit(command)).job.id == result.job.id  # a replay takes no slot
    assert await authenticate("sg_" + "x" * 40) is None
