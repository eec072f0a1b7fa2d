"""SsmSecretProvider: the internal token from an SSM SecureString, re-read now and then."""

import asyncio
import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from application.ports import Clock
from infrastructure.aws.errors import unavailable

if TYPE_CHECKING:
    from types_aiobotocore_ssm import SSMClient

DEPENDENCY = "secret store"

logger = logging.getLogger(__name__)


class SsmSecretProvider:
    """Caches the parameter; re-reads it on access once `refresh_seconds` have passed.

    After it sees a new value it keeps accepting the previous one for `grace_seconds`, so a
    rotation never rejects a worker still sending the old token. A failed refresh keeps serving
    the cached value; only a failed first load raises.
    """

    def __init__(
        self,
        client: "SSMClient",
        parameter_name: str,
        clock: Clock,
        refresh_seconds: float = 60,
        grace_seconds: float = 300,
    ) -> None:
        self._client = client
        self._parameter_name = parameter_name
        self._clock = clock
        self._refresh = timedelta(seconds=refresh_seconds)
        self._grace = timedelta(seconds=grace_seconds)
        self._lock = asyncio.Lock()
        self._current: str | None = None
        self._next_refresh: datetime | None = None
        self._previous: str | None = None
        self._previous_until: datetime | None = None

    async def current(self) -> str:
        return await self._fresh()

    async def accepted(self) -> tuple[str, ...]:
        current = await self._fresh()
        previous, until = self._previous, self._previous_until
        if previous is not None and until is not None and self._clock.now() < until:
            return (current, previous)
        return (current,)

    async def _fresh(self) -> str:
        if self._current is not None and not self._due():
            return self._current
        async with self._lock:
            if self._current is None:
                self._current = await self._load_first()
                self._next_refresh = self._clock.now() + self._refresh
            elif self._due():
                await self._refresh_cached(self._current)
            return self._current

    def _due(self) -> bool:
        return self._next_refresh is None or self._clock.now() >= self._next_refresh

    async def _load_first(self) -> str:
        try:
            return await self._read()
        except (ClientError, BotoCoreError) as error:
            raise unavailable(DEPENDENCY, error) from error

    async def _refresh_cached(self, cached: str) -> None:
        now = self._clock.now()
        self._next_refresh = now + self._refresh
        try:
            value = await self._read()
        except (ClientError, BotoCoreError) as error:
            logger.warning("internal token not refreshed, serving the cached one: %r", error)
            return
        if value != cached:
            self._previous, self._previous_until = cached, now + self._grace
            self._current = value

    async def _read(self) -> str:
        response = await self._client.get_parameter(Name=self._parameter_name, WithDecryption=True)
        value: str = response["Parameter"]["Value"]
        return value
