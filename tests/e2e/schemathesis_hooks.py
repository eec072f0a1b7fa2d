"""Schemathesis hooks for this service, loaded through SCHEMATHESIS_HOOKS (a file path).

Every body gets an Idempotency-Key of its own: the key Schemathesis drew, with a digest of the
body after it. The service answers 422 to a key reused with another body (the contract's
rule, a rule across requests that a schema cannot state and the generator cannot know), and
Schemathesis draws the same short keys for different bodies, so without this its
`positive_data_acceptance` check reports that rule as a valid request refused. With it every
check runs, none excluded; the rule itself is tested in tests/api/test_generate_api.py and
tests/unit/application/test_submit_job.py. Keys that are invalid on their own (spaces, too
long) are left as drawn: they must still get their 400.

`GET /jobs` (with API keys) gets no drawn `cursor` in a case meant to be valid: a cursor is
opaque, and one the service did not make is a 400 by the contract (a rule a schema cannot state
either); the listing's cursors are tested in tests/api and tests/integration. A case meant to be
invalid keeps its cursor: dropping an ill-typed one made a request Schemathesis still counted as
invalid, and its 200 was reported as "schema-violating request accepted" (seen once in four runs).
"""

import hashlib
import re
from typing import Any

import schemathesis

_VALID_KEY = re.compile(r"^[!-~]{1,128}$")
_KEPT = 100


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    if case.path == "/jobs" and case.query and "cursor" in case.query and not _negative(case):
        del case.query["cursor"]
    headers = case.headers
    if not headers:
        return
    key = headers.get("Idempotency-Key")
    if not isinstance(key, str) or not _VALID_KEY.fullmatch(key):
        return
    digest = hashlib.sha256(repr(case.body).encode()).hexdigest()[:16]
    headers["Idempotency-Key"] = f"{key[:_KEPT]}-{digest}"


def _negative(case: Any) -> bool:
    """Whether Schemathesis drew this case to be invalid (its negative mode)."""
    meta = getattr(case, "meta", None)
    generation = getattr(meta, "generation", None)
    mode = getattr(generation, "mode", None)
    return bool(getattr(mode, "is_negative", False))
