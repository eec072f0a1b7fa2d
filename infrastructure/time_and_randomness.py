"""System clock, job ids and seeds: the only places that read time or draw randomness."""

import secrets
from datetime import UTC, datetime

from domain.jobs.ids import CROCKFORD_ALPHABET, RANDOM_BITS, RANDOM_CHARS, TIME_CHARS, is_job_id
from domain.keys import SECRET_PREFIX


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class RandomJobIds:
    """36 characters: 48-bit millisecond time then 130 random bits, Crockford base32, lowercase.

    Sorts by creation time like a ULID, but with more random bits than a UUIDv4 (122).
    """

    def new_id(self, now: datetime) -> str:
        millis = int(now.timestamp() * 1000)
        return _base32(millis, TIME_CHARS) + _base32(secrets.randbits(RANDOM_BITS), RANDOM_CHARS)


class RandomKeySecrets:
    """`sg_` and 43 url-safe characters: 256 random bits (secrets.token_urlsafe(32))."""

    def new_secret(self) -> str:
        return SECRET_PREFIX + secrets.token_urlsafe(32)


class RandomSeeds:
    def new_seed(self) -> int:
        return secrets.randbits(32)


__all__ = ["RandomJobIds", "RandomKeySecrets", "RandomSeeds", "SystemClock", "is_job_id"]


def _base32(value: int, width: int) -> str:
    chars = []
    for _ in range(width):
        value, digit = divmod(value, 32)
        chars.append(CROCKFORD_ALPHABET[digit])
    return "".join(reversed(chars))
