"""Demo mode exposes the same counts a CloudWatch dashboard shows."""

from typing import Any

from tests.fakes import TOKEN, wait_until_finished


async def test_demo_metrics_count_jobs_by_status_and_step_durations(client: Any) -> None:
    accepted = await client.post("/generate", json={"prompt": "a well near a house", "seed": 3})
    job = await wait_until_finished(client, accepted.json()["id"])
    assert job["status"] == "done"

    body = (await client.get("/metrics")).json()

    assert body["JobsByStatus"] == {"Status=queued": 1, "Status=running": 1, "Status=done": 1}
    assert set(body["StepDuration"]) == {
        f"Step={name}"
        for name in (
            "parse_prompt",
            "layout",
            "build_scene_graph",
            "render_minimap",
            "store_artifacts",
        )
    }
    assert list(body["JobDuration"]) == ["Status=done"]
    assert "Errors" not in body


async def test_duplicate_callback_is_not_counted_twice(client: Any) -> None:
    accepted = await client.post("/generate", json={"prompt": "a tree", "seed": 4})
    job = await wait_until_finished(client, accepted.json()["id"])
    before = (await client.get("/metrics")).json()["JobsByStatus"]
    step = job["steps"][0]
    duplicate = {key: step[key] for key in ("stepId", "name", "phase", "at")}
    response = await client.post(
        f"/internal/jobs/{job['id']}/step",
        json=duplicate,
        headers={"X-INTERNAL-TOKEN": TOKEN},
    )
    assert response.json()["applied"] is False
    assert (await client.get("/metrics")).json()["JobsByStatus"] == before
