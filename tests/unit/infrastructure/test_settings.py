"""Settings.from_env: defaults, demo mode, and one ConfigError naming each bad variable."""

import pytest

from infrastructure.settings import ConfigError, Settings

TOKEN = "test-token-0123456789abcdef"


def test_nothing_set_is_demo_mode_with_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.demo_mode
    assert settings.artifact_url_ttl_seconds == 900
    assert settings.retention_days == 14
    assert settings.demo_max_jobs == 1000
    assert settings.metrics_sink == "memory"
    assert settings.internal_token is None
    assert settings.aws_region == "us-east-1"


def test_blank_values_count_as_unset() -> None:
    settings = Settings.from_env(
        {"JOBS_TABLE": "  ", "ARTIFACT_URL_TTL_SECONDS": "", "INTERNAL_TOKEN": " "}
    )
    assert settings.demo_mode
    assert settings.jobs_table is None
    assert settings.artifact_url_ttl_seconds == 900


def test_full_persistent_configuration_is_accepted() -> None:
    settings = Settings.from_env(
        {
            "JOBS_TABLE": "scenegen-jobs",
            "ARTIFACTS_BUCKET": "scenegen-artifacts",
            "JOBS_QUEUE": "scenegen-jobs",
            "INTERNAL_TOKEN_PARAMETER": "/scenegen/token",
            "ARTIFACT_URL_TTL_SECONDS": "3600",
            "RETENTION_DAYS": "30",
            "AWS_ENDPOINT_URL": "http://127.0.0.1:4566/",
            "ORCHESTRATOR_URL": "https://api.example.com",
        }
    )
    assert not settings.demo_mode
    assert settings.artifact_url_ttl_seconds == 3600
    assert settings.retention_days == 30
    assert settings.aws_endpoint_url == "http://127.0.0.1:4566"
    assert settings.metrics_sink == "cloudwatch"


def test_artifacts_bucket_alone_switches_on_s3_offload() -> None:
    settings = Settings.from_env({"ARTIFACTS_BUCKET": "scenegen-artifacts"})
    assert settings.artifacts_bucket == "scenegen-artifacts"
    assert not settings.demo_mode


@pytest.mark.parametrize("ttl", ["900", "3600"])
def test_artifact_url_ttl_bounds_are_accepted(ttl: str) -> None:
    assert Settings.from_env({"ARTIFACT_URL_TTL_SECONDS": ttl}).artifact_url_ttl_seconds == int(ttl)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ARTIFACT_URL_TTL_SECONDS", "899"),
        ("ARTIFACT_URL_TTL_SECONDS", "3601"),
        ("ARTIFACT_URL_TTL_SECONDS", "fifteen"),
        ("ARTIFACT_URL_TTL_SECONDS", "900.5"),
        ("RETENTION_DAYS", "0"),
        ("RETENTION_DAYS", "-3"),
        ("RETENTION_DAYS", "a week"),
        ("DEMO_MAX_JOBS", "0"),
        ("DEMO_MAX_JOBS", "1000001"),
        ("DEMO_MAX_JOBS", "lots"),
        ("AWS_ENDPOINT_URL", "localhost:4566"),
        ("AWS_ENDPOINT_URL", "ftp://emulator"),
        ("ORCHESTRATOR_URL", "api.internal"),
        ("ORCHESTRATOR_URL", "http://"),
        ("PUBLIC_BASE_URL", "api.example.com"),
        ("PUBLIC_BASE_URL", "ftp://api.example.com"),
        ("METRICS_SINK", "statsd"),
        ("INTERNAL_TOKEN", "short"),
        ("TRACE_STATUS_POLLS_PER_SECOND", "-1"),
        ("TRACE_STATUS_POLLS_PER_SECOND", "lots"),
        ("TRACE_STATUS_POLLS_PER_SECOND", "0.5"),
    ],
)
def test_bad_variable_gives_config_error_naming_it(variable: str, value: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        Settings.from_env({variable: value})


@pytest.mark.parametrize("value", ["1", "1000000"])
def test_demo_max_jobs_bounds_are_accepted(value: str) -> None:
    assert Settings.from_env({"DEMO_MAX_JOBS": value}).demo_max_jobs == int(value)


def test_demo_max_jobs_error_is_one_line_with_the_range() -> None:
    with pytest.raises(ConfigError) as raised:
        Settings.from_env({"DEMO_MAX_JOBS": "0"})
    assert str(raised.value) == "DEMO_MAX_JOBS must be between 1 and 1000000, got 0"


def test_config_error_is_one_line() -> None:
    with pytest.raises(ConfigError) as raised:
        Settings.from_env({"ARTIFACT_URL_TTL_SECONDS": "899"})
    assert "\n" not in str(raised.value)


def test_jobs_table_without_artifacts_bucket_is_rejected() -> None:
    with pytest.raises(ConfigError, match="JOBS_TABLE") as raised:
        Settings.from_env({"JOBS_TABLE": "scenegen-jobs"})
    assert "ARTIFACTS_BUCKET" in str(raised.value)


def test_jobs_queue_without_jobs_table_is_rejected() -> None:
    with pytest.raises(ConfigError, match="JOBS_QUEUE") as raised:
        Settings.from_env({"JOBS_QUEUE": "scenegen-jobs", "ARTIFACTS_BUCKET": "scenegen-artifacts"})
    assert "JOBS_TABLE" in str(raised.value)


def test_token_and_token_parameter_together_are_rejected() -> None:
    with pytest.raises(ConfigError, match="INTERNAL_TOKEN_PARAMETER"):
        Settings.from_env({"INTERNAL_TOKEN": TOKEN, "INTERNAL_TOKEN_PARAMETER": "/scenegen/token"})


def test_previous_token_is_kept_for_rotation() -> None:
    settings = Settings.from_env({"INTERNAL_TOKEN": TOKEN, "INTERNAL_TOKEN_PREVIOUS": TOKEN[::-1]})
    assert settings.internal_token == TOKEN
    assert settings.internal_token_previous == TOKEN[::-1]


def test_aws_default_region_is_the_fallback_region() -> None:
    assert Settings.from_env({"AWS_DEFAULT_REGION": "eu-west-1"}).aws_region == "eu-west-1"
    both = {"AWS_REGION": "eu-central-1", "AWS_DEFAULT_REGION": "eu-west-1"}
    assert Settings.from_env(both).aws_region == "eu-central-1"


def test_metrics_sink_is_case_insensitive() -> None:
    assert Settings.from_env({"METRICS_SINK": "NONE"}).metrics_sink == "none"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", 1), ("0", 0), ("250", 250), ("unlimited", None), (" Unlimited ", None)],
)
def test_status_poll_trace_budget(value: str, expected: int | None) -> None:
    settings = Settings.from_env({"TRACE_STATUS_POLLS_PER_SECOND": value})
    assert settings.trace_status_polls_per_second == expected


DEMO_KEY = "sg_" + "a" * 40


PERSISTENT = {"JOBS_TABLE": "jobs", "ARTIFACTS_BUCKET": "bucket", "JOBS_QUEUE": "jobs"}


def test_keys_are_off_by_default_in_demo_mode() -> None:
    for env in ({}, {"ARTIFACTS_BUCKET": "bucket"}):  # S3 offload alone keeps no keys table
        settings = Settings.from_env(env)
        assert settings.auth_mode == "none" and not settings.keys_required


def test_keys_are_required_by_default_in_persistent_mode() -> None:
    for env in (PERSISTENT, {"JOBS_TABLE": "jobs", "ARTIFACTS_BUCKET": "bucket"}):
        settings = Settings.from_env(env)
        assert settings.auth_mode == "api-keys" and settings.keys_required


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({**PERSISTENT, "AUTH_MODE": "none"}, "none"),
        ({**PERSISTENT, "AUTH_MODE": " None "}, "none"),
        ({"AUTH_MODE": "api-keys", "API_KEYS": f"demo:{DEMO_KEY}"}, "api-keys"),
    ],
)
def test_an_explicit_auth_mode_wins_over_the_mode_default(
    env: dict[str, str], expected: str
) -> None:
    assert Settings.from_env(env).auth_mode == expected


def test_quotas_and_origins_are_at_the_contract_defaults_unless_set() -> None:
    for env in ({}, PERSISTENT):
        settings = Settings.from_env(env)
        assert settings.rate_limit_per_minute == 60
        assert settings.max_active_jobs_per_key == 10
        assert settings.cors_origins == ()


def test_api_keys_mode_with_keys_limits_and_origins() -> None:
    settings = Settings.from_env(
        {
            "AUTH_MODE": "API-Keys",
            "API_KEYS": f"demo:{DEMO_KEY}",
            "RATE_LIMIT_PER_MINUTE": "5",
            "MAX_ACTIVE_JOBS_PER_KEY": "2",
            "CORS_ALLOW_ORIGINS": "https://a.example, https://b.example",
        }
    )
    assert settings.keys_required
    assert (settings.rate_limit_per_minute, settings.max_active_jobs_per_key) == (5, 2)
    assert settings.cors_origins == ("https://a.example", "https://b.example")


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"AUTH_MODE": "basic"}, "AUTH_MODE"),
        ({**PERSISTENT, "AUTH_MODE": "off"}, "AUTH_MODE"),
        ({"RATE_LIMIT_PER_MINUTE": "0"}, "RATE_LIMIT_PER_MINUTE"),
        ({"MAX_ACTIVE_JOBS_PER_KEY": "none"}, "MAX_ACTIVE_JOBS_PER_KEY"),
        ({"API_KEYS": "demo"}, "API_KEYS"),
        ({"AUTH_MODE": "api-keys"}, "API_KEYS"),
        (
            {"API_KEYS": f"demo:{DEMO_KEY}", "JOBS_TABLE": "jobs", "ARTIFACTS_BUCKET": "bucket"},
            "API_KEYS",
        ),
    ],
)
def test_bad_key_settings_are_one_line_naming_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named) as raised:
        Settings.from_env(env)
    assert DEMO_KEY not in str(raised.value) and "\n" not in str(raised.value)


def test_a_bad_api_keys_item_never_echoes_its_secret() -> None:
    with pytest.raises(ConfigError) as raised:
        Settings.from_env({"API_KEYS": "demo:sg_short"})
    assert "sg_short" not in str(raised.value)
