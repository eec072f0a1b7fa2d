"""`make up` (scripts/local_stack.py) turns webhooks on: a durable queue, a secret, the flags."""

import pytest

from infrastructure.settings import Settings
from infrastructure.webhooks.signing import generate_webhook_secret, parse_webhook_secrets
from tests.unit.deploy.test_local_stack_ports import load_script


def test_the_stack_is_persistent_with_webhooks_on_through_their_own_queue() -> None:
    script = load_script()
    webhooks, generated = script.webhook_env({})
    settings = Settings.from_env({**script.stack_env(), **webhooks})
    assert settings.webhooks_enabled and generated
    assert settings.webhooks_queue == "scenegen-local-webhooks"
    assert settings.webhooks_queue != settings.jobs_queue
    assert len(parse_webhook_secrets(webhooks["WEBHOOK_SECRET"])) == 1
    assert not settings.webhook_allow_private and not settings.webhook_allow_http


def test_a_secret_from_the_environment_is_used_and_never_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    script = load_script()
    mine = f"{generate_webhook_secret()} {generate_webhook_secret()}"
    webhooks, generated = script.webhook_env({"WEBHOOK_SECRET": mine})
    assert webhooks == {"WEBHOOK_SECRET": mine} and not generated
    script.announce_webhooks(webhooks, generated)
    printed = capsys.readouterr().out
    assert mine.split()[0] not in printed and mine.split()[1] not in printed
    assert "WEBHOOK_ALLOW_PRIVATE=1 WEBHOOK_ALLOW_HTTP=1 make up" in printed


def test_a_generated_secret_is_printed_once_with_how_to_verify_with_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    script = load_script()
    webhooks, generated = script.webhook_env({})
    script.announce_webhooks(webhooks, generated)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert webhooks["WEBHOOK_SECRET"] in lines[0]
    assert lines[1].startswith("verify deliveries with it: ")
    assert webhooks["WEBHOOK_SECRET"] in lines[1]


def test_the_allow_flags_for_a_receiver_on_loopback_pass_through() -> None:
    script = load_script()
    environ = {"WEBHOOK_ALLOW_PRIVATE": "1", "WEBHOOK_ALLOW_HTTP": "1", "OTHER": "x"}
    webhooks, _ = script.webhook_env(environ)
    assert {k: v for k, v in webhooks.items() if k != "WEBHOOK_SECRET"} == {
        "WEBHOOK_ALLOW_PRIVATE": "1",
        "WEBHOOK_ALLOW_HTTP": "1",
    }
    settings = Settings.from_env({**script.stack_env(), **webhooks})
    assert settings.webhook_allow_private and settings.webhook_allow_http
