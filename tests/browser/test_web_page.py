"""The demo page in Debian's Chromium against real servers: generate, follow, draw, fail.

The picture is the job's own scene.svg (the generator's map) in an <img>: these tests check the
page shows those bytes; the map's structure is tested in tests/unit/scene/test_scene_svg.py and
tests/gallery.
"""

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.pages import RecordedPage, recorded_page, wait_for_picture
from tests.browser.servers import FullArtifactStore, in_process_service
from tests.fakes import IdleQueue

PROMPT = (
    "a village with houses on both sides of the road, a river from north to south, "
    "a church in the center and no trees"
)
DRAWN_TIMEOUT_MS = 60_000  # a wait on a condition, not a speed limit: CI machines are busy
# Chrome logs every 4xx answer to fetch() on the console; a page showing a problem expects it.
_FAILED_LOAD = re.compile(r"^Failed to load resource: the server responded with a status of 4\d\d")


def _status(base_url: str, job_id: str) -> dict[str, Any]:
    view: dict[str, Any] = httpx.get(f"{base_url}/status/{job_id}").json()
    return view


def _nodes(children: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for node in children:
        found.append(node)
        found.extend(_nodes(node["children"]))
    return found


def _wait_until_drawn(page: Page) -> None:
    wait_for_picture(page, DRAWN_TIMEOUT_MS)
    expect(page.locator("#scene-picture")).to_be_visible()
    expect(page.locator("#minimap")).to_contain_text("Legend:")


def quality_level(quality: dict[str, Any]) -> str:
    """The badge's rule, written out again here: red when most of what was asked is missing
    (or nothing known was named), amber when some of it is, green otherwise."""
    asked = quality["thingsAsked"] + quality["relationsStated"]
    met = quality["thingsPlaced"] + quality["relationsHeld"]
    share = met / asked if asked else 1.0
    worst = min(
        quality["thingsPlaced"] / quality["thingsAsked"] if quality["thingsAsked"] else 1.0,
        quality["relationsHeld"] / quality["relationsStated"]
        if quality["relationsStated"]
        else 1.0,
    )
    if quality["defaultPlace"] or share < 0.5:
        return "poor"
    if worst < 0.9 or quality["wordsNotUnderstood"]:
        return "partial"
    return "good"


def _expect_quality_badge(page: Page, quality: dict[str, Any]) -> str:
    badge = page.locator("#quality")
    level = quality_level(quality)
    expect(badge).to_be_visible()
    expect(badge).to_have_attribute("data-level", level)
    expect(badge).to_have_class(f"quality quality-{level}")
    expect(badge).to_contain_text(
        f"{quality['thingsPlaced']} of {quality['thingsAsked']} things placed"
    )
    expect(badge).to_contain_text(
        f"{quality['relationsHeld']} of {quality['relationsStated']} relations held"
    )
    return level


def _expect_drawn_as_the_service_says(recorded: RecordedPage) -> dict[str, Any]:
    """The SVG, minimap, steps and relation report match the job's status view."""
    page = recorded.page
    _wait_until_drawn(page)
    job_id = page.locator("#job-id").inner_text()
    view = _status(recorded.base_url, job_id)
    assert view["status"] == "done"
    graph = view["result"]["sceneGraph"]
    nodes = _nodes(graph["root"]["children"])
    expect(page.locator("#job-status")).to_have_text("done")
    # The picture is the job's scene.svg, byte for byte what the API serves for it.
    picture = page.locator("#scene-picture")
    svg_url = f"/status/{job_id}/scene.svg"
    assert view["result"]["sceneSvgUrl"] == f"{recorded.base_url}{svg_url}"
    expect(picture).to_have_attribute("src", svg_url)
    expect(picture).to_have_attribute(
        "alt", re.compile(rf"^Map of the scene .*{len(nodes)} things")
    )
    served = httpx.get(recorded.base_url + svg_url)
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/svg+xml"
    shown = page.evaluate(
        "async (url) => await (await fetch(url)).text()", picture.get_attribute("src")
    )
    assert shown.encode("utf-8") == served.content
    assert page.locator("#scene svg").count() == 0  # the page draws no picture of its own
    _expect_quality_badge(page, graph["quality"])
    expect(page.locator("#things-list li")).to_have_count(len(nodes))
    assert page.locator("#minimap").text_content() == view["result"]["asciiMinimap"]

    steps = page.locator("#steps li")
    expect(steps).to_have_count(5)
    for name in ("parse_prompt", "layout", "build_scene_graph", "render_minimap"):
        expect(page.locator(f'#steps li[data-step="{name}"]')).to_contain_text("done in")
    expect(page.locator('#steps li[data-step="store_artifacts"]')).to_contain_text(
        re.compile(r"done in \d+ ms")
    )

    relations = page.locator("#relations li")
    expect(relations).to_have_count(len(graph["relations"]))
    for index, relation in enumerate(graph["relations"]):
        badge = "ok" if relation["satisfied"] else "not satisfied"
        expect(relations.nth(index).locator(".badge")).to_have_text(badge)
        expect(relations.nth(index)).to_contain_text(relation["subject"])
    held = sum(1 for relation in graph["relations"] if relation["satisfied"])
    expect(page.locator("#relations-summary")).to_have_text(
        f"{held} of {len(graph['relations'])} stated relations hold."
    )
    expect(page.locator("#warnings li")).to_have_count(max(1, len(graph["warnings"])))
    return view


def test_generate_draws_the_scene_minimap_steps_and_relations(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service, width=1440) as recorded:
        recorded.goto("/")
        expect(recorded.page.locator("#intro")).to_be_visible()
        recorded.generate(PROMPT, seed=4)
        view = _expect_drawn_as_the_service_says(recorded)
        page = recorded.page
        assert page.url == f"{demo_service}/?job={view['id']}"
        expect(page.locator("#permalink")).to_have_attribute("href", f"/?job={view['id']}")
        expect(page.locator("#job-request")).to_contain_text("seed 4")
        expect(page.locator("#recent li")).to_have_count(1)
        expect(page.locator("#recent li a")).to_have_text(PROMPT)
        recorded.screenshot("web-page-1440.png")

        with page.expect_download() as graph_download:
            page.click("#download-graph")
        assert graph_download.value.suggested_filename == "scene-graph.json"
        graph_file = Path(graph_download.value.path())
        assert json.loads(graph_file.read_text()) == view["result"]["sceneGraph"]
        with page.expect_download() as minimap_download:
            page.click("#download-minimap")
        minimap_file = Path(minimap_download.value.path())
        assert minimap_file.read_text() == view["result"]["asciiMinimap"]

        assert recorded.errors == []
        assert recorded.foreign_requests() == []


def test_page_is_usable_375_px_wide(chromium: Browser, demo_service: str) -> None:
    with recorded_page(chromium, demo_service, width=375) as recorded:
        recorded.goto("/")
        page = recorded.page
        page.get_by_role("button", name="Dungeon").click()
        expect(page.locator("#prompt")).to_be_focused()
        expect(page.locator("#prompt")).to_have_value(re.compile("^a dungeon"))
        page.keyboard.press("Control+Enter")
        _expect_drawn_as_the_service_says(recorded)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow} px wider than a 375 px screen"
        box = page.locator("#scene-picture").bounding_box()
        assert box is not None and box["width"] <= 375
        recorded.screenshot("web-page-375.png")
        assert recorded.errors == []
        assert recorded.foreign_requests() == []


def test_every_control_is_labelled_and_reachable_by_keyboard(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto("/")
        page = recorded.page
        for label in ("Description", "Seed", "Width", "Height"):
            expect(page.get_by_label(label, exact=True)).to_be_visible()
        expect(page.get_by_label("Width", exact=True)).to_have_value("48")
        expect(page.get_by_label("Height", exact=True)).to_have_value("24")
        examples = page.locator("button.example")
        assert 4 <= examples.count() <= 6
        reached = set()
        for _ in range(40):
            page.keyboard.press("Tab")
            reached.add(
                page.evaluate("document.activeElement.id || document.activeElement.textContent")
            )
        assert {"prompt", "seed", "width", "height", "generate"} <= reached
        assert "Village" in reached
        assert recorded.errors == []


def test_the_page_follows_the_event_stream_the_service_offers(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto("/")
        with recorded.page.expect_response("**/generate") as answer:
            recorded.generate(PROMPT, seed=4)
        accepted = answer.value.json()
        view = _expect_drawn_as_the_service_says(recorded)
        assert accepted["eventsUrl"] == f"{demo_service}/status/{view['id']}/events"
        assert accepted["eventsUrl"] in recorded.requests
        polls = [url for url in recorded.requests if url.endswith(f"/status/{view['id']}")]
        assert polls == [], "the page polled although the event stream answered"
        assert recorded.errors == []


def _refuse_the_stream(page: Page) -> None:
    def refuse(route: Route) -> None:
        route.fulfill(status=503, body="")

    page.route("**/status/*/events", refuse)


def _offer_no_stream(page: Page) -> None:
    """As a service from before the event stream answered: no `eventsUrl`."""

    def without_events_url(route: Route) -> None:
        response = route.fetch()
        body = response.json()
        body.pop("eventsUrl")
        route.fulfill(response=response, json=body)

    page.route("**/generate", without_events_url)


@pytest.mark.parametrize(
    ("stream", "tries_the_stream"), [(_refuse_the_stream, True), (_offer_no_stream, False)]
)
def test_the_page_polls_when_there_is_no_event_stream(
    chromium: Browser, demo_service: str, stream: Callable[[Page], None], tries_the_stream: bool
) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        stream(recorded.page)
        recorded.goto("/")
        recorded.generate(PROMPT, seed=4)
        view = _expect_drawn_as_the_service_says(recorded)
        polls = [url for url in recorded.requests if url.endswith(f"/status/{view['id']}")]
        assert polls, "the page neither streamed nor polled"
        tried = [url for url in recorded.requests if url.endswith(f"/status/{view['id']}/events")]
        assert len(tried) == (1 if tries_the_stream else 0)
        # A refused stream is the only error the console may show.
        assert [error for error in recorded.errors if "503" not in error] == []


def test_permalink_reopens_a_job_and_recent_jobs_stay_in_the_browser(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto("/")
        recorded.generate(PROMPT, seed=11)
        first = _expect_drawn_as_the_service_says(recorded)
        page = recorded.page
        page.goto(f"{demo_service}/")
        expect(page.locator("#intro")).to_be_visible()
        expect(page.locator("#job")).to_be_hidden()
        expect(page.locator("#recent li")).to_have_count(1)
        expect(page.locator("#recent li")).to_contain_text("done")
        page.locator("#recent li a").click()
        reopened = _expect_drawn_as_the_service_says(recorded)
        assert reopened["id"] == first["id"]
        expect(page.locator("#job-request")).to_contain_text("seed 11")
        expect(page.locator("#job-timing")).to_be_hidden()  # nothing was submitted on this visit
        assert recorded.errors == []

    with recorded_page(chromium, demo_service) as fresh:
        fresh.goto(f"/?job={first['id']}")
        _expect_drawn_as_the_service_says(fresh)
        expect(fresh.page.locator("#recent li")).to_have_count(0)  # another browser's storage
        assert fresh.errors == []
        assert fresh.foreign_requests() == []


def test_an_unknown_job_permalink_says_the_service_does_not_know_it(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto("/?job=01m8f6xm8rb0zspeqg8s6hftky3cpn0mg4pq")
        expect(recorded.page.locator("#job-message")).to_contain_text("No job has this id")
        expect(recorded.page.locator("#job-status")).to_have_text("unknown")
        assert [e for e in recorded.errors if not _FAILED_LOAD.match(e)] == []


def test_problem_details_are_shown_next_to_their_field(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto("/")
        page = recorded.page
        page.fill("#prompt", "a tavern " * 223)  # 2007 characters
        expect(page.locator("#prompt-count")).to_have_text("2007")
        with page.expect_response("**/generate") as answer:
            page.click("#generate")
        assert answer.value.status == 422
        error = page.locator("#prompt-error")
        expect(error).to_have_text("Must be 1..2000 characters after trimming.")
        expect(page.locator("#prompt")).to_have_attribute("aria-invalid", "true")
        expect(page.locator("#prompt")).to_be_focused()
        expect(page.locator("#job")).to_be_hidden()

        page.fill("#prompt", "a small bedroom")
        page.fill("#seed", "-1")
        page.fill("#width", "300")
        page.click("#generate")
        expect(page.locator("#seed-error")).to_have_text("Must be >= 0.")
        expect(page.locator("#prompt-error")).to_be_hidden()
        expect(page.locator("#prompt")).not_to_have_attribute("aria-invalid", "true")

        page.fill("#seed", "")
        page.click("#generate")
        expect(page.locator("#width-error")).to_have_text("Must be <= 256.")
        expect(page.locator("#seed-error")).to_be_hidden()

        page.fill("#width", "")
        page.click("#generate")
        _wait_until_drawn(page)
        expect(page.locator("#job-request")).to_contain_text("48 \N{MULTIPLICATION SIGN} 24 cells")
        assert len(recorded.errors) == 3
        assert all(_FAILED_LOAD.match(error) for error in recorded.errors), recorded.errors


def test_a_failed_job_shows_its_error(chromium: Browser) -> None:
    with (
        in_process_service(artifact_store=FullArtifactStore()) as base_url,
        recorded_page(chromium, base_url) as recorded,
    ):
        recorded.goto("/")
        recorded.generate(PROMPT, seed=4)
        page = recorded.page
        expect(page.locator("#job-status")).to_have_text("failed", timeout=DRAWN_TIMEOUT_MS)
        expect(page.locator("#job-message")).to_have_text(
            "The job failed at step store_artifacts: OSError: disk full"
        )
        expect(page.locator('#steps li[data-step="store_artifacts"]')).to_contain_text("failed")
        expect(page.locator("#result")).to_be_hidden()
        expect(page.locator("#recent li")).to_contain_text("failed")
        assert recorded.errors == []
        assert recorded.foreign_requests() == []


def test_a_canceled_job_says_so(chromium: Browser) -> None:
    with (
        in_process_service(job_queue=IdleQueue()) as base_url,
        recorded_page(chromium, base_url) as recorded,
    ):
        recorded.goto("/")
        recorded.generate(PROMPT, seed=4)
        page = recorded.page
        expect(page.locator("#job-status")).to_have_text("queued")
        cancel = page.get_by_role("button", name="Cancel")
        expect(cancel).to_be_visible()
        cancel.click()
        expect(page.locator("#job-status")).to_have_text("canceled")
        expect(page.locator("#job-message")).to_have_text(
            "The job was canceled before it finished."
        )
        expect(cancel).to_be_hidden()
        job_id = page.locator("#job-id").inner_text()
        assert _status(base_url, job_id)["status"] == "canceled"
        assert recorded.errors == []


def test_the_form_takes_its_limits_and_defaults_from_the_openapi_document(
    chromium: Browser, demo_service: str
) -> None:
    from domain.jobs.limits import HEIGHT, MAX_PROMPT_LENGTH, WIDTH

    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto("/")
        page = recorded.page
        for name, bounds in (("width", WIDTH), ("height", HEIGHT)):
            expect(page.locator(f"#{name}")).to_have_value(str(bounds.default))
            expect(page.locator(f"#{name}")).to_have_attribute("max", str(bounds.high))
            expect(page.locator(f"#{name}-hint")).to_have_text(
                f"{bounds.low} to {bounds.high} cells"
            )
        expect(page.locator("#prompt-max")).to_have_text(f" / {MAX_PROMPT_LENGTH}")
        assert recorded.errors == []


def test_a_field_reached_before_the_limits_load_keeps_what_the_user_types(
    chromium: Browser, demo_service: str
) -> None:
    """The defaults come from /openapi.json, which may answer after the user (or a test) has
    reached a field: the default is then not written into it (a busy run saw `48` typed while
    it loaded become `4848`)."""
    held: list[Route] = []
    with recorded_page(chromium, demo_service) as recorded:
        page = recorded.page
        page.route("**/openapi.json", lambda route: held.append(route))
        recorded.goto("/")
        page.wait_for_function("() => document.readyState === 'complete'")
        page.focus("#width")
        assert held, "the page asked for its limits"
        held[0].continue_()
        expect(page.locator("#width-hint")).to_have_text(re.compile(r"^\d+ to \d+ cells$"))
        expect(page.locator("#width")).to_have_value("")  # the user's field, left to them
        expect(page.locator("#height")).to_have_value("24")  # untouched: the default
        page.keyboard.type("56")
        expect(page.locator("#width")).to_have_value("56")
