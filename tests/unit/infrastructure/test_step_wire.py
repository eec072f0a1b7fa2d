"""The callback wire format: camelCase, round-trips the event, checks stepId and time zone."""

import msgspec
import pytest

from application.wire import ArtifactsWire, StepEventWire
from domain.jobs import InlineArtifacts, StepEvent, StepName, StepPhase, StoredArtifacts
from tests.fakes import ARTIFACTS, event, failed_run, successful_run


def roundtrip(item: StepEvent) -> StepEvent:
    body = msgspec.json.encode(StepEventWire.from_domain(item))
    return msgspec.json.decode(body, type=StepEventWire).to_domain()


@pytest.mark.parametrize("item", successful_run() + failed_run(3), ids=lambda e: e.step_id)
def test_every_event_survives_the_wire(item: StepEvent) -> None:
    assert roundtrip(item) == item


def test_stored_artifact_keys_survive_the_wire() -> None:
    stored = StoredArtifacts(
        scene_graph_key="jobs/a/g.json",
        ascii_minimap_key="jobs/a/m.txt",
        scene_svg_key="jobs/a/scene.svg",
    )
    item = event(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED, artifacts=stored)
    assert roundtrip(item) == item
    body = msgspec.json.decode(msgspec.json.encode(StepEventWire.from_domain(item)))
    assert body["artifacts"]["sceneSvgKey"] == "jobs/a/scene.svg"


def test_inline_svg_map_survives_the_wire() -> None:
    inline = InlineArtifacts(
        scene_graph=msgspec.Raw(b'{"a":1}'), ascii_minimap="#", scene_svg="<svg>&amp;</svg>"
    )
    item = event(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED, artifacts=inline)
    assert roundtrip(item) == item


def test_a_worker_of_an_earlier_release_sends_no_svg_map() -> None:
    """Two keys, as before the SVG map: accepted, the job simply has no picture."""
    wire = msgspec.json.decode(
        b'{"sceneGraphKey":"jobs/a/g.json","asciiMinimapKey":"jobs/a/m.txt"}', type=ArtifactsWire
    )
    assert wire.to_domain() == StoredArtifacts(
        scene_graph_key="jobs/a/g.json", ascii_minimap_key="jobs/a/m.txt"
    )


def test_wire_is_camel_case_and_omits_absent_fields() -> None:
    final = event(StepName.STORE_ARTIFACTS, StepPhase.SUCCEEDED, duration_ms=7, artifacts=ARTIFACTS)
    body = msgspec.json.decode(msgspec.json.encode(StepEventWire.from_domain(final)))
    assert body["stepId"] == "store_artifacts:succeeded"
    assert body["durationMs"] == 7
    assert set(body["artifacts"]) == {"sceneGraph", "asciiMinimap"}
    assert "error" not in body
    started = msgspec.json.decode(
        msgspec.json.encode(StepEventWire.from_domain(event(StepName.LAYOUT, StepPhase.STARTED)))
    )
    assert set(started) == {"stepId", "name", "phase", "at"}


def test_step_id_that_does_not_match_name_and_phase_is_refused() -> None:
    wire = msgspec.json.decode(
        b'{"stepId":"layout:succeeded","name":"layout","phase":"started","at":"2026-01-01T00:00:00Z"}',
        type=StepEventWire,
    )
    with pytest.raises(ValueError, match="stepId"):
        wire.to_domain()


def test_time_without_offset_is_refused() -> None:
    wire = msgspec.json.decode(
        b'{"stepId":"layout:started","name":"layout","phase":"started","at":"2026-01-01T00:00:00"}',
        type=StepEventWire,
    )
    with pytest.raises(ValueError, match="time zone"):
        wire.to_domain()


def test_half_given_artifacts_are_refused() -> None:
    with pytest.raises(ValueError, match="artifacts"):
        ArtifactsWire(scene_graph={"a": 1}).to_domain()
    with pytest.raises(ValueError, match="artifacts"):
        ArtifactsWire(scene_graph_key="k").to_domain()


def test_negative_duration_fails_decoding() -> None:
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(
            b'{"stepId":"layout:succeeded","name":"layout","phase":"succeeded",'
            b'"at":"2026-01-01T00:00:00Z","durationMs":-1}',
            type=StepEventWire,
        )
