"""Errors the use cases raise for the interfaces to translate."""


class JobNotFound(LookupError):
    """No job has this id."""


class IdempotencyKeyReused(ValueError):
    """The Idempotency-Key was already used with a different request body."""


class DependencyUnavailable(RuntimeError):
    """A store, queue or secret the service depends on did not answer; safe to retry."""

    def __init__(self, dependency: str, detail: str = "") -> None:
        super().__init__(f"{dependency} is unavailable" + (f": {detail}" if detail else ""))
        self.dependency = dependency
