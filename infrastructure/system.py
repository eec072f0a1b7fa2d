"""System clock, job ids and seeds: the only places that read time or draw randomness."""

import re
import secrets
from datetime import UTC, datetime

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
_TIME_CHARS = 10
_RANDOM_BITS = 130
_RANDOM_CHARS = _RANDOM_BITS // 5


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class RandomJobIds:
    """36 characters: 48-bit millisecond time then 130 random bits, Crockford base32, lowercase.

    Sorts by creation time like a ULID, but with more random bits than a UUIDv4 (122).
    """

    def new_id(self, now: datetime) -> str:
        millis = int(now.timestamp() * 1000)
        return _base32(millis, _TIME_CHARS) + _base32(secrets.randbits(_RANDOM_BITS), _RANDOM_CHARS)


class RandomSeeds:
    def new_seed(self) -> int:
        return secrets.randbits(32)


_JOB_ID = re.compile(f"[{_CROCKFORD}]{{{_TIME_CHARS + _RANDOM_CHARS}}}")


def is_job_id(text: str) -> bool:
    return _JOB_ID.fullmatch(text) is not None


def _base32(value: int, width: int) -> str:
    chars = []
    for _ in range(width):
        value, digit = divmod(value, 32)
        chars.append(_CROCKFORD[digit])
    return "".join(reversed(chars))
