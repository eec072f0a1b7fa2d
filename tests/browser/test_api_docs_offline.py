"""The API docs page in Chromium with every other origin unreachable: it still renders."""

from playwright.sync_api import Browser, Route

from tests.browser.pages import recorded_page


def test_the_api_docs_page_renders_offline(chromium: Browser, demo_service: str) -> None:
    with recorded_page(chromium, demo_service) as recorded:
        page = recorded.page

        def only_this_origin(route: Route) -> None:
            if route.request.url.startswith(demo_service):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", only_this_origin)
        recorded.goto("/schema")
        page.wait_for_selector(".swagger-ui .info .title", timeout=60_000)
        page.wait_for_selector("#operations-jobs-createJob", timeout=60_000)

        assert recorded.foreign_requests() == []
        assert recorded.errors == []
