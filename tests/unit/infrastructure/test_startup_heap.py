"""The ASGI factory leaves its startup heap out of later garbage collections."""

import gc
from collections.abc import Iterator

import pytest

from infrastructure import startup_heap
from infrastructure.bootstrap import runtimes
from interfaces.http import asgi


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # give the test process its heap back


def test_the_asgi_factory_freezes_what_it_built(
    unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runtimes, "configure_logging", lambda: None)  # leave the test's logging be
    monkeypatch.setenv("OTEL_SDK_DISABLED", "true")
    monkeypatch.setenv("INTERNAL_TOKEN", "runtime-test-token-0123456789")
    assert gc.get_freeze_count() == 0
    asgi.create_app_from_env()
    assert gc.get_freeze_count() > 10_000  # the modules, the app, its routes


def test_malloc_is_tuned_on_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    # The Docker image and these machines run glibc: both settings are accepted.
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    assert startup_heap.tune_malloc() is True
