"""SpanEncoder writes the same ExportTraceServiceRequest as the SDK's own OTLP encoder.

The reference is `encode_spans` from opentelemetry-exporter-otlp-proto-common: our bytes,
parsed back, must equal the message it builds. Field order on the wire may differ, so the
comparison is between parsed messages, never between byte strings of the two encoders.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.common.v1.common_pb2 import AnyValue
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, SpanLimits, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import (
    Link,
    NonRecordingSpan,
    SpanContext,
    SpanKind,
    Status,
    StatusCode,
    TraceFlags,
    TraceState,
)

from infrastructure.observability.otlp_encoding import _ATTRIBUTE_CACHE_LIMIT, SpanEncoder

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
UINT64_MAX = 2**64 - 1
SAMPLED = TraceFlags(TraceFlags.SAMPLED)

# --- plans: what to record, drawn by hypothesis or written out by hand -------------------


@dataclass(frozen=True)
class ScopePlan:
    name: str
    version: str
    schema_url: str | None
    attributes: dict[str, Any]


@dataclass(frozen=True)
class EventPlan:
    name: str
    attributes: dict[str, Any]
    timestamp: int


@dataclass(frozen=True)
class LinkPlan:
    context: SpanContext
    attributes: dict[str, Any]


@dataclass(frozen=True)
class SpanPlan:
    resource: int  # which of the two providers (resources) records it
    scope: int  # which of the two tracers (scopes) of that provider
    name: str
    kind: SpanKind
    remote_parent: SpanContext | None
    local_parent: bool  # nested in a span of its own (itself a child of remote_parent)
    attributes: dict[str, Any]
    events: list[EventPlan]
    links: list[LinkPlan]
    status: Status | None
    start: int
    end: int


@dataclass(frozen=True)
class BatchPlan:
    resources: tuple[Resource, Resource]
    scopes: tuple[ScopePlan, ScopePlan]
    spans: list[SpanPlan]


# The second provider's limits are tight, so dropped attribute, event and link counts and
# truncated strings reach the encoders too.
TIGHT_LIMITS = SpanLimits(
    max_span_attributes=3,
    max_events=2,
    max_links=2,
    max_event_attributes=2,
    max_link_attributes=2,
    max_attribute_length=5,
)


def record(batch: BatchPlan) -> list[ReadableSpan]:
    """Runs the plan through real SDK tracers; returns the finished spans in export order."""
    exporter = InMemorySpanExporter()
    tracers = []
    for resource, limits in zip(batch.resources, (SpanLimits(), TIGHT_LIMITS), strict=True):
        provider = TracerProvider(resource=resource, span_limits=limits, shutdown_on_exit=False)
        provider.add_span_processor(SimpleSpanProcessor(exporter))
        tracers.append(
            [
                provider.get_tracer(scope.name, scope.version, scope.schema_url, scope.attributes)
                for scope in batch.scopes
            ]
        )
    for plan in batch.spans:
        tracer = tracers[plan.resource][plan.scope]
        context = Context()  # never the ambient context: a root span is a root span
        if plan.remote_parent is not None:
            context = trace.set_span_in_context(NonRecordingSpan(plan.remote_parent), context)
        parent = None
        if plan.local_parent:
            parent = tracer.start_span(f"parent of {plan.name}", context=context)
            context = trace.set_span_in_context(parent, context)
        span = tracer.start_span(
            plan.name,
            context=context,
            kind=plan.kind,
            attributes=plan.attributes,
            links=[Link(link.context, link.attributes) for link in plan.links],
            start_time=plan.start,
        )
        for event in plan.events:
            span.add_event(event.name, event.attributes, event.timestamp)
        if plan.status is not None:
            span.set_status(plan.status)
        span.end(plan.end)
        if parent is not None:
            parent.end()
    return list(exporter.get_finished_spans())


def parsed(encoded: bytes) -> ExportTraceServiceRequest:
    request = ExportTraceServiceRequest()
    request.ParseFromString(encoded)
    return request


def assert_matches_sdk(spans: Sequence[ReadableSpan], encoder: SpanEncoder | None = None) -> bytes:
    encoded = (encoder or SpanEncoder()).encode(spans)
    expected = encode_spans(spans)
    assert parsed(encoded) == expected
    return encoded


def span_values(request: ExportTraceServiceRequest, key: str) -> list[AnyValue]:
    """The value of attribute `key` of every span in the request, in order."""
    return [
        attribute.value
        for resource_spans in request.resource_spans
        for scope_spans in resource_spans.scope_spans
        for span in scope_spans.spans
        for attribute in span.attributes
        if attribute.key == key
    ]


# --- strategies -----------------------------------------------------------------------------

texts = st.text(max_size=12)  # includes "" and any non-surrogate code point
keys = st.text(min_size=1, max_size=12)  # the SDK drops empty keys
int64s = st.one_of(
    st.sampled_from([INT64_MIN, INT64_MIN + 1, -129, -128, -1, 0, 127, 128, INT64_MAX]),
    st.integers(min_value=INT64_MIN, max_value=INT64_MAX),
)
floats = st.floats(allow_nan=False)  # NaN != NaN would fail any message comparison
scalars = st.one_of(texts, st.booleans(), int64s, floats, st.binary(max_size=8), st.none())
homogeneous_sequences = st.one_of(
    st.lists(texts, max_size=4),
    st.lists(int64s, max_size=4),
    st.lists(floats, max_size=4),
    st.lists(st.booleans(), max_size=4),
)
# The SDK (1.45) keeps bytes, None, mixed and nested sequences and mappings as attributes.
values = st.recursive(
    scalars | homogeneous_sequences,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=3),
    max_leaves=6,
)
attribute_maps = st.dictionaries(keys, values, max_size=5)
trace_ids = st.integers(min_value=1, max_value=2**128 - 1)
span_ids = st.integers(min_value=1, max_value=UINT64_MAX)
trace_states = st.lists(
    st.tuples(
        st.from_regex(r"[a-z][a-z0-9_\-*/]{0,8}", fullmatch=True),
        st.from_regex(r"[\x21-\x2b\x2d-\x3c\x3e-\x7e]{1,8}", fullmatch=True),
    ),
    max_size=3,
    unique_by=lambda entry: entry[0],
).map(TraceState)
span_contexts = st.builds(
    SpanContext,
    trace_id=trace_ids,
    span_id=span_ids,
    is_remote=st.booleans(),
    trace_flags=st.sampled_from([TraceFlags(TraceFlags.DEFAULT), SAMPLED]),
    trace_state=trace_states,
)
# Remote parents are sampled, so that their children are recorded and exported.
remote_parents = st.builds(
    SpanContext,
    trace_id=trace_ids,
    span_id=span_ids,
    is_remote=st.just(True),
    trace_flags=st.just(SAMPLED),
    trace_state=trace_states,
)
statuses = st.none() | st.builds(Status, st.sampled_from(StatusCode), st.none() | texts)
schema_urls = st.none() | st.sampled_from(["", "https://opentelemetry.io/schemas/1.21.0"])
timestamps = st.integers(min_value=0, max_value=UINT64_MAX)


@st.composite
def span_plans(draw: st.DrawFn) -> SpanPlan:
    start = draw(st.integers(min_value=0, max_value=2**63))
    return SpanPlan(
        resource=draw(st.integers(0, 1)),
        scope=draw(st.integers(0, 1)),
        name=draw(texts),
        kind=draw(st.sampled_from(SpanKind)),
        remote_parent=draw(st.none() | remote_parents),
        local_parent=draw(st.booleans()),
        attributes=draw(attribute_maps),
        events=draw(st.lists(st.builds(EventPlan, texts, attribute_maps, timestamps), max_size=3)),
        links=draw(st.lists(st.builds(LinkPlan, span_contexts, attribute_maps), max_size=3)),
        status=draw(statuses),
        start=start,
        end=start + draw(st.integers(min_value=0, max_value=2**62)),
    )


@st.composite
def scope_plans(draw: st.DrawFn, name: str) -> ScopePlan:
    return ScopePlan(
        name=name + draw(texts),
        version=draw(st.sampled_from(["", "1.2.3", "é-2"])),
        schema_url=draw(schema_urls),
        attributes=draw(attribute_maps),
    )


@st.composite
def batch_plans(draw: st.DrawFn) -> BatchPlan:
    # The fixed service names keep the two resources, and the name prefixes the two scopes,
    # unequal: the SDK's encoder merges equal ones even when they are distinct objects.
    resources = (
        Resource({**draw(attribute_maps), "service.name": "api"}, draw(schema_urls)),
        Resource({**draw(attribute_maps), "service.name": "worker"}, draw(schema_urls)),
    )
    return BatchPlan(
        resources=resources,
        scopes=(draw(scope_plans("scope.a")), draw(scope_plans("scope.b"))),
        spans=draw(st.lists(span_plans(), max_size=6)),
    )


# --- tests ----------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(batch_plans())
def test_any_batch_matches_the_sdk_encoder(batch: BatchPlan) -> None:
    spans = record(batch)
    encoder = SpanEncoder()
    encoded = assert_matches_sdk(spans, encoder)
    assert encoder.encode(spans) == encoded  # a warm cache writes the same bytes


def test_an_empty_batch_matches_the_sdk_encoder() -> None:
    assert SpanEncoder().encode([]) == b""
    assert parsed(b"") == encode_spans([])


# On the resource, the scope, the span, an event and a link: each is written with its own field.
SHARED = {"job.id": "j-1"}


def every_feature() -> BatchPlan:
    """One batch with every kind, status, parent and attribute type written out by hand."""
    attributes: dict[str, Any] = {
        **SHARED,
        "str": "GET /status/{job_id}",
        "unicode": "naïve 日本語 🚀",
        "empty": "",
        "true": True,
        "false": False,
        "zero": 0,
        "minus one": -1,
        "minus 200": -200,
        "int64 min": INT64_MIN,
        "int64 max": INT64_MAX,
        "float": 1.5,
        "negative float": -2.25e-300,
        "infinity": float("inf"),
        "bytes": b"\x00\xff",
        "none": None,
        "strs": ["a", "", "é"],
        "ints": [1, -1, INT64_MAX, INT64_MIN],
        "floats": [0.5, -0.0],
        "bools": [True, False],
        "mixed": ["a", 1, 2.5, True, None, b"x"],
        "nested": {"inner": {"list": [1, 2]}, "flag": False},
    }
    remote = SpanContext(
        0x0AF7651916CD43DD8448EB211C80319C,
        0xB7AD6B7169203331,
        is_remote=True,
        trace_flags=SAMPLED,
        trace_state=TraceState([("rojo", "00f067aa0ba902b7"), ("congo", "t61rcWkgMzE")]),
    )
    # The tight provider keeps the last two links and events; the last ones lose attributes.
    links = [
        LinkPlan(SpanContext(3, 4, is_remote=False), {}),
        LinkPlan(SpanContext(2**128 - 1, UINT64_MAX, is_remote=False), {"link": 7}),
        LinkPlan(
            SpanContext(1, 2, is_remote=True, trace_flags=SAMPLED),
            {**SHARED, "link": "remote", "extra": 1.0},
        ),
    ]
    events = [
        EventPlan("", {"n": -5}, 0),
        EventPlan("ünïcode event", {}, UINT64_MAX),
        EventPlan("exception", {**SHARED, "exception.type": "ValueError", "attempt": 2}, 1_000),
    ]
    status_options = [
        None,
        Status(StatusCode.UNSET),
        Status(StatusCode.OK),
        Status(StatusCode.ERROR),
        Status(StatusCode.ERROR, "boom ✗"),
    ]
    spans = []
    for index, kind in enumerate(SpanKind):
        for parent_index, (remote_parent, local_parent) in enumerate(
            [(None, False), (remote, False), (None, True), (remote, True)]
        ):
            spans.append(
                SpanPlan(
                    resource=(index + parent_index) % 2,
                    scope=parent_index % 2,
                    name=f"{kind.name} span {parent_index} ✓",
                    kind=kind,
                    remote_parent=remote_parent,
                    local_parent=local_parent,
                    attributes=attributes,
                    events=events,
                    links=links,
                    status=status_options[(index + parent_index) % len(status_options)],
                    start=1_700_000_000_000_000_000 + index,
                    end=1_700_000_000_000_000_123 + index,
                )
            )
    return BatchPlan(
        resources=(
            Resource({**SHARED, "service.name": "api", "cores": 8}, "https://example.com/schema"),
            Resource({"service.name": "worker", "tags": ("a", "b")}),
        ),
        scopes=(
            ScopePlan("scenegen", "1.0.0", "https://example.com/scope", {**SHARED, "scope": "x"}),
            ScopePlan("scenegen.worker ✓", "", None, {}),
        ),
        spans=spans,
    )


def test_a_batch_with_every_feature_matches_the_sdk_encoder() -> None:
    spans = record(every_feature())
    assert {span.kind for span in spans} == set(SpanKind)
    assert {span.status.status_code for span in spans} == set(StatusCode)
    assert any(span.dropped_attributes and span.dropped_events for span in spans)
    assert any(event.dropped_attributes for span in spans for event in span.events)
    assert any(link.dropped_attributes for span in spans for link in span.links)
    assert any(span.context and span.context.trace_state for span in spans)
    encoded = assert_matches_sdk(spans)
    request = parsed(encoded)
    assert len(request.resource_spans) == 2
    assert all(len(resource.scope_spans) == 2 for resource in request.resource_spans)


def test_one_encoder_gives_the_same_bytes_for_the_same_batch_every_time() -> None:
    spans = record(every_feature())
    encoder = SpanEncoder()
    first = assert_matches_sdk(spans, encoder)
    assert encoder.encode(spans) == first
    assert encoder.encode(spans[::-1]) == SpanEncoder().encode(spans[::-1])
    assert encoder.encode(spans) == first


def test_equal_values_of_different_types_keep_their_types() -> None:
    # True == 1 == 1.0 and False == 0 == 0.0, with equal hashes: a cache keyed by value alone
    # would hand one of them the encoding of another.
    samples: list[Any] = [True, 1, 1.0, "1", False, 0, 0.0, "0", 1, True, 0.0, False]
    expected_fields = [
        {bool: "bool_value", int: "int_value", float: "double_value", str: "string_value"}[
            type(sample)
        ]
        for sample in samples
    ]
    context = SpanContext(1, 2, is_remote=False)
    resource = Resource({"service.name": "api"})
    typed_spans = [
        ReadableSpan(
            f"span {index}",
            context=context,
            resource=resource,
            attributes={"value": sample},
            events=[],
            start_time=1,
            end_time=2,
        )
        for index, sample in enumerate(samples)
    ]
    encoder = SpanEncoder()
    for batch in (typed_spans, typed_spans[::-1], typed_spans):
        request = parsed(assert_matches_sdk(batch, encoder))
        got = span_values(request, "value")
        order = [typed_spans.index(span) for span in batch]
        assert [value.WhichOneof("value") for value in got] == [expected_fields[i] for i in order]
        assert [
            getattr(value, expected_fields[i]) for value, i in zip(got, order, strict=True)
        ] == [samples[i] for i in order]
    # One span at a time too, so that each value meets a cache warmed by the others.
    for span in typed_spans:
        assert_matches_sdk([span], encoder)


def test_more_distinct_attribute_values_than_the_cache_holds_still_encode_correctly() -> None:
    count = _ATTRIBUTE_CACHE_LIMIT + 1_000
    resource = Resource({"service.name": "api"})
    context = SpanContext(1, 2, is_remote=False)
    spans = [
        ReadableSpan(
            "GET /status/{job_id}",
            context=context,
            resource=resource,
            attributes={
                "http.route": "/status/{job_id}",  # repeated: cached, then cleared with the rest
                "index": index,
                "job.id": f"job-{index}",
                "ratio": index / 7,
            },
            start_time=index,
            end_time=index + 1,
        )
        for index in range(count)
    ]
    encoder = SpanEncoder()
    first_batch = spans[:500]
    first_bytes = assert_matches_sdk(first_batch, encoder)
    for offset in range(0, count, 500):
        assert_matches_sdk(spans[offset : offset + 500], encoder)
    # The cache has been cleared since the first batch: its values are encoded afresh.
    assert encoder.encode(first_batch) == first_bytes
    assert_matches_sdk(spans, encoder)
    assert len(encoder._attributes) <= _ATTRIBUTE_CACHE_LIMIT


# --- known discrepancies: strict, so that a fix turns them into failures to remove the marker --


def one_attribute_spans(*values: Any) -> list[ReadableSpan]:
    resource = Resource({"service.name": "api"})
    context = SpanContext(1, 2, is_remote=False)
    return [
        ReadableSpan(
            "span",
            context=context,
            resource=resource,
            attributes={"value": value, "other": "kept"},
            start_time=1,
            end_time=2,
        )
        for value in values
    ]


def test_negative_zero_keeps_its_sign_after_zero_was_cached() -> None:
    assert_matches_sdk(one_attribute_spans(0.0, -0.0))


@pytest.mark.parametrize("value", [2**63, 2**64, 2**70, -(2**63) - 1])
def test_an_int_outside_int64_is_dropped_like_the_sdk_does(value: int) -> None:
    assert_matches_sdk(one_attribute_spans(value))
