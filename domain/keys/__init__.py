"""API keys: the key record, its secret's format and hash, and the fixed window of its rate."""

from domain.keys.api_key import (
    KEY_ID_PREFIX,
    MAX_ACTIVE_LIMIT,
    SECRET_PREFIX,
    ApiKey,
    InvalidApiKey,
    hash_secret,
    is_well_formed_secret,
    key_id_for,
    new_api_key,
    secret_matches,
    validate_key_name,
)
from domain.keys.rate_window import RATE_WINDOW, rate_window_of

__all__ = [
    "KEY_ID_PREFIX",
    "MAX_ACTIVE_LIMIT",
    "RATE_WINDOW",
    "SECRET_PREFIX",
    "ApiKey",
    "InvalidApiKey",
    "hash_secret",
    "is_well_formed_secret",
    "key_id_for",
    "new_api_key",
    "rate_window_of",
    "secret_matches",
    "validate_key_name",
]
