"""The shape of a job id: 36 lowercase Crockford base32 characters (time, then randomness)."""

import re

CROCKFORD_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
TIME_CHARS = 10
"""48 bits of milliseconds since the epoch (10 characters of 5 bits)."""
RANDOM_BITS = 130
RANDOM_CHARS = RANDOM_BITS // 5
JOB_ID_LENGTH = TIME_CHARS + RANDOM_CHARS

JOB_ID_PATTERN = f"^[{CROCKFORD_ALPHABET}]{{{JOB_ID_LENGTH}}}$"
_JOB_ID = re.compile(JOB_ID_PATTERN)


def is_job_id(text: str) -> bool:
    """Whether `text` could be a job id; a malformed id names no job, so no store is asked."""
    return _JOB_ID.fullmatch(text) is not None
