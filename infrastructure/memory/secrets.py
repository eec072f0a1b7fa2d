"""StaticSecretProvider: a token from INTERNAL_TOKEN or generated at start."""


class StaticSecretProvider:
    def __init__(self, current: str, previous: str | None = None) -> None:
        self._current = current
        self._accepted = (current,) if previous is None else (current, previous)

    async def current(self) -> str:
        return self._current

    async def accepted(self) -> tuple[str, ...]:
        return self._accepted
