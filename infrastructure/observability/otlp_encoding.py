"""OTLP trace requests written straight to protobuf wire format.

The SDK's encoder builds a protobuf object for every span, attribute and value before it
serialises them; measured here that costs about 20 µs a span on the exporter thread, which
holds the GIL the request handlers need. Writing the same bytes directly costs a fraction of
that (bench/bench_otlp_encoding.py prints both). The output is checked against the SDK's
encoder field for field in tests/unit/observability/test_otlp_encoding.py.

Field numbers: opentelemetry/proto/trace/v1/trace.proto, common/v1/common.proto,
resource/v1/resource.proto, collector/trace/v1/trace_service.proto.
"""

import logging
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.util.instrumentation import InstrumentationScope
from opentelemetry.trace import SpanContext

log = logging.getLogger(__name__)

_pack_fixed64 = struct.Struct("<Q").pack
_pack_double = struct.Struct("<d").pack

# Tags: (field number << 3) | wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).
_REQUEST_RESOURCE_SPANS = b"\x0a"
_RESOURCE_SPANS_RESOURCE = b"\x0a"
_RESOURCE_SPANS_SCOPE_SPANS = b"\x12"
_RESOURCE_SPANS_SCHEMA_URL = b"\x1a"
_RESOURCE_ATTRIBUTES = b"\x0a"
_SCOPE_SPANS_SCOPE = b"\x0a"
_SCOPE_SPANS_SPANS = b"\x12"
_SCOPE_SPANS_SCHEMA_URL = b"\x1a"
_SCOPE_NAME = b"\x0a"
_SCOPE_VERSION = b"\x12"
_SCOPE_ATTRIBUTES = b"\x1a"
_SPAN_TRACE_ID = b"\x0a"
_SPAN_SPAN_ID = b"\x12"
_SPAN_TRACE_STATE = b"\x1a"
_SPAN_PARENT_SPAN_ID = b"\x22"
_SPAN_NAME = b"\x2a"
_SPAN_KIND = b"\x30"
_SPAN_START = b"\x39"
_SPAN_END = b"\x41"
_SPAN_ATTRIBUTES = b"\x4a"
_SPAN_DROPPED_ATTRIBUTES = b"\x50"
_SPAN_EVENTS = b"\x5a"
_SPAN_DROPPED_EVENTS = b"\x60"
_SPAN_LINKS = b"\x6a"
_SPAN_DROPPED_LINKS = b"\x70"
_SPAN_STATUS = b"\x7a"
_SPAN_FLAGS = b"\x85\x01"  # field 16, fixed32
_EVENT_TIME = b"\x09"
_EVENT_NAME = b"\x12"
_EVENT_ATTRIBUTES = b"\x1a"
_EVENT_DROPPED_ATTRIBUTES = b"\x20"
_LINK_TRACE_ID = b"\x0a"
_LINK_SPAN_ID = b"\x12"
_LINK_ATTRIBUTES = b"\x22"
_LINK_DROPPED_ATTRIBUTES = b"\x28"
_LINK_FLAGS = b"\x35"
_STATUS_MESSAGE = b"\x12"
_STATUS_CODE = b"\x18"
_KEY_VALUE_KEY = b"\x0a"
_KEY_VALUE_VALUE = b"\x12"
_ANY_STRING = b"\x0a"
_ANY_BOOL = b"\x10"
_ANY_INT = b"\x18"
_ANY_DOUBLE = b"\x21"
_ANY_ARRAY = b"\x2a"
_ANY_KVLIST = b"\x32"
_ANY_BYTES = b"\x3a"
_LIST_VALUES = b"\x0a"

_FLAGS_HAS_IS_REMOTE = 0x100
_FLAGS_IS_REMOTE = 0x200

_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1
_SMALL_VARINTS = [bytes([n]) for n in range(128)]
_EMPTY_STATUS = _SPAN_STATUS + b"\x00"
# SpanFlags as the SDK's encoder writes them: whether the parent (or linked) span is remote.
_LOCAL_FLAGS = struct.pack("<I", _FLAGS_HAS_IS_REMOTE)
_REMOTE_FLAGS = struct.pack("<I", _FLAGS_HAS_IS_REMOTE | _FLAGS_IS_REMOTE)
_ATTRIBUTE_CACHE_LIMIT = 4096


def _varint(value: int) -> bytes:
    if 0 <= value < 128:
        return _SMALL_VARINTS[value]
    if value < 0:
        value += 1 << 64  # int64 on the wire: two's complement in ten bytes
    out = bytearray()
    while value > 127:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _field(tag: bytes, payload: bytes) -> bytes:
    return tag + _varint(len(payload)) + payload


def _text(tag: bytes, text: str) -> bytes:
    return _field(tag, text.encode("utf-8"))


def _any_value(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bool):
        return _ANY_BOOL + (b"\x01" if value else b"\x00")
    if isinstance(value, str):
        return _text(_ANY_STRING, value)
    if isinstance(value, int):
        if not _INT64_MIN <= value <= _INT64_MAX:
            raise ValueError(f"{value} does not fit in int64")
        return _ANY_INT + _varint(value)
    if isinstance(value, float):
        return _ANY_DOUBLE + _pack_double(value)
    if isinstance(value, bytes):
        return _field(_ANY_BYTES, value)
    if isinstance(value, Sequence):
        return _field(
            _ANY_ARRAY, b"".join(_field(_LIST_VALUES, _any_value(item)) for item in value)
        )
    if isinstance(value, Mapping):
        return _field(
            _ANY_KVLIST,
            b"".join(
                _field(_LIST_VALUES, _key_value(str(key), item)) for key, item in value.items()
            ),
        )
    raise TypeError(f"cannot encode an attribute value of type {type(value).__name__}")


def _key_value(key: str, value: Any) -> bytes:
    return _text(_KEY_VALUE_KEY, key) + _field(_KEY_VALUE_VALUE, _any_value(value))


class SpanEncoder:
    """Encodes batches of finished spans as an OTLP `ExportTraceServiceRequest`.

    Keeps the encodings of resources, scopes and repeated scalar attributes (route, method,
    status code, step name...) between batches; the attribute cache is bounded.
    """

    def __init__(self) -> None:
        # Keyed by id(): Resource hashes by dumping its attributes to JSON on every call. The
        # values hold the object, so an id cannot be reused while it is a key here.
        self._resources: dict[int, tuple[Resource, bytes]] = {}
        self._scopes: dict[int, tuple[InstrumentationScope | None, bytes]] = {}
        self._attributes: dict[tuple[bytes, str, type, Any], bytes] = {}

    def encode(self, spans: Sequence[ReadableSpan]) -> bytes:
        grouped: dict[int, dict[int, list[bytes]]] = {}
        for span in spans:
            resource_key = self._resource(span.resource)
            scope_key = self._scope(span.instrumentation_scope or None)
            grouped.setdefault(resource_key, {}).setdefault(scope_key, []).append(
                _field(_SCOPE_SPANS_SPANS, self._span(span))
            )
        parts = []
        for resource_key, scopes in grouped.items():
            resource, encoded_resource = self._resources[resource_key]
            scope_spans = b"".join(
                _field(_RESOURCE_SPANS_SCOPE_SPANS, self._scopes[scope_key][1] + b"".join(encoded))
                for scope_key, encoded in scopes.items()
            )
            resource_spans = encoded_resource + scope_spans
            if resource.schema_url:
                resource_spans += _text(_RESOURCE_SPANS_SCHEMA_URL, resource.schema_url)
            parts.append(_field(_REQUEST_RESOURCE_SPANS, resource_spans))
        return b"".join(parts)

    def _resource(self, resource: Resource) -> int:
        key = id(resource)
        if key not in self._resources:
            encoded = _field(
                _RESOURCE_SPANS_RESOURCE,
                self._attribute_list(_RESOURCE_ATTRIBUTES, resource.attributes),
            )
            self._resources[key] = (resource, encoded)
        return key

    def _scope(self, scope: InstrumentationScope | None) -> int:
        """The scope's key; its encoding is the ScopeSpans fields other than the spans."""
        key = id(scope)
        if key not in self._scopes:
            body = b""
            schema_url = b""
            if scope is not None:
                body = _text(_SCOPE_NAME, scope.name)
                if scope.version:
                    body += _text(_SCOPE_VERSION, scope.version)
                body += self._attribute_list(_SCOPE_ATTRIBUTES, scope.attributes)
                if scope.schema_url:
                    schema_url = _text(_SCOPE_SPANS_SCHEMA_URL, scope.schema_url)
            # Field order is free in protobuf: schema_url (3) may precede the spans (2).
            self._scopes[key] = (scope, _field(_SCOPE_SPANS_SCOPE, body) + schema_url)
        return key

    def _span(self, span: ReadableSpan) -> bytes:
        context = span.get_span_context()
        assert context is not None  # a finished SDK span always has one
        parent = span.parent
        parts = [
            _SPAN_TRACE_ID + b"\x10" + context.trace_id.to_bytes(16, "big"),
            _SPAN_SPAN_ID + b"\x08" + context.span_id.to_bytes(8, "big"),
        ]
        if context.trace_state:
            parts.append(
                _text(
                    _SPAN_TRACE_STATE,
                    ",".join(f"{key}={value}" for key, value in context.trace_state.items()),
                )
            )
        if parent is not None:
            parts.append(_SPAN_PARENT_SPAN_ID + b"\x08" + parent.span_id.to_bytes(8, "big"))
        parts.append(_text(_SPAN_NAME, span.name))
        parts.append(_SPAN_KIND + _SMALL_VARINTS[span.kind.value + 1])
        if span.start_time:
            parts.append(_SPAN_START + _pack_fixed64(span.start_time))
        if span.end_time:
            parts.append(_SPAN_END + _pack_fixed64(span.end_time))
        if span.attributes:
            parts.append(self._attribute_list(_SPAN_ATTRIBUTES, span.attributes))
        if span.dropped_attributes:
            parts.append(_SPAN_DROPPED_ATTRIBUTES + _varint(span.dropped_attributes))
        for event in span.events:
            parts.append(_field(_SPAN_EVENTS, self._event(event)))
        if span.dropped_events:
            parts.append(_SPAN_DROPPED_EVENTS + _varint(span.dropped_events))
        for link in span.links:
            parts.append(_field(_SPAN_LINKS, self._link(link)))
        if span.dropped_links:
            parts.append(_SPAN_DROPPED_LINKS + _varint(span.dropped_links))
        status = span.status
        if status.description or status.status_code.value:
            code = status.status_code.value
            status_body = _STATUS_CODE + _SMALL_VARINTS[code] if code else b""
            if status.description:
                status_body += _text(_STATUS_MESSAGE, status.description)
            parts.append(_field(_SPAN_STATUS, status_body))
        else:
            parts.append(_EMPTY_STATUS)
        parts.append(_SPAN_FLAGS + _flags(parent))
        return b"".join(parts)

    def _event(self, event: Any) -> bytes:
        body = _EVENT_TIME + _pack_fixed64(event.timestamp) + _text(_EVENT_NAME, event.name)
        if event.attributes:
            body += self._attribute_list(_EVENT_ATTRIBUTES, event.attributes)
        if event.dropped_attributes:
            body += _EVENT_DROPPED_ATTRIBUTES + _varint(event.dropped_attributes)
        return body

    def _link(self, link: Any) -> bytes:
        body: bytes = (
            _LINK_TRACE_ID
            + b"\x10"
            + link.context.trace_id.to_bytes(16, "big")
            + _LINK_SPAN_ID
            + b"\x08"
            + link.context.span_id.to_bytes(8, "big")
        )
        if link.attributes:
            body += self._attribute_list(_LINK_ATTRIBUTES, link.attributes)
        if link.dropped_attributes:
            body += _LINK_DROPPED_ATTRIBUTES + _varint(link.dropped_attributes)
        return body + _LINK_FLAGS + _flags(link.context)

    def _attribute_list(self, tag: bytes, attributes: Mapping[str, Any] | None) -> bytes:
        if not attributes:
            return b""
        cache = self._attributes
        parts = []
        for key, value in attributes.items():
            # Floats stay out of the cache: -0.0 == 0.0 but they encode differently.
            if isinstance(value, (str, bool, int)):
                # The type is part of the key: True == 1 but they encode differently.
                cache_key = (tag, key, type(value), value)
                encoded = cache.get(cache_key)
                if encoded is None:
                    encoded = self._attribute(tag, key, value)
                    if len(cache) >= _ATTRIBUTE_CACHE_LIMIT:
                        cache.clear()
                    cache[cache_key] = encoded
                parts.append(encoded)
            else:
                parts.append(self._attribute(tag, key, value))
        return b"".join(parts)

    @staticmethod
    def _attribute(tag: bytes, key: str, value: Any) -> bytes:
        """One KeyValue; empty, and logged, when the value cannot be written (as the SDK does)."""
        try:
            return _field(tag, _key_value(key, value))
        except (TypeError, ValueError) as error:
            log.warning("span attribute %r not exported: %s", key, error)
            return b""


def _flags(context: SpanContext | None) -> bytes:
    return _REMOTE_FLAGS if context is not None and context.is_remote else _LOCAL_FLAGS
