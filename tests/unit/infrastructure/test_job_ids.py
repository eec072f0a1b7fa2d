"""RandomJobIds: 36 URL-safe characters, sorted by creation time, unique; and is_job_id."""

import string
from datetime import timedelta

from infrastructure.time_and_randomness import RandomJobIds, RandomSeeds, SystemClock, is_job_id
from tests.fakes import T0

URL_SAFE = set(string.ascii_letters + string.digits + "-._~")


def test_job_id_is_36_url_safe_characters() -> None:
    job_id = RandomJobIds().new_id(T0)
    assert len(job_id) == 36
    assert set(job_id) <= URL_SAFE
    assert job_id == job_id.lower()


def test_job_ids_sort_by_creation_time() -> None:
    ids = RandomJobIds()
    minted = [ids.new_id(T0 + timedelta(milliseconds=step)) for step in (0, 1, 2, 1000, 86_400_000)]
    assert minted == sorted(minted)


def test_job_ids_from_later_years_still_sort_after() -> None:
    ids = RandomJobIds()
    assert ids.new_id(T0) < ids.new_id(T0 + timedelta(days=365 * 50))


def test_job_ids_are_unique_over_ten_thousand() -> None:
    ids = RandomJobIds()
    minted = {ids.new_id(T0) for _ in range(10_000)}
    assert len(minted) == 10_000


def test_job_ids_in_the_same_millisecond_differ_in_the_random_part() -> None:
    ids = RandomJobIds()
    first, second = ids.new_id(T0), ids.new_id(T0)
    assert first[:10] == second[:10]
    assert first[10:] != second[10:]


def test_is_job_id_accepts_minted_ids() -> None:
    ids = RandomJobIds()
    assert all(is_job_id(ids.new_id(T0 + timedelta(seconds=n))) for n in range(100))


def test_is_job_id_refuses_other_text() -> None:
    good = RandomJobIds().new_id(T0)
    for bad in (
        "",
        good[:-1],
        good + "0",
        good.upper(),
        good[:-1] + "u",  # not in the Crockford alphabet
        good[:-1] + "-",
        "../" + good[3:],
        "not-a-job",
    ):
        assert not is_job_id(bad), bad


def test_system_clock_is_timezone_aware() -> None:
    assert SystemClock().now().utcoffset() == timedelta(0)


def test_random_seeds_fit_in_32_bits() -> None:
    seeds = RandomSeeds()
    values = [seeds.new_seed() for _ in range(200)]
    assert all(0 <= value < 2**32 for value in values)
    assert len(set(values)) > 1
