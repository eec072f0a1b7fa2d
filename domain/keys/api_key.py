"""An API key: a secret shown once, kept only as its hash, with a name and optional limits."""

import hashlib
import hmac
import re
from datetime import datetime

import msgspec

SECRET_PREFIX = "sg_"
MIN_SECRET_RANDOM_CHARS = 32
KEY_ID_PREFIX = "key_"
KEY_ID_HEX_CHARS = 16
MAX_NAME_CHARS = 64
MAX_ACTIVE_LIMIT = 1_000
"""The highest limit of active jobs a key (or the service's default) may have: a key's reserved
job ids are kept in one DynamoDB item, at most 400 KB; 1,000 ids of 26 characters take about
27 KB, and a reconcile reads at most that many jobs."""

_SECRET = re.compile(rf"{SECRET_PREFIX}[A-Za-z0-9_-]{{{MIN_SECRET_RANDOM_CHARS},256}}")
_NAME = re.compile(rf"[A-Za-z0-9][A-Za-z0-9 ._@-]{{0,{MAX_NAME_CHARS - 1}}}")


class InvalidApiKey(ValueError):
    """A key name, secret or limit this service does not accept; says which and why."""


class ApiKey(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    created_at: datetime
    secret_hash: str
    """SHA-256 of the secret, hex: the secret itself is never stored."""
    rate_per_minute: int | None = None
    """Submissions a minute; None: the service's RATE_LIMIT_PER_MINUTE."""
    max_active: int | None = None
    """Queued or running jobs at once; None: the service's MAX_ACTIVE_JOBS_PER_KEY."""
    revoked: bool = False
    revoked_at: datetime | None = None


def hash_secret(secret: str) -> str:
    """SHA-256, unsalted and fast, on purpose: a secret is at least 32 random url-safe
    characters (192 bits and more), so no dictionary or brute-force search can reverse its
    hash, which is what salts and slow hashes (bcrypt, scrypt, Argon2) defend against for
    human-chosen passwords; a slow hash would only cost every request milliseconds of CPU. An
    unsalted hash also lets a presented secret be looked up directly."""
    return hashlib.sha256(secret.encode()).hexdigest()


def key_id_for(secret_hash: str) -> str:
    """The key's public id: a prefix of its secret's hash, so a presented secret finds its key
    with one read by id (64 bits of a 256-bit hash say nothing usable about the secret)."""
    return KEY_ID_PREFIX + secret_hash[:KEY_ID_HEX_CHARS]


def is_well_formed_secret(secret: str) -> bool:
    return _SECRET.fullmatch(secret) is not None


def secret_matches(key: ApiKey, secret: str) -> bool:
    """Compared in constant time, so timing tells nothing about how much of the hash matched."""
    return hmac.compare_digest(key.secret_hash, hash_secret(secret))


def validate_key_name(name: str) -> str:
    if _NAME.fullmatch(name) is None:
        raise InvalidApiKey(
            f"a key name is 1..{MAX_NAME_CHARS} characters: letters, digits, space and ._@- "
            "(starting with a letter or digit)"
        )
    return name


def new_api_key(
    *,
    secret: str,
    name: str,
    now: datetime,
    rate_per_minute: int | None = None,
    max_active: int | None = None,
) -> ApiKey:
    """Raises `InvalidApiKey` for a malformed secret or name, a limit below 1, or a max active
    above MAX_ACTIVE_LIMIT."""
    if not is_well_formed_secret(secret):
        raise InvalidApiKey(
            f"a key secret is {SECRET_PREFIX} and at least {MIN_SECRET_RANDOM_CHARS} url-safe "
            "characters (A-Z a-z 0-9 _ -)"
        )
    for label, limit in (("rate per minute", rate_per_minute), ("max active", max_active)):
        if limit is not None and limit < 1:
            raise InvalidApiKey(f"a key's {label} is at least 1")
    if max_active is not None and max_active > MAX_ACTIVE_LIMIT:
        raise InvalidApiKey(f"a key's max active is at most {MAX_ACTIVE_LIMIT:,}")
    secret_hash = hash_secret(secret)
    return ApiKey(
        id=key_id_for(secret_hash),
        name=validate_key_name(name),
        created_at=now,
        secret_hash=secret_hash,
        rate_per_minute=rate_per_minute,
        max_active=max_active,
    )
