"""The JSON body of `GET /status`: a finished job's is encoded once, only its links per request.

A finished job changes only when a late event of its own run is appended (a new step, a new
`updatedAt`) or its webhook is attempted, so its encoded body is kept per version:
`(updatedAt, number of steps, webhook attempts)`. Inline
artifacts (demo mode) make the whole body constant; stored ones (persistent mode) need fresh
presigned URLs on every request, which are encoded alone and put between the kept bytes.
"""

from collections import OrderedDict
from datetime import datetime
from typing import NamedTuple

import msgspec

from application.use_cases.get_status import JobView
from interfaces.http.schemas import JobStatusResponse, linked_result

_ENCODER = msgspec.json.Encoder()
# `result` and `error` are the last two fields of JobStatusResponse. An unescaped `"` never
# occurs inside a JSON string, so this can only be the structural `result` member.
_NO_RESULT = b',"result":null,"error":'
_RESULT_KEY = b',"result":'
_NULL_RESULT = b',"result":null'

Version = tuple[datetime, int, int]


class _Encoded(NamedTuple):
    version: Version
    head: bytes
    """The whole body when `tail` is None; else everything before the result's value."""
    tail: bytes | None


class StatusBodies:
    """Encoded bodies of finished jobs, at most `max_jobs` of them and `max_bytes` in all.

    The least recently encoded go first. The byte budget keeps demo mode's bodies, which carry
    the artifacts inline (about 45 kB at 256x128), from outgrowing the jobs they copy.
    """

    def __init__(self, max_jobs: int = 10_000, max_bytes: int = 32 * 1024 * 1024) -> None:
        self._max_jobs = max_jobs
        self._max_bytes = max_bytes
        self._bytes = 0
        self._finished: OrderedDict[str, _Encoded] = OrderedDict()

    def body(self, view: JobView) -> bytes:
        job = view.job
        if not job.status.is_terminal:
            return _ENCODER.encode(JobStatusResponse.of(view))
        version = (job.updated_at, len(job.steps), job.webhook.attempts if job.webhook else 0)
        encoded = self._finished.get(job.id)
        if encoded is None or encoded.version != version:
            encoded = self._encode(view, version)
        if encoded.tail is None:
            return encoded.head
        if view.links is None:  # cannot happen for a version encoded with links; be safe
            return _ENCODER.encode(JobStatusResponse.of(view))
        return encoded.head + _ENCODER.encode(linked_result(view.links)) + encoded.tail

    def _encode(self, view: JobView, version: Version) -> _Encoded:
        if view.links is None:
            encoded = _Encoded(version, _ENCODER.encode(JobStatusResponse.of(view)), None)
        else:
            without_links = JobView(job=view.job, links=None)
            body = _ENCODER.encode(JobStatusResponse.of(without_links))
            cut = body.rfind(_NO_RESULT)
            if cut < 0:
                raise AssertionError("JobStatusResponse must end with result and error")
            head = body[: cut + len(_RESULT_KEY)]
            tail = body[cut + len(_NULL_RESULT) :]
            encoded = _Encoded(version, head, tail)
        replaced = self._finished.pop(view.job.id, None)
        if replaced is not None:
            self._bytes -= _size(replaced)
        self._finished[view.job.id] = encoded
        self._bytes += _size(encoded)
        while len(self._finished) > self._max_jobs or self._bytes > self._max_bytes:
            _, dropped = self._finished.popitem(last=False)
            self._bytes -= _size(dropped)
        return encoded


def _size(encoded: _Encoded) -> int:
    return len(encoded.head) + len(encoded.tail or b"")
