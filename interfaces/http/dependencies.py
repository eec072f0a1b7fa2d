"""Bridge from the dependency-injector container to Litestar's own dependency injection."""

from typing import Any

from dependency_injector import providers
from litestar.di import Provide

from infrastructure.container import resolve


def provide(provider: "providers.Provider[Any]") -> Provide:
    """A Litestar dependency that asks the container for a fresh use case on each request."""

    async def dependency() -> Any:
        return await resolve(provider)

    return Provide(dependency, use_cache=False)
