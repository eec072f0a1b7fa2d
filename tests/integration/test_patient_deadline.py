"""The integration tests' longer AWS deadline, and the real one where a test is about it."""

import pytest

from infrastructure.aws import deadlines
from tests.integration.conftest import EMULATOR_DEADLINE_SECONDS


def test_contract_tests_wait_longer_than_the_api_for_a_slow_emulator() -> None:
    assert deadlines.REQUEST_DEADLINE_SECONDS == EMULATOR_DEADLINE_SECONDS


@pytest.mark.deadline
def test_a_test_about_the_deadline_keeps_the_real_one() -> None:
    assert deadlines.REQUEST_DEADLINE_SECONDS == 1.8
