"""Renders the demo page's example prompts to docs/gallery/<name>.svg and .png.

    .venv/bin/python scripts/render_gallery.py [--out docs/gallery] [--seed 4] [--png-width 1200]

Starts `scenegen serve` in demo mode on a free loopback port and, in Debian's Chromium
(scripts/install_browser.sh installs it), presses each example button of the page at `/`, then
Generate, and waits for the page to show the job's picture. It saves that picture's bytes (the
job's `GET /status/{id}/scene.svg`, the same bytes `scenegen scene --svg` writes) and Chromium's
rendering of it, `--png-width` pixels wide, and lists them in gallery.json. The "Village"
example is docs/gallery/village.png, the README's picture. tests/unit/scene/test_gallery.py
checks the files' structure (never their pixels).
"""

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from playwright.sync_api import Browser, expect, sync_playwright

from tests.browser.pages import CHROMIUM, INSTALL_HINT, launch_chromium, wait_for_picture
from tests.e2e.processes import scenegen_serve

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "gallery-token-0123456789abcdef"
DRAWN_TIMEOUT_MS = 30_000


def slug(title: str) -> str:
    """`Forest clearing` -> `forest-clearing`."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def render_example(
    browser: Browser, base_url: str, title: str, seed: int, out: Path, png_width: int
) -> dict[str, Any]:
    """Generate one example through the page; write its SVG and PNG; describe them."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/")
    page.get_by_role("button", name=title, exact=True).click()
    prompt = page.locator("#prompt").input_value()
    page.fill("#seed", str(seed))
    page.click("#generate")
    wait_for_picture(page, DRAWN_TIMEOUT_MS)
    expect(page.locator("#job-status")).to_have_text("done")
    job_id = page.locator("#job-id").inner_text()
    view = httpx.get(f"{base_url}/status/{job_id}", timeout=10.0).json()
    picture_url = base_url + page.locator("#scene-picture").get_attribute("src", timeout=1000)
    svg = httpx.get(picture_url, timeout=10.0)
    svg.raise_for_status()
    name = slug(title)
    (out / f"{name}.svg").write_bytes(svg.content)

    # Chromium's rendering of the same bytes, scaled to `png_width` (an SVG is drawn crisp at
    # any size); the page's own <img> is only as wide as its column.
    picture = context.new_page()
    picture.set_content(
        f'<body style="margin:0;background:#fff"><img id="map" src="{picture_url}" '
        f'style="display:block;width:{png_width}px;height:auto"></body>'
    )
    picture.wait_for_function(
        "() => { const m = document.getElementById('map');"
        " return m.complete && m.naturalWidth > 0 }"
    )
    picture.locator("#map").screenshot(path=str(out / f"{name}.png"))
    context.close()

    request = view["request"]
    graph = view["result"]["sceneGraph"]
    return {
        "name": name,
        "title": title,
        "prompt": prompt,
        "seed": request["seed"],
        "width": request["width"],
        "height": request["height"],
        "svgBytes": len(svg.content),
        "quality": graph["quality"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--png-width", type=int, default=1200)
    args = parser.parse_args()
    if not Path(CHROMIUM).is_file():
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    entries = []
    with scenegen_serve({"INTERNAL_TOKEN": TOKEN}) as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(base_url + "/")
        titles = [text.strip() for text in page.locator("button.example").all_inner_texts()]
        page.close()
        for title in titles:
            entry = render_example(browser, base_url, title, args.seed, args.out, args.png_width)
            entries.append(entry)
            png = args.out / f"{entry['name']}.png"
            print(
                f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}: "
                f"{png.stat().st_size // 1024} KB, svg {entry['svgBytes'] / 1000:.1f} KB"
            )
        browser.close()
    manifest = args.out / "gallery.json"
    manifest.write_text(json.dumps(entries, indent=2, ensure_ascii=False) + "\n")
    print(f"{manifest} ({len(entries)} examples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
