"""`scenegen deploy`'s arguments, and the dashboard it hands to the template."""

import io
import json

import pytest

from infrastructure.bootstrap.deployment import (
    PARAMETER_VALUE_LIMIT_BYTES,
    _dashboard_parameter,
    aws_only_stack_name,
    is_emulator,
    token_parameter_name,
)
from infrastructure.observability.dashboard import dashboard_body
from interfaces.cli.deploy_command import _confirmed
from interfaces.cli.main import build_parser, main


def test_the_parameters_are_key_value_pairs_and_repeatable() -> None:
    args = build_parser().parse_args(
        [
            "deploy",
            "--stack",
            "prod",
            "--image",
            "repo/scenegen:abc",
            "--parameter",
            "CertificateArn=arn:aws:acm:us-east-1:1:certificate/x",
            "--parameter",
            "PublicHostName=",
        ]
    )
    assert dict(args.parameter) == {
        "CertificateArn": "arn:aws:acm:us-east-1:1:certificate/x",
        "PublicHostName": "",
    }
    assert (args.stack, args.image, args.main_only, args.delete) == (
        "prod",
        "repo/scenegen:abc",
        False,
        False,
    )


@pytest.mark.parametrize(
    "arguments",
    [
        ["deploy"],
        ["deploy", "--stack", "1starts-with-a-digit"],
        ["deploy", "--stack", "has_underscore"],
        ["deploy", "--stack", "ok", "--parameter", "no-equals-sign"],
        ["deploy", "--stack", "ok", "--timeout", "0"],
    ],
)
def test_bad_arguments_exit_2(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(arguments)
    assert exited.value.code == 2
    assert "scenegen deploy: error:" in capsys.readouterr().err


def test_the_dashboard_parameter_is_the_definition_provision_writes() -> None:
    body = _dashboard_parameter("SceneGen", "eu-west-1")
    assert json.loads(body) == dashboard_body("SceneGen", "eu-west-1")
    assert len(body.encode()) <= PARAMETER_VALUE_LIMIT_BYTES


def test_the_names_derived_from_the_stack() -> None:
    assert aws_only_stack_name("prod") == "prod-aws-only"
    assert token_parameter_name("prod") == "/scenegen/prod/internal-token"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("typed", "confirmed"), [("prod\n", True), ("yes\n", False), ("\n", False)]
)
def test_delete_at_a_terminal_needs_the_stack_name_typed_back(
    typed: str, confirmed: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal(typed))
    assert _confirmed("prod", keep_data=False) is confirmed
    out = capsys.readouterr()
    assert "This deletes the stacks prod and prod-aws-only, with every job" in out.out
    assert ("nothing deleted" in out.err) is not confirmed


def test_delete_without_a_terminal_refuses_unless_yes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("prod\n"))
    assert main(["deploy", "--stack", "prod", "--delete"]) == 2
    assert "add --yes" in capsys.readouterr().err
    args = build_parser().parse_args(
        ["deploy", "--stack", "prod", "--delete", "--yes", "--keep-data"]
    )
    assert (args.yes, args.keep_data) == (True, True)


@pytest.mark.parametrize(
    ("endpoint", "emulated"),
    [
        (None, False),
        ("http://127.0.0.1:4566", True),
        ("http://localstack:4566", True),
        ("https://cloudformation.eu-west-1.amazonaws.com", False),
        ("https://cloudformation-fips.us-east-1.amazonaws.com", False),
        ("https://cloudformation.cn-north-1.amazonaws.com.cn", False),
    ],
)
def test_an_endpoint_that_is_not_aws_own_is_an_emulator(
    endpoint: str | None, emulated: bool
) -> None:
    assert is_emulator(endpoint) is emulated
