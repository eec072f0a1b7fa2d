"""The CloudFormation templates: lint-clean, and shaped as the service and issue 15 need.

MiniStack drops TTL, lifecycle and task-definition secrets given through CloudFormation, and
cannot deploy the AWS-only template, so these properties are asserted here, on the template.
"""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from application import metric_names as m
from domain.jobs import JobStatus
from infrastructure.aws.dynamodb_key_store import keys_table_for
from infrastructure.aws.provision import (
    DEAD_LETTER_RETENTION_SECONDS,
    JOB_INDEXES,
    LIFECYCLE_RULE_ID,
    MAX_RECEIVE_COUNT,
    QUEUE_VISIBILITY_TIMEOUT_SECONDS,
    TTL_ATTRIBUTE,
    WEBHOOKS_RETENTION_SECONDS,
)
from infrastructure.aws.s3_artifact_store import ARTIFACT_PREFIX
from infrastructure.aws.sqs_queue import MAX_DELAY_SECONDS
from infrastructure.settings import Settings
from tests.unit.deploy.cloudformation_yaml import (
    ALL_TEMPLATES,
    AWS_ONLY_TEMPLATE,
    MAIN_TEMPLATE,
    load,
)
from tests.unit.deploy.template_evaluation import decided_conditions

ROOT = Path(__file__).resolve().parents[3]
CFN_LINT = Path(sys.executable).parent / "cfn-lint"
TEMPLATE_BODY_LIMIT_BYTES = 51_200  # CreateChangeSet's TemplateBody limit
REFUSED_BY_MINISTACK = (
    "AWS::ApplicationAutoScaling::",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    "AWS::EC2::NatGateway",
    "AWS::EC2::EIP",
    "AWS::WAFv2::WebACLAssociation",
)


@pytest.fixture(scope="module")
def main() -> dict[str, Any]:
    return load(MAIN_TEMPLATE)


@pytest.fixture(scope="module")
def aws_only() -> dict[str, Any]:
    return load(AWS_ONLY_TEMPLATE)


def resource(template: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = template["Resources"][name]
    return found


def props(template: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = resource(template, name)["Properties"]
    return found


def of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


def container(template: dict[str, Any], task_definition: str) -> dict[str, Any]:
    """The service's own container (the first; a tracing collector may follow it)."""
    found: dict[str, Any] = props(template, task_definition)["ContainerDefinitions"][0]
    return found


NO_VALUE = {"Ref": "AWS::NoValue"}
DEFAULT_CONDITIONS = decided_conditions(load(MAIN_TEMPLATE))


def resolved(value: Any, conditions: dict[str, bool]) -> Any:
    """`value` with each Fn::If decided by `conditions` (else as for the default parameters)
    and each AWS::NoValue dropped."""
    if isinstance(value, dict):
        if set(value) == {"Fn::If"}:
            name, when_true, when_false = value["Fn::If"]
            decided = conditions.get(name, DEFAULT_CONDITIONS[name])
            return resolved(when_true if decided else when_false, conditions)
        return {key: resolved(item, conditions) for key, item in value.items() if item != NO_VALUE}
    if isinstance(value, list):
        items = [resolved(item, conditions) for item in value]
        return [item for item in items if item != NO_VALUE]
    return value


WEBHOOKS_OFF = {"HasWebhookSecret": False}
WEBHOOKS_ON = {"HasWebhookSecret": True}


def environment(
    template: dict[str, Any], task_definition: str, conditions: dict[str, bool] = WEBHOOKS_OFF
) -> dict[str, Any]:
    entries = resolved(container(template, task_definition)["Environment"], conditions)
    return {e["Name"]: e["Value"] for e in entries}


def policy_statements(
    template: dict[str, Any], role: str, conditions: dict[str, bool] | None = None
) -> list[dict[str, Any]]:
    (policy,) = props(template, role)["Policies"]
    statements: list[dict[str, Any]] = resolved(
        policy["PolicyDocument"]["Statement"], conditions or {}
    )
    return statements


TRACES = (["xray:PutTelemetryRecords", "xray:PutTraceSegments"], "*")


def test_cfn_lint_reports_no_error_no_warning_and_no_informational_finding() -> None:
    result = subprocess.run(
        [str(CFN_LINT), "--include-checks", "I", "--", *map(str, ALL_TEMPLATES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_the_deploy_folder_links_to_the_templates_the_package_ships() -> None:
    for template in ALL_TEMPLATES:
        linked = ROOT / "deploy" / template.name
        assert linked.resolve() == template.resolve()


def test_the_main_template_fits_a_change_set_request_body() -> None:
    assert len(MAIN_TEMPLATE.read_bytes()) < TEMPLATE_BODY_LIMIT_BYTES
    assert len(AWS_ONLY_TEMPLATE.read_bytes()) < TEMPLATE_BODY_LIMIT_BYTES


def test_the_main_template_holds_no_type_ministack_refuses(main: dict[str, Any]) -> None:
    kinds = {r["Type"] for r in main["Resources"].values()}
    assert not [k for k in kinds if k.startswith(REFUSED_BY_MINISTACK)]


def test_autoscaling_and_the_waf_association_are_in_the_aws_only_template(
    aws_only: dict[str, Any],
) -> None:
    targets = of_type(aws_only, "AWS::ApplicationAutoScaling::ScalableTarget")
    resource_ids = sorted(t["Properties"]["ResourceId"]["Fn::Sub"] for t in targets.values())
    assert resource_ids == [
        "service/${ClusterName}/${ApiServiceName}",
        "service/${ClusterName}/${WorkerServiceName}",
    ]
    assert props(aws_only, "WebAclAssociation") == {
        "ResourceArn": {"Ref": "LoadBalancerArn"},
        "WebACLArn": {"Ref": "WebAclArn"},
    }
    assert aws_only["Parameters"]["ApiMinCount"]["MinValue"] >= 2


def test_the_aws_only_template_takes_every_parameter_from_a_main_output(
    main: dict[str, Any], aws_only: dict[str, Any]
) -> None:
    required = {k for k, v in aws_only["Parameters"].items() if "Default" not in v}
    assert required <= set(main["Outputs"])


def test_the_table_is_keyed_by_pk_with_ttl_on_ttl_and_point_in_time_recovery(
    main: dict[str, Any],
) -> None:
    table = props(main, "JobsTable")
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert table["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert TTL_ATTRIBUTE == "ttl"
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["BillingMode"] == "PAY_PER_REQUEST"


def test_the_jobs_table_indexes_a_keys_jobs_as_provision_does(main: dict[str, Any]) -> None:
    table = props(main, "JobsTable")
    assert {d["AttributeName"]: d["AttributeType"] for d in table["AttributeDefinitions"]} == {
        "pk": "S",
        "owner": "S",
        "ownerCreated": "S",
        "activeOwner": "S",
    }
    indexes = {index["IndexName"]: index for index in table["GlobalSecondaryIndexes"]}
    assert indexes == JOB_INDEXES


def test_the_keys_table_is_keyed_by_the_key_id_beside_the_jobs_table(
    main: dict[str, Any],
) -> None:
    table = props(main, "KeysTable")
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    assert table["TableName"] == {"Fn::Sub": "${AWS::StackName}-jobs-api-keys"}
    assert props(main, "JobsTable")["TableName"] == {"Fn::Sub": "${AWS::StackName}-jobs"}
    assert keys_table_for("x-jobs") == "x-jobs-api-keys"
    assert "TimeToLiveSpecification" not in table
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert main["Outputs"]["KeysTableName"]["Value"] == {"Ref": "KeysTable"}


def test_only_the_api_reads_the_keys_table_and_nothing_in_the_stack_writes_it(
    main: dict[str, Any],
) -> None:
    for role in ("ApiTaskRole", "WorkerTaskRole"):
        for statement in policy_statements(main, role):
            if "KeysTable" in str(statement["Resource"]):
                assert role == "ApiTaskRole"
                assert sorted(statement["Action"]) == ["dynamodb:DescribeTable", "dynamodb:GetItem"]
    webhook_grants = main["Resources"]["WorkerWebhooksPolicy"]["Properties"]["PolicyDocument"]
    assert "KeysTable" not in str(webhook_grants)


def test_job_artifacts_expire_after_retention_days_default_14(main: dict[str, Any]) -> None:
    rules = props(main, "ArtifactsBucket")["LifecycleConfiguration"]["Rules"]
    (expiry,) = [rule for rule in rules if rule["Id"] == LIFECYCLE_RULE_ID]
    assert expiry["Prefix"] == ARTIFACT_PREFIX
    assert expiry["ExpirationInDays"] == {"Ref": "RetentionDays"}
    assert expiry["Status"] == "Enabled"
    assert main["Parameters"]["RetentionDays"]["Default"] == 14 == Settings().retention_days
    for task in ("ApiTaskDefinition", "WorkerTaskDefinition"):
        assert environment(main, task)["RETENTION_DAYS"] == {"Ref": "RetentionDays"}


def test_the_bucket_is_encrypted_private_and_tls_only(main: dict[str, Any]) -> None:
    bucket = props(main, "ArtifactsBucket")
    (encryption,) = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert encryption["ServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    assert set(bucket["PublicAccessBlockConfiguration"].values()) == {True}
    assert len(bucket["PublicAccessBlockConfiguration"]) == 4
    (statement,) = props(main, "ArtifactsBucketPolicy")["PolicyDocument"]["Statement"]
    assert statement["Effect"] == "Deny"
    assert statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def test_the_queue_redrives_to_its_dead_letter_queue(main: dict[str, Any]) -> None:
    redrive = props(main, "JobsQueue")["RedrivePolicy"]
    assert redrive == {
        "deadLetterTargetArn": {"Fn::GetAtt": ["JobsDeadLetterQueue", "Arn"]},
        "maxReceiveCount": MAX_RECEIVE_COUNT,
    }
    assert props(main, "JobsQueue")["VisibilityTimeout"] == Settings().jobs_queue_visibility_seconds


def test_both_services_read_the_token_from_the_ssm_parameter_and_never_inline(
    main: dict[str, Any],
) -> None:
    for task in ("ApiTaskDefinition", "WorkerTaskDefinition"):
        env = environment(main, task)
        assert env["INTERNAL_TOKEN_PARAMETER"] == {"Ref": "InternalTokenParameter"}
        assert "INTERNAL_TOKEN" not in env
        assert "Secrets" not in container(main, task)
    assert "Default" not in main["Parameters"]["InternalTokenParameter"]


def test_both_services_run_one_image_with_a_command_each(main: dict[str, Any]) -> None:
    api, worker = container(main, "ApiTaskDefinition"), container(main, "WorkerTaskDefinition")
    assert api["Image"] == worker["Image"] == {"Ref": "Image"}
    assert api["Command"] == [
        *("serve", "--host", "0.0.0.0", "--port", "8000"),
        *("--internal-port", "8001"),
    ]
    assert worker["Command"] == ["worker"]
    for task in (api, worker):
        assert task["LogConfiguration"]["LogDriver"] == "awslogs"
    for group in ("ApiLogGroup", "WorkerLogGroup"):
        assert props(main, group)["RetentionInDays"] == {"Ref": "LogRetentionDays"}


TOKEN_ARN = {
    "Fn::Sub": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}"
    ":parameter${InternalTokenParameter}"
}


def test_the_api_role_may_call_only_what_the_api_calls_on_its_own_resources(
    main: dict[str, Any],
) -> None:
    granted = {
        s["Sid"]: (sorted(s["Action"]), s["Resource"])
        for s in policy_statements(main, "ApiTaskRole")
    }
    assert granted == {
        "Jobs": (
            [
                "dynamodb:DeleteItem",
                "dynamodb:DescribeTable",
                "dynamodb:GetItem",
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
            ],
            {"Fn::GetAtt": ["JobsTable", "Arn"]},
        ),
        "ListAndCountKeyJobs": (
            ["dynamodb:Query"],
            {"Fn::Sub": "${JobsTable.Arn}/index/*"},  # its two indexes (JOB_INDEXES)
        ),
        "AuthenticateKeys": (
            ["dynamodb:DescribeTable", "dynamodb:GetItem"],
            {"Fn::GetAtt": ["KeysTable", "Arn"]},
        ),
        "ArtifactDownloadsPresigned": (
            ["s3:GetObject"],
            {"Fn::Sub": "${ArtifactsBucket.Arn}/jobs/*"},
        ),
        "ArtifactBucketReachable": (["s3:ListBucket"], {"Fn::GetAtt": ["ArtifactsBucket", "Arn"]}),
        "Enqueue": (
            ["sqs:GetQueueAttributes", "sqs:SendMessage"],
            {"Fn::GetAtt": ["JobsQueue", "Arn"]},
        ),
        "Token": (["ssm:GetParameter"], TOKEN_ARN),
        "Metrics": (["cloudwatch:PutMetricData"], "*"),
        "Traces": TRACES,  # the collector beside it sends the task's spans to X-Ray
    }
    (metrics,) = [s for s in policy_statements(main, "ApiTaskRole") if s["Sid"] == "Metrics"]
    assert metrics["Condition"] == {
        "StringEquals": {"cloudwatch:namespace": {"Ref": "MetricsNamespace"}}
    }


def test_the_worker_role_may_call_only_what_the_worker_calls(main: dict[str, Any]) -> None:
    granted = {
        s["Sid"]: (sorted(s["Action"]), s["Resource"])
        for s in policy_statements(main, "WorkerTaskRole")
    }
    assert granted == {
        "Consume": (
            ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:ReceiveMessage"],
            {"Fn::GetAtt": ["JobsQueue", "Arn"]},
        ),
        # DeleteObject: artifacts stored while the job was canceled are deleted by the worker.
        "StoreArtifacts": (
            ["s3:DeleteObject", "s3:PutObject"],
            {"Fn::Sub": "${ArtifactsBucket.Arn}/jobs/*"},
        ),
        "Token": (["ssm:GetParameter"], TOKEN_ARN),
        "Traces": TRACES,
    }
    assert all(s["Effect"] == "Allow" for s in policy_statements(main, "WorkerTaskRole"))
    untraced = policy_statements(main, "WorkerTaskRole", {"TracingOn": False})
    assert "Traces" not in {s["Sid"] for s in untraced}


def test_artifact_objects_are_reachable_only_under_the_job_prefix(main: dict[str, Any]) -> None:
    # ListBucket (on the bucket itself) is what HeadBucket, the API's readiness check, needs;
    # every object action is limited to the job prefix.
    assert ARTIFACT_PREFIX == "jobs/"
    webhook_policies = {
        "ApiWebhooksPolicy": "ApiTaskRole",
        "WorkerWebhooksPolicy": "WorkerTaskRole",
    }
    granted = [
        (role, s)
        for role in ("ApiTaskRole", "WorkerTaskRole")
        for s in policy_statements(main, role)
    ]
    granted += [
        (role, s)
        for policy, role in webhook_policies.items()
        for s in props(main, policy)["PolicyDocument"]["Statement"]
    ]
    for role, statement in granted:
        actions = [a for a in statement["Action"] if a.startswith("s3:")]
        if actions == ["s3:ListBucket"]:
            assert role == "ApiTaskRole"
            assert statement["Resource"] == {"Fn::GetAtt": ["ArtifactsBucket", "Arn"]}
        elif actions:
            assert statement["Resource"] == {"Fn::Sub": "${ArtifactsBucket.Arn}/jobs/*"}


def test_the_target_groups_check_the_cheap_liveness_endpoint(main: dict[str, Any]) -> None:
    for group, port in (("PublicTargetGroup", 8000), ("InternalTargetGroup", 8001)):
        target_group = props(main, group)
        assert target_group["HealthCheckPath"] == "/healthz"
        assert target_group["Port"] == port
        assert target_group["TargetGroupAttributes"] == [
            {
                "Key": "deregistration_delay.timeout_seconds",
                "Value": {"Ref": "DeregistrationDelaySeconds"},
            }
        ]


def test_the_api_gets_sigterm_only_after_draining_and_has_time_to_finish(
    main: dict[str, Any],
) -> None:
    # ECS waits for the target's deregistration (draining) before it sends SIGTERM; the
    # container then has StopTimeout seconds, more than uvicorn's 20 s graceful shutdown.
    assert container(main, "ApiTaskDefinition")["StopTimeout"] > 20
    assert main["Parameters"]["DeregistrationDelaySeconds"]["Default"] == 30
    env = environment(main, "ApiTaskDefinition")
    assert env["FORWARDED_ALLOW_IPS"] == {"Ref": "VpcCidr"}


def test_the_api_service_waits_for_the_listener_that_uses_its_target_group(
    main: dict[str, Any],
) -> None:
    assert "PublicListenerReady" in resource(main, "ApiService")["DependsOn"]
    assert "ForwardCallbacks" in resource(main, "ApiService")["DependsOn"]
    ready = resource(main, "PublicListenerReady")["Metadata"]["Listener"]
    assert ready == {
        "Fn::If": ["HasCertificate", {"Ref": "HttpsListener"}, {"Ref": "HttpListener"}]
    }
    https_default = props(main, "HttpsListener")["DefaultActions"][0]
    assert https_default["TargetGroupArn"] == {"Ref": "PublicTargetGroup"}


def test_both_services_roll_back_a_failing_deployment(main: dict[str, Any]) -> None:
    for service in ("ApiService", "WorkerService"):
        configuration = props(main, service)["DeploymentConfiguration"]
        assert configuration["DeploymentCircuitBreaker"] == {"Enable": True, "Rollback": True}
        assert props(main, service)["LaunchType"] == "FARGATE"
    assert props(main, "ApiService")["DesiredCount"] >= 2
    subnets = props(main, "ApiService")["NetworkConfiguration"]["AwsvpcConfiguration"]["Subnets"]
    assert subnets["Fn::If"][1] == [{"Ref": "SubnetA"}, {"Ref": "SubnetB"}]
    zones = [props(main, s)["AvailabilityZone"] for s in ("SubnetA", "SubnetB")]
    assert zones == [
        {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
        {"Fn::Select": [1, {"Fn::GetAZs": ""}]},
    ]


def _refuses_internal(rule: dict[str, Any]) -> bool:
    (condition,) = rule["Conditions"]
    (action,) = rule["Actions"]
    return (
        condition == {"Field": "path-pattern", "PathPatternConfig": {"Values": ["/internal/*"]}}
        and action["Type"] == "fixed-response"
        and bool(action["FixedResponseConfig"]["StatusCode"] == "403")
    )


def test_the_internet_facing_listeners_refuse_the_internal_callback(main: dict[str, Any]) -> None:
    public_listeners = {"HttpListener", "HttpsListener"}
    refusing = {
        rule["Properties"]["ListenerArn"]["Ref"]
        for rule in of_type(main, "AWS::ElasticLoadBalancingV2::ListenerRule").values()
        if _refuses_internal(rule["Properties"])
    }
    assert refusing == public_listeners
    for name in ("RefuseInternalOnHttp", "RefuseInternalOnHttps"):
        assert props(main, name)["Priority"] == 1
    # HTTP redirects to HTTPS when a certificate is given, and the refusal rule then sits
    # on the HTTPS listener.
    assert resource(main, "RefuseInternalOnHttp")["Condition"] == "NoCertificate"
    assert resource(main, "RefuseInternalOnHttps")["Condition"] == "HasCertificate"
    (default,) = props(main, "HttpListener")["DefaultActions"]
    when_certificate, _otherwise = default["Fn::If"][1:]
    assert when_certificate["RedirectConfig"]["Protocol"] == "HTTPS"


def test_workers_reach_the_callback_through_the_internal_load_balancer_only(
    main: dict[str, Any],
) -> None:
    assert props(main, "PublicLoadBalancer")["Scheme"] == "internet-facing"
    assert props(main, "InternalLoadBalancer")["Scheme"] == "internal"
    (default,) = props(main, "InternalListener")["DefaultActions"]
    assert default["Type"] == "fixed-response"
    forward = props(main, "ForwardCallbacks")
    assert forward["Conditions"][0]["PathPatternConfig"]["Values"] == ["/internal/*"]
    assert environment(main, "WorkerTaskDefinition")["ORCHESTRATOR_URL"] == {
        "Fn::Sub": "http://${InternalLoadBalancer.DNSName}"
    }


def _ingress_sources(main: dict[str, Any], group: str) -> list[Any]:
    return [
        rule.get("SourceSecurityGroupId", rule.get("CidrIp"))
        for rule in props(main, group).get("SecurityGroupIngress", [])
    ]


def test_security_groups_allow_only_the_load_balancer_paths(main: dict[str, Any]) -> None:
    assert _ingress_sources(main, "ApiSecurityGroup") == [
        {"Ref": "PublicAlbSecurityGroup"},
        {"Ref": "InternalAlbSecurityGroup"},
    ]
    assert _ingress_sources(main, "InternalAlbSecurityGroup") == [{"Ref": "WorkerSecurityGroup"}]
    assert _ingress_sources(main, "WorkerSecurityGroup") == []
    # The public ALB reaches only the public port, the internal ALB only the internal one.
    api_ports = {
        r["SourceSecurityGroupId"]["Ref"]: (r["FromPort"], r["ToPort"])
        for r in props(main, "ApiSecurityGroup")["SecurityGroupIngress"]
    }
    assert api_ports == {
        "PublicAlbSecurityGroup": (8000, 8000),
        "InternalAlbSecurityGroup": (8001, 8001),
    }
    (public_egress,) = props(main, "PublicAlbSecurityGroup")["SecurityGroupEgress"]
    (internal_egress,) = props(main, "InternalAlbSecurityGroup")["SecurityGroupEgress"]
    assert (public_egress["FromPort"], public_egress["ToPort"]) == (8000, 8000)
    assert (internal_egress["FromPort"], internal_egress["ToPort"]) == (8001, 8001)


def test_a_waf_rate_rule_limits_each_ip(main: dict[str, Any]) -> None:
    acl = props(main, "WebAcl")
    assert acl["Scope"] == "REGIONAL"
    (rate,) = [rule for rule in acl["Rules"] if "RateBasedStatement" in rule["Statement"]]
    assert rate["Statement"]["RateBasedStatement"] == {
        "Limit": {"Ref": "RateLimitPerIp"},
        "AggregateKeyType": "IP",
    }
    assert rate["Action"] == {"Block": {}}


def test_the_alarms_watch_the_dead_letter_queue_failed_jobs_and_5xx(
    main: dict[str, Any], aws_only: dict[str, Any]
) -> None:
    dlq = props(main, "DeadLetterQueueNotEmptyAlarm")
    assert dlq["Dimensions"] == [
        {"Name": "QueueName", "Value": {"Fn::GetAtt": ["JobsDeadLetterQueue", "QueueName"]}}
    ]
    assert (dlq["Threshold"], dlq["ComparisonOperator"]) == (0, "GreaterThanThreshold")
    failed = props(main, "FailedJobsAlarm")
    assert failed["Namespace"] == {"Ref": "MetricsNamespace"}
    assert failed["MetricName"] == m.JOBS_BY_STATUS
    assert failed["Dimensions"] == [{"Name": m.STATUS, "Value": JobStatus.FAILED.value}]
    assert main["Parameters"]["MetricsNamespace"]["Default"] == Settings().metrics_namespace
    rate = props(aws_only, "Api5xxRateAlarm")
    metric_names = {
        q["MetricStat"]["Metric"]["MetricName"] for q in rate["Metrics"] if "MetricStat" in q
    }
    assert metric_names == {"HTTPCode_Target_5XX_Count", "RequestCount"}


WEBHOOK_SECRET_ARN = {
    "Fn::Sub": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}"
    ":parameter${WebhookSecretParameter}"
}


def test_the_webhooks_queue_is_encrypted_redrives_and_outlasts_every_attempt(
    main: dict[str, Any],
) -> None:
    queue = props(main, "WebhooksQueue")
    assert queue["RedrivePolicy"] == {
        "deadLetterTargetArn": {"Fn::GetAtt": ["WebhooksDeadLetterQueue", "Arn"]},
        "maxReceiveCount": MAX_RECEIVE_COUNT,
    }
    assert queue["VisibilityTimeout"] == QUEUE_VISIBILITY_TIMEOUT_SECONDS == 60
    assert queue["VisibilityTimeout"] == Settings().webhooks_queue_visibility_seconds
    # Each retry is a new message delayed by at most SQS's 15 minutes; the retention (the same
    # as `scenegen provision` sets) leaves room for every attempt and then some.
    assert queue["MessageRetentionPeriod"] == WEBHOOKS_RETENTION_SECONDS
    assert Settings().webhook_max_attempts * MAX_DELAY_SECONDS < WEBHOOKS_RETENTION_SECONDS
    dead_letter = props(main, "WebhooksDeadLetterQueue")
    assert dead_letter["MessageRetentionPeriod"] == DEAD_LETTER_RETENTION_SECONDS
    for name in ("WebhooksQueue", "WebhooksDeadLetterQueue"):  # encrypted like the job queue
        assert props(main, name)["SqsManagedSseEnabled"] is True
        assert props(main, name)["QueueName"]["Fn::Sub"].startswith("${AWS::StackName}-webhooks")


def test_webhooks_are_off_unless_a_secret_parameter_is_given(main: dict[str, Any]) -> None:
    parameter = main["Parameters"]["WebhookSecretParameter"]
    assert parameter["Default"] == ""
    assert main["Conditions"]["HasWebhookSecret"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "WebhookSecretParameter"}, ""]}]
    }
    for task in ("ApiTaskDefinition", "WorkerTaskDefinition"):
        off, on = environment(main, task, WEBHOOKS_OFF), environment(main, task, WEBHOOKS_ON)
        assert off["WEBHOOKS_QUEUE"] == on["WEBHOOKS_QUEUE"] == {"Ref": "WebhooksQueue"}
        assert "WEBHOOK_SECRET_PARAMETER" not in off
        assert on["WEBHOOK_SECRET_PARAMETER"] == {"Ref": "WebhookSecretParameter"}
        assert "WEBHOOK_SECRET" not in on  # never inline: the worker reads it from SSM
        assert set(on) - set(off) == {"WEBHOOK_SECRET_PARAMETER"}
    # The service's own check: with the secret, persistent mode needs the webhooks queue.
    assert Settings.from_env(
        {
            "JOBS_TABLE": "t",
            "ARTIFACTS_BUCKET": "b",
            "JOBS_QUEUE": "q",
            "WEBHOOKS_QUEUE": "w",
            "WEBHOOK_SECRET_PARAMETER": "/p",
        }
    ).webhooks_enabled


def test_only_with_webhooks_may_the_services_touch_the_webhooks_queue_and_secret(
    main: dict[str, Any],
) -> None:
    for policy, role in (
        ("ApiWebhooksPolicy", "ApiTaskRole"),
        ("WorkerWebhooksPolicy", "WorkerTaskRole"),
    ):
        assert resource(main, policy)["Type"] == "AWS::IAM::Policy"
        assert resource(main, policy)["Condition"] == "HasWebhookSecret"
        assert props(main, policy)["Roles"] == [{"Ref": role}]
    api = {
        s["Sid"]: (sorted(s["Action"]), s["Resource"])
        for s in props(main, "ApiWebhooksPolicy")["PolicyDocument"]["Statement"]
    }
    assert api == {
        "EnqueueWebhooks": (
            ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"],
            {"Fn::GetAtt": ["WebhooksQueue", "Arn"]},
        ),
    }
    statements = props(main, "WorkerWebhooksPolicy")["PolicyDocument"]["Statement"]
    worker = {s["Sid"]: (sorted(s["Action"]), s["Resource"]) for s in statements}
    assert worker == {
        # Receive, delete, give back an undecodable one, and re-send a retry with a delay.
        "DispatchWebhooks": (
            [
                "sqs:ChangeMessageVisibility",
                "sqs:DeleteMessage",
                "sqs:GetQueueUrl",
                "sqs:ReceiveMessage",
                "sqs:SendMessage",
            ],
            {"Fn::GetAtt": ["WebhooksQueue", "Arn"]},
        ),
        # Read the job (consistently) and record each attempt on it.
        "WebhookJobState": (
            ["dynamodb:GetItem", "dynamodb:UpdateItem"],
            {"Fn::GetAtt": ["JobsTable", "Arn"]},
        ),
        # Links presigned by the worker need the worker's own right to read them.
        "ArtifactLinksPresigned": (["s3:GetObject"], {"Fn::Sub": "${ArtifactsBucket.Arn}/jobs/*"}),
        "WebhookSecret": (["ssm:GetParameter"], WEBHOOK_SECRET_ARN),
    }
    assert all(s["Effect"] == "Allow" and "Condition" not in s for s in statements)
    # No other role, policy or statement names the webhook secret.
    text = MAIN_TEMPLATE.read_text()
    assert text.count(":parameter${WebhookSecretParameter}") == 1


def test_the_services_start_once_the_webhook_grants_are_in_place(main: dict[str, Any]) -> None:
    for service in ("ApiService", "WorkerService"):
        assert "WebhookGrantsReady" in resource(main, service)["DependsOn"]
    ready = resource(main, "WebhookGrantsReady")["Metadata"]["Policies"]
    assert resolved(ready, WEBHOOKS_ON) == [
        {"Ref": "ApiWebhooksPolicy"},
        {"Ref": "WorkerWebhooksPolicy"},
    ]
    assert ready["Fn::If"][2] == NO_VALUE


def test_workers_reach_webhook_receivers_over_https_anywhere(main: dict[str, Any]) -> None:
    egress = props(main, "WorkerSecurityGroup")["SecurityGroupEgress"]
    anywhere = [(r["FromPort"], r["ToPort"]) for r in egress if r.get("CidrIp") == "0.0.0.0/0"]
    assert anywhere == [(443, 443)]


def test_an_alarm_watches_the_webhooks_dead_letter_queue(main: dict[str, Any]) -> None:
    alarm = props(main, "WebhooksDeadLetterQueueNotEmptyAlarm")
    jobs_alarm = props(main, "DeadLetterQueueNotEmptyAlarm")
    assert alarm["Dimensions"] == [
        {"Name": "QueueName", "Value": {"Fn::GetAtt": ["WebhooksDeadLetterQueue", "QueueName"]}}
    ]
    same = ("Namespace", "MetricName", "Threshold", "ComparisonOperator", "AlarmActions")
    assert {k: alarm[k] for k in same} == {k: jobs_alarm[k] for k in same}


def test_the_outputs_name_the_webhooks_queue_and_the_secret_parameter(
    main: dict[str, Any],
) -> None:
    outputs = main["Outputs"]
    assert outputs["WebhooksQueueUrl"]["Value"] == {"Ref": "WebhooksQueue"}
    assert outputs["WebhooksQueueName"]["Value"] == {"Fn::GetAtt": ["WebhooksQueue", "QueueName"]}
    assert outputs["WebhookSecretParameterName"] == {
        "Condition": "HasWebhookSecret",
        "Value": {"Ref": "WebhookSecretParameter"},
    }


def test_the_dashboard_body_is_a_parameter_not_a_copy(main: dict[str, Any]) -> None:
    assert props(main, "Dashboard")["DashboardBody"] == {"Ref": "DashboardBody"}
    assert "Default" not in main["Parameters"]["DashboardBody"]


def test_the_outputs_name_the_api_url_and_what_the_pipeline_waits_for(
    main: dict[str, Any],
) -> None:
    assert {"ApiUrl", "ClusterName", "ApiServiceName", "WorkerServiceName"} <= set(main["Outputs"])
