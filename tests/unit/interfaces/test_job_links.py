"""The links in bodies (application.wire.JobLinks) are the routes the API serves, by name."""

from application.wire import JobLinks
from infrastructure.bootstrap import api_runtime
from infrastructure.settings import Settings
from interfaces.http.app import create_app

JOB_ID = "01kdyak348a2zym4sj6a98jv3q4zyz0qrykb"


def test_each_link_of_a_job_is_the_route_of_its_name() -> None:
    app = create_app(api_runtime(Settings.from_env({"INTERNAL_TOKEN": "t" * 32})))
    links = JobLinks.of(JOB_ID)
    assert app.route_reverse("getJob", job_id=JOB_ID) == links.status_url
    assert app.route_reverse("streamJobEvents", job_id=JOB_ID) == links.events_url
    assert app.route_reverse("cancelJob", job_id=JOB_ID) == links.cancel_url
