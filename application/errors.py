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


class JobStoreFull(DependencyUnavailable):
    """The job store holds as many unfinished jobs as it may: none can be added until one ends."""

    def __init__(self, capacity: int) -> None:
        super().__init__("job store", f"all {capacity} slots hold unfinished jobs")
        self.capacity = capacity
