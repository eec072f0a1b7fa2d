"""Links in bodies are absolute: on the request's own scheme and host, or on PUBLIC_BASE_URL;
a demo job's result links to this API's own artifact endpoints, beside the inline values."""

from typing import Any

from litestar.testing import AsyncTestClient

from infrastructure.bootstrap import ApiRuntime
from interfaces.http.app import create_app
from tests.conftest import make_container
from tests.fakes import TOKEN, wait_until_finished

PROMPT = {"prompt": "a well in a small village square", "seed": 4, "width": 32, "height": 16}


async def test_a_done_demo_job_links_its_three_artifacts_and_keeps_them_inline(
    client: Any,
) -> None:
    job_id = (await client.post("/generate", json=PROMPT)).json()["id"]
    view = await wait_until_finished(client, job_id)
    result = view["result"]
    base = f"http://testserver.local/status/{job_id}"

    assert result["sceneGraphUrl"] == f"{base}/scene-graph.json"
    assert result["asciiMinimapUrl"] == f"{base}/minimap.txt"
    assert result["sceneSvgUrl"] == f"{base}/scene.svg"
    graph = await client.get(result["sceneGraphUrl"])
    assert graph.json() == result["sceneGraph"]
    assert (await client.get(result["asciiMinimapUrl"])).text == result["asciiMinimap"]
    assert (await client.get(result["sceneSvgUrl"])).content.startswith(b"<svg")


async def test_links_are_built_on_the_scheme_and_host_the_client_called(client: Any) -> None:
    headers = {"Host": "scenes.example.org:8443"}
    accepted = (await client.post("/generate", json=PROMPT, headers=headers)).json()
    job_id = accepted["id"]
    origin = "http://scenes.example.org:8443"

    assert accepted["statusUrl"] == f"{origin}/status/{job_id}"
    assert accepted["eventsUrl"] == f"{origin}/status/{job_id}/events"
    assert accepted["cancelUrl"] == f"{origin}/status/{job_id}/cancel"
    await wait_until_finished(client, job_id)
    for _ in range(2):  # the second answer is the finished job's kept one
        view = (await client.get(f"/status/{job_id}", headers=headers)).json()
        assert view["statusUrl"] == f"{origin}/status/{job_id}"
        assert view["result"]["sceneSvgUrl"] == f"{origin}/status/{job_id}/scene.svg"
    other = (await client.get(f"/status/{job_id}")).json()
    assert other["statusUrl"] == f"http://testserver.local/status/{job_id}"


async def test_public_base_url_is_the_origin_of_every_link() -> None:
    container = make_container(
        {"INTERNAL_TOKEN": TOKEN, "PUBLIC_BASE_URL": "https://api.example.com/scenes/"}
    )
    async with AsyncTestClient(app=create_app(ApiRuntime(container))) as client:
        accepted = (await client.post("/generate", json=PROMPT)).json()
        job_id = accepted["id"]
        base = f"https://api.example.com/scenes/status/{job_id}"
        assert accepted["statusUrl"] == base
        view = await wait_until_finished(client, job_id)
        assert view["eventsUrl"] == f"{base}/events"
        assert view["result"]["sceneGraphUrl"] == f"{base}/scene-graph.json"
        assert view["result"]["asciiMinimapUrl"] == f"{base}/minimap.txt"
