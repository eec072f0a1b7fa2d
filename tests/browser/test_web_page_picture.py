"""The page shows the generator's SVG map: first on a phone, beside the minimap and the report
on a wide screen, with a quality badge that is not green when most of what was asked failed,
and a permalink that restores the prompt and settings of its job."""

from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.browser.pages import recorded_page, wait_for_picture
from tests.browser.test_web_page import quality_level

VILLAGE = "a village with a church, a well and five houses along a road"
DRAWN_TIMEOUT_MS = 60_000  # a wait on a condition, not a speed limit: CI machines are busy


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not laid out"
    return dict(box)


def _finished_job(base_url: str, body: dict[str, Any]) -> dict[str, Any]:
    """A job submitted over HTTP and waited for (`Prefer: wait`), as another visitor made it."""
    with httpx.Client(base_url=base_url, timeout=70.0) as http:
        accepted = http.post("/generate", json=body, headers={"Prefer": "wait=60"})
        assert accepted.status_code in (200, 202), accepted.text
        view: dict[str, Any] = http.get(
            f"/status/{accepted.json()['id']}", headers={"Prefer": "wait=60"}
        ).json()
    assert view["status"] == "done", view
    return view


def test_on_a_phone_the_picture_comes_first_after_generate(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service, width=375) as recorded:
        recorded.goto("/")
        page = recorded.page
        page.get_by_role("button", name="Village", exact=True).click()
        page.click("#generate")
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        # Scrolled to the picture once it is there, and nothing of the result comes before it.
        page.wait_for_function(
            "() => Math.abs(document.getElementById('scene-figure').getBoundingClientRect().top)"
            " < 2"
        )
        picture = _box(page, "#scene-picture")
        assert -2 <= picture["y"] < 900 and picture["x"] >= 0, "the picture is in view"
        assert picture["x"] + picture["width"] <= 375
        for later in ("#minimap", "#relations-title", "#steps", "#quality"):
            top = _box(page, later)["y"]
            if later == "#quality":
                assert top < picture["y"], "the quality badge heads the picture"
            else:
                assert top > picture["y"], f"{later} comes before the picture on a phone"
        recorded.screenshot("picture-first-375.png")
        assert recorded.errors == []
        assert recorded.foreign_requests() == []


def test_on_a_wide_screen_the_minimap_and_report_stay_beside_the_picture(
    chromium: Browser, demo_service: str
) -> None:
    with recorded_page(chromium, demo_service, width=1440) as recorded:
        recorded.goto("/")
        recorded.generate(VILLAGE, seed=4)
        page = recorded.page
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        picture = _box(page, "#scene-picture")
        minimap = _box(page, "#minimap")
        relations = _box(page, "#relations-title")
        assert minimap["x"] >= picture["x"] + picture["width"] - 1, "the minimap is beside it"
        assert abs(minimap["y"] - picture["y"]) < 40
        assert relations["y"] >= picture["y"] + picture["height"] - 1
        assert picture["width"] > minimap["width"], "the picture is the largest thing shown"
        recorded.screenshot("picture-beside-1440.png")
        assert recorded.errors == []


def test_a_permalink_restores_the_prompt_and_the_settings(
    chromium: Browser, demo_service: str
) -> None:
    view = _finished_job(demo_service, {"prompt": VILLAGE, "seed": 5, "width": 56, "height": 28})
    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto(f"/?job={view['id']}")
        page = recorded.page
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        expect(page.locator("#prompt")).to_have_value(VILLAGE)
        expect(page.locator("#prompt-count")).to_have_text(str(len(VILLAGE)))
        expect(page.locator("#seed")).to_have_value("5")
        expect(page.locator("#width")).to_have_value("56")
        expect(page.locator("#height")).to_have_value("28")
        expect(page.locator("#scene-picture")).to_have_attribute(
            "src", f"/status/{view['id']}/scene.svg"
        )
        # Generate again from the restored form: the same request, so the same picture.
        with page.expect_response("**/generate") as answer:
            page.click("#generate")
        again = answer.value.json()["id"]
        expect(page.locator("#job-id")).to_have_text(again)
        # The first job's picture is still shown until the new one is drawn: wait for it.
        expect(page.locator("#scene-picture")).to_have_attribute(
            "src", f"/status/{again}/scene.svg", timeout=DRAWN_TIMEOUT_MS
        )
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        first = httpx.get(f"{demo_service}/status/{view['id']}/scene.svg").content
        second = httpx.get(f"{demo_service}/status/{again}/scene.svg").content
        assert first == second
        assert recorded.errors == []


@pytest.mark.parametrize(
    ("prompt", "width", "height", "level"),
    [
        (VILLAGE, 48, 24, "good"),
        ("a tavern with a bar, a blorf and three stools", 48, 24, "partial"),
        (
            "a house north of a well, the well north of the house, the house south of the well",
            48,
            24,
            "partial",
        ),
        ("a village with 300 houses and 200 wells", 16, 8, "poor"),
        ("blorf glarp snee", 48, 24, "poor"),
    ],
)
def test_the_quality_badge_is_not_green_when_most_of_what_was_asked_failed(
    chromium: Browser, demo_service: str, prompt: str, width: int, height: int, level: str
) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        recorded.goto("/")
        page = recorded.page
        page.fill("#width", str(width))
        page.fill("#height", str(height))
        recorded.generate(prompt, seed=4)
        wait_for_picture(page, DRAWN_TIMEOUT_MS)
        job_id = page.locator("#job-id").inner_text()
        quality = httpx.get(f"{demo_service}/status/{job_id}").json()["result"]["sceneGraph"][
            "quality"
        ]
        assert quality_level(quality) == level  # the prompt still shows what it was chosen for
        badge = page.locator("#quality")
        expect(badge).to_have_attribute("data-level", level)
        words = {"good": "As asked", "partial": "Partly as asked", "poor": "Mostly not as asked"}
        expect(badge.locator("strong")).to_have_text(words[level])
        colour = badge.evaluate("node => getComputedStyle(node).backgroundColor")
        green = "rgb(220, 239, 226)"
        assert (colour == green) == (level == "good"), colour
        if quality["defaultPlace"]:
            expect(badge).to_contain_text("nothing known named")
        if quality["wordsNotUnderstood"]:
            expect(badge).to_contain_text("not understood: " + quality["wordsNotUnderstood"][0])
        assert recorded.errors == []
