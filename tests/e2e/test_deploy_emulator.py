"""`scenegen deploy` against the emulator: the main stack is built, read back, left alone, deleted.

MiniStack's CloudFormation accepts the main template (not the AWS-only one, hence
`--main-only`), runs no containers, ignores TTL and lifecycle given through CloudFormation
and drops task-definition secrets: those are asserted on the template
(tests/unit/deploy/test_deploy_templates.py). What it keeps is read back here through the
AWS APIs, the way an operator would check a deployment.
"""

import dataclasses
import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from infrastructure.aws.provision import (
    MAX_RECEIVE_COUNT,
    QUEUE_VISIBILITY_TIMEOUT_SECONDS,
    WEBHOOKS_RETENTION_SECONDS,
)
from infrastructure.observability.dashboard import dashboard_body
from infrastructure.webhooks.signing import generate_webhook_secret
from tests.e2e.persistent_stack import (
    PersistentStack,
    Resources,
    create_key,
    outer_env,
    submit,
    wait_for_job,
    webhook_env,
)
from tests.e2e.processes import SCENEGEN
from tests.unit.webhooks.receiver import WebhookReceiver, wait_for_requests

pytestmark = pytest.mark.e2e

REGION = "us-east-1"
IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/scenegen:0123abc"
DEPLOY_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class Deployment:
    endpoint: str
    stack: str
    outputs: dict[str, str]
    first_run: str

    def client(self, service: str) -> Any:
        return botocore.session.get_session().create_client(
            service,
            region_name=REGION,
            endpoint_url=self.endpoint,
            aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "test"),
            aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "test"),
            config=Config(s3={"addressing_style": "path"}),
        )


def service_container(described: dict[str, Any]) -> dict[str, Any]:
    """The service's own container; the tracing collector runs beside it (Tracing=Enabled)."""
    own, collector = described["taskDefinition"]["containerDefinitions"]
    assert collector["name"] == "otel-collector"
    assert collector["command"] == ["--config=/etc/ecs/ecs-xray.yaml"]
    found: dict[str, Any] = own
    return found


def run_deploy(endpoint: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
    }
    for name in ("JOBS_TABLE", "ARTIFACTS_BUCKET", "JOBS_QUEUE", "INTERNAL_TOKEN"):
        env.pop(name, None)
    return subprocess.run(
        [SCENEGEN, "deploy", "--poll-seconds", "0.2", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=DEPLOY_TIMEOUT_SECONDS,
    )


def outputs_of(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    lines = result.stdout.split("outputs:\n", 1)[1].splitlines()
    return dict(line.strip().split("=", 1) for line in lines if "=" in line)


@pytest.fixture(scope="module")
def deployment(aws_endpoint: str) -> Iterator[Deployment]:
    stack = f"sg-e2e-{uuid.uuid4().hex[:8]}"
    # No --main-only: `scenegen deploy` sees the emulator's endpoint and skips the AWS-only stack.
    result = run_deploy(aws_endpoint, "--stack", stack, "--image", IMAGE)
    assert result.returncode == 0, result.stdout + result.stderr
    yield Deployment(aws_endpoint, stack, outputs_of(result), result.stdout)
    run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes")  # "not found" once deleted


def test_the_first_deploy_creates_the_token_then_the_stack(deployment: Deployment) -> None:
    lines = deployment.first_run.splitlines()
    (skipped,) = [line for line in lines if "skipping the AWS-only stack" in line]
    assert skipped.startswith(f"AWS_ENDPOINT_URL {deployment.endpoint} is an emulator: ")
    assert f"{deployment.stack}-aws-only" in skipped
    assert not [line for line in lines if line.startswith(f"stack {deployment.stack}-aws-only")]
    token = f"/scenegen/{deployment.stack}/internal-token"
    created = lines.index(f"created parameter {token} (SecureString)")
    first_event = next(i for i, line in enumerate(lines) if "CREATE_IN_PROGRESS" in line)
    assert created < first_event  # the tasks may start as soon as the stack is created
    assert f"stack {deployment.stack}: CREATE_COMPLETE" in lines
    assert any("CREATE_COMPLETE AWS::ECS::Service ApiService" in line for line in lines)
    described = deployment.client("cloudformation").describe_stacks(StackName=deployment.stack)
    assert described["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
    parameter = deployment.client("ssm").get_parameter(Name=token, WithDecryption=True)
    assert parameter["Parameter"]["Type"] == "SecureString"
    assert len(parameter["Parameter"]["Value"]) >= 32


def _physical_ids(deployment: Deployment) -> dict[str, str]:
    described = deployment.client("cloudformation").describe_stack_resources(
        StackName=deployment.stack
    )
    return {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in described["StackResources"]}


def test_with_the_default_parameters_the_stack_builds_its_vpc_and_uses_it(
    deployment: Deployment,
) -> None:
    # The created-VPC branch: its own VPC, gateway, route and two subnets in two zones, which
    # both load balancers and both services use. (The order of creation, the ALB after the
    # gateway attachment and the services after the routes, is what AWS enforces and MiniStack
    # does not: tests/unit/deploy/test_template_network_and_rules.py follows the dependencies.)
    ids = _physical_ids(deployment)
    ec2 = deployment.client("ec2")
    (vpc,) = ec2.describe_vpcs(VpcIds=[ids["Vpc"]])["Vpcs"]
    assert vpc["CidrBlock"] == "10.42.0.0/16"
    subnets = ec2.describe_subnets(SubnetIds=[ids["SubnetA"], ids["SubnetB"]])["Subnets"]
    assert {s["VpcId"] for s in subnets} == {ids["Vpc"]}
    assert len({s["AvailabilityZone"] for s in subnets}) == 2
    (table,) = ec2.describe_route_tables(RouteTableIds=[ids["PublicRouteTable"]])["RouteTables"]
    assert {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": ids["InternetGateway"]}.items() <= {
        k: v for r in table["Routes"] if r.get("DestinationCidrBlock") == "0.0.0.0/0"
        for k, v in r.items()
    }.items()  # fmt: skip
    assert {a.get("SubnetId") for a in table["Associations"]} >= {ids["SubnetA"], ids["SubnetB"]}
    balancers = deployment.client("elbv2").describe_load_balancers()["LoadBalancers"]
    ours = [b for b in balancers if b["LoadBalancerArn"] in ids.values()]
    assert len(ours) == 2
    for balancer in ours:
        assert {z["SubnetId"] for z in balancer["AvailabilityZones"]} == {
            ids["SubnetA"], ids["SubnetB"],
        }  # fmt: skip
    services = deployment.client("ecs").describe_services(
        cluster=deployment.outputs["ClusterName"], services=["api", "worker"]
    )["services"]
    for service in services:
        network = service["networkConfiguration"]["awsvpcConfiguration"]
        assert sorted(network["subnets"]) == sorted([ids["SubnetA"], ids["SubnetB"]])


def test_the_outputs_give_the_api_url_of_the_public_load_balancer(
    deployment: Deployment,
) -> None:
    balancers = deployment.client("elbv2").describe_load_balancers(
        LoadBalancerArns=[deployment.outputs["LoadBalancerArn"]]
    )["LoadBalancers"]
    (public,) = balancers
    assert public["Scheme"] == "internet-facing"
    assert deployment.outputs["ApiUrl"] == f"http://{public['DNSName']}"


def test_the_table_and_the_queue_are_read_back(deployment: Deployment) -> None:
    table = deployment.client("dynamodb").describe_table(
        TableName=deployment.outputs["JobsTableName"]
    )["Table"]
    assert table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}]
    sqs = deployment.client("sqs")
    attributes = sqs.get_queue_attributes(
        QueueUrl=deployment.outputs["JobsQueueUrl"], AttributeNames=["All"]
    )["Attributes"]
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"].endswith(f":{deployment.stack}-jobs-dlq")
    assert int(redrive["maxReceiveCount"]) == MAX_RECEIVE_COUNT
    dead_letter = sqs.get_queue_url(QueueName=f"{deployment.stack}-jobs-dlq")
    assert dead_letter["QueueUrl"]


def test_the_webhooks_queue_is_read_back_with_its_dead_letter_queue(
    deployment: Deployment,
) -> None:
    sqs = deployment.client("sqs")
    url = deployment.outputs["WebhooksQueueUrl"]
    assert url.endswith(f"/{deployment.stack}-webhooks")
    assert deployment.outputs["WebhooksQueueName"] == f"{deployment.stack}-webhooks"
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"].endswith(f":{deployment.stack}-webhooks-dlq")
    assert int(redrive["maxReceiveCount"]) == MAX_RECEIVE_COUNT
    assert int(attributes["VisibilityTimeout"]) == QUEUE_VISIBILITY_TIMEOUT_SECONDS
    assert int(attributes["MessageRetentionPeriod"]) == WEBHOOKS_RETENTION_SECONDS
    assert "WebhookSecretParameterName" not in deployment.outputs  # webhooks off by default


def test_both_task_definitions_take_the_token_from_ssm(deployment: Deployment) -> None:
    ecs = deployment.client("ecs")
    token = deployment.outputs["InternalTokenParameterName"]
    commands = {}
    for family in ("api", "worker"):
        definition = ecs.describe_task_definition(taskDefinition=f"{deployment.stack}-{family}")
        only = service_container(definition)
        env = {e["name"]: e["value"] for e in only["environment"]}
        assert env["INTERNAL_TOKEN_PARAMETER"] == token
        assert "INTERNAL_TOKEN" not in env
        assert env["WEBHOOKS_QUEUE"] == deployment.outputs["WebhooksQueueUrl"]
        assert "WEBHOOK_SECRET_PARAMETER" not in env  # no WebhookSecretParameter: off
        assert only["image"] == IMAGE
        commands[family] = only["command"]
    assert commands == {
        "api": ["serve", "--host", "0.0.0.0", "--port", "8000", "--internal-port", "8001"],
        "worker": ["worker"],
    }
    worker = ecs.describe_task_definition(taskDefinition=f"{deployment.stack}-worker")
    container = service_container(worker)
    orchestrator = {e["name"]: e["value"] for e in container["environment"]}["ORCHESTRATOR_URL"]
    internal = [
        b
        for b in deployment.client("elbv2").describe_load_balancers()["LoadBalancers"]
        if b["Scheme"] == "internal" and b["DNSName"] in orchestrator
    ]
    assert len(internal) == 1, orchestrator


def test_both_services_run_on_fargate_with_a_rolling_back_circuit_breaker(
    deployment: Deployment,
) -> None:
    services = deployment.client("ecs").describe_services(
        cluster=deployment.outputs["ClusterName"], services=["api", "worker"]
    )["services"]
    by_name = {s["serviceName"]: s for s in services}
    assert by_name["api"]["desiredCount"] >= 2
    for service in by_name.values():
        assert service["launchType"] == "FARGATE"
        breaker = service["deploymentConfiguration"]["deploymentCircuitBreaker"]
        assert breaker == {"enable": True, "rollback": True}
    # The public target group reaches the public port; only the internal one the callbacks'.
    ids = _physical_ids(deployment)
    ports = {
        attached["targetGroupArn"]: attached["containerPort"]
        for attached in by_name["api"]["loadBalancers"]
    }
    assert ports == {ids["PublicTargetGroup"]: 8000, ids["InternalTargetGroup"]: 8001}
    configuration = by_name["api"]["deploymentConfiguration"]
    assert configuration["alarms"] == {
        "alarmNames": [f"{deployment.stack}-api-5xx", f"{deployment.stack}-alb-5xx"],
        "enable": True,
        "rollback": True,
    }
    assert by_name["worker"]["deploymentConfiguration"]["alarms"]["alarmNames"] == [
        f"{deployment.stack}-failed-jobs"
    ]


def _rules_by_scheme(deployment: Deployment) -> dict[str, list[dict[str, Any]]]:
    elbv2 = deployment.client("elbv2")
    prefix = deployment.stack
    rules: dict[str, list[dict[str, Any]]] = {}
    for balancer in elbv2.describe_load_balancers()["LoadBalancers"]:
        if not balancer["LoadBalancerName"].startswith(prefix):
            continue
        for listener in elbv2.describe_listeners(LoadBalancerArn=balancer["LoadBalancerArn"])[
            "Listeners"
        ]:
            found = elbv2.describe_rules(ListenerArn=listener["ListenerArn"])["Rules"]
            rules.setdefault(balancer["Scheme"], []).extend(found)
    return rules


def test_the_public_listener_refuses_internal_paths_and_the_internal_one_forwards_them(
    deployment: Deployment,
) -> None:
    rules = _rules_by_scheme(deployment)
    internal_path = {"Field": "path-pattern", "Values": ["/internal/*"]}

    def on_internal_path(rule: dict[str, Any]) -> bool:
        return any(
            {k: c.get(k) for k in internal_path} == internal_path for c in rule["Conditions"]
        )

    (public_rule,) = [r for r in rules["internet-facing"] if on_internal_path(r)]
    (action,) = public_rule["Actions"]
    assert action["Type"] == "fixed-response"
    assert action["FixedResponseConfig"]["StatusCode"] == "403"
    (internal_rule,) = [r for r in rules["internal"] if on_internal_path(r)]
    assert internal_rule["Actions"][0]["Type"] == "forward"
    (internal_default,) = [r for r in rules["internal"] if r["IsDefault"]]
    assert internal_default["Actions"][0]["Type"] == "fixed-response"


def test_the_target_groups_check_healthz_and_drain_for_the_delay(
    deployment: Deployment,
) -> None:
    elbv2 = deployment.client("elbv2")
    groups = [
        g
        for g in elbv2.describe_target_groups()["TargetGroups"]
        if g["TargetGroupName"].startswith(deployment.stack)
    ]
    assert sorted(g["Port"] for g in groups) == [8000, 8001]
    for group in groups:
        assert group["HealthCheckPath"] == "/healthz"
        attributes = elbv2.describe_target_group_attributes(TargetGroupArn=group["TargetGroupArn"])
        delays = {a["Key"]: a["Value"] for a in attributes["Attributes"]}
        assert delays["deregistration_delay.timeout_seconds"] == "30"


def test_the_web_acl_limits_requests_per_ip(deployment: Deployment) -> None:
    wafv2 = deployment.client("wafv2")
    (summary,) = [
        acl
        for acl in wafv2.list_web_acls(Scope="REGIONAL")["WebACLs"]
        if acl["Name"] == f"{deployment.stack}-edge"
    ]
    assert summary["ARN"] == deployment.outputs["WebAclArn"]
    acl = wafv2.get_web_acl(Name=summary["Name"], Scope="REGIONAL", Id=summary["Id"])["WebACL"]
    (rate,) = [r for r in acl["Rules"] if "RateBasedStatement" in r["Statement"]]
    statement = rate["Statement"]["RateBasedStatement"]
    assert (int(statement["Limit"]), statement["AggregateKeyType"]) == (1000, "IP")
    assert rate["Action"] == {"Block": {}}


def test_the_dashboard_is_the_one_provision_writes_and_the_alarms_exist(
    deployment: Deployment,
) -> None:
    cloudwatch = deployment.client("cloudwatch")
    dashboard = cloudwatch.get_dashboard(DashboardName=deployment.outputs["DashboardName"])
    assert json.loads(dashboard["DashboardBody"]) == dashboard_body("SceneGen", REGION)
    alarms = cloudwatch.describe_alarms(AlarmNamePrefix=f"{deployment.stack}-")["MetricAlarms"]
    assert sorted(a["AlarmName"].removeprefix(f"{deployment.stack}-") for a in alarms) == [
        "alb-5xx",
        "api-5xx",
        "dlq-not-empty",
        "failed-jobs",
        "queue-age",
        "webhooks-dlq-not-empty",
    ]
    # Every alarm notifies the stack's own topic (no AlarmTopicArn given).
    topic = deployment.outputs["AlarmTopicArn"]
    assert topic.endswith(f":{deployment.stack}-alarms")
    assert all(a["AlarmActions"] == [topic] for a in alarms), alarms
    deployment.client("sns").get_topic_attributes(TopicArn=topic)


def test_the_service_runs_on_what_the_stack_built_with_the_task_definitions_environment(
    deployment: Deployment, tmp_path: Path
) -> None:
    # MiniStack starts no containers, so the two commands run here as processes, each with
    # the environment its task definition gives it (the worker reports to the local API
    # instead of the internal ALB); `scenegen smoke` must then pass on the stack's table,
    # bucket, queue and token.
    ecs = deployment.client("ecs")

    def task_environment(family: str) -> dict[str, str]:
        definition = ecs.describe_task_definition(taskDefinition=f"{deployment.stack}-{family}")
        only = service_container(definition)
        return {e["name"]: e["value"] for e in only["environment"]}

    # The API serves the callbacks on its internal port only, as its task's command says.
    api_env, worker_env = task_environment("api"), task_environment("worker")
    worker_env.pop("ORCHESTRATOR_URL")
    worker_env.pop("WORKER_HEARTBEAT_FILE")
    api_env.pop("OTEL_EXPORTER_OTLP_ENDPOINT")  # the collector beside it in the task
    worker_env.pop("OTEL_EXPORTER_OTLP_ENDPOINT")
    resources = Resources(
        endpoint=deployment.endpoint,
        table=api_env["JOBS_TABLE"],
        bucket=api_env["ARTIFACTS_BUCKET"],
        queue=api_env["JOBS_QUEUE"],
        token_parameter=api_env["INTERNAL_TOKEN_PARAMETER"],
    )
    outputs = deployment.outputs
    # No AUTH_MODE in the tasks: the API wants keys, persistent mode's default. The pipeline's
    # smoke check makes a key in the stack's keys table for itself and revokes it after.
    assert "AUTH_MODE" not in api_env and "AUTH_MODE" not in worker_env
    with PersistentStack(resources, tmp_path) as stack:
        api, internal_url = stack.start_api_with_internal_port(**api_env)
        stack.start_worker(internal_url, **worker_env)
        keyless = subprocess.run(
            [SCENEGEN, "smoke", "--base-url", api.url, "--timeout", "30"],
            env=outer_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert keyless.returncode == 9, keyless.stdout + keyless.stderr
        result = subprocess.run(
            [SCENEGEN, "smoke", "--base-url", api.url, "--timeout", "30", "--create-key"],
            env={**outer_env(), **resources.env(), "JOBS_TABLE": outputs["JobsTableName"]},
            capture_output=True,
            text=True,
            timeout=90,
        )
        assert result.returncode == 0, result.stdout + result.stderr + stack.logs()
        assert "smoke: revoked key key_" in result.stdout, result.stdout


def test_a_second_deploy_changes_nothing_and_keeps_the_token(deployment: Deployment) -> None:
    ssm = deployment.client("ssm")
    token = deployment.outputs["InternalTokenParameterName"]
    before = ssm.get_parameter(Name=token, WithDecryption=True)["Parameter"]["Value"]
    cloudformation = deployment.client("cloudformation")
    stack_before = cloudformation.describe_stacks(StackName=deployment.stack)["Stacks"][0]
    result = run_deploy(
        deployment.endpoint, "--stack", deployment.stack, "--image", IMAGE, "--main-only"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"found parameter {token} (value kept)" in result.stdout
    assert f"stack {deployment.stack}: no changes" in result.stdout
    assert "UPDATE_IN_PROGRESS" not in result.stdout
    assert outputs_of(result) == deployment.outputs
    after = ssm.get_parameter(Name=token, WithDecryption=True)["Parameter"]["Value"]
    assert after == before
    stack_after = cloudformation.describe_stacks(StackName=deployment.stack)["Stacks"][0]
    assert stack_after.get("LastUpdatedTime") == stack_before.get("LastUpdatedTime")


def test_delete_asks_and_without_a_terminal_or_yes_deletes_nothing(
    deployment: Deployment,
) -> None:
    result = run_deploy(deployment.endpoint, "--stack", deployment.stack, "--delete")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "add --yes" in result.stderr
    described = deployment.client("cloudformation").describe_stacks(StackName=deployment.stack)
    assert described["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"


def test_the_table_is_protected_from_deletion_and_kept_by_the_stack(
    deployment: Deployment,
) -> None:
    for output in ("JobsTableName", "KeysTableName"):
        table = deployment.client("dynamodb").describe_table(TableName=deployment.outputs[output])[
            "Table"
        ]
        assert table["DeletionProtectionEnabled"] is True
    template = deployment.client("cloudformation").get_template(StackName=deployment.stack)
    body = template["TemplateBody"]
    assert body.count("DeletionPolicy: RetainExceptOnCreate") == 3  # two tables, the bucket


def test_delete_removes_the_stack_its_resources_and_the_token(deployment: Deployment) -> None:
    result = run_deploy(deployment.endpoint, "--stack", deployment.stack, "--delete", "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"stack {deployment.stack}: DELETE_COMPLETE" in result.stdout
    with pytest.raises(ClientError, match="does not exist"):
        deployment.client("cloudformation").describe_stacks(StackName=deployment.stack)
    for output in ("JobsTableName", "KeysTableName"):
        with pytest.raises(ClientError, match="ResourceNotFound"):
            deployment.client("dynamodb").describe_table(TableName=deployment.outputs[output])
    with pytest.raises(ClientError, match=r"NoSuchBucket|Not Found|404"):
        deployment.client("s3").head_bucket(Bucket=deployment.outputs["ArtifactsBucketName"])
    with pytest.raises(ClientError, match="ParameterNotFound"):
        deployment.client("ssm").get_parameter(
            Name=deployment.outputs["InternalTokenParameterName"]
        )


def test_a_restore_deploys_the_saved_template_and_parameters_again(
    aws_endpoint: str, tmp_path: Path
) -> None:
    # What the pipeline's rollback does: save before the deploy, restore after a failure;
    # the image and the template both go back (here: a new image and another alarm threshold).
    stack = f"sg-e2e-back-{uuid.uuid4().hex[:8]}"
    state = tmp_path / "previous-state"
    nothing = run_deploy(aws_endpoint, "--stack", stack, "--save-state", str(state))
    assert nothing.returncode == 0, nothing.stdout + nothing.stderr
    assert "saved: Image=\n" in nothing.stdout  # no stack yet: nothing to go back to
    try:
        created = run_deploy(aws_endpoint, "--stack", stack, "--image", IMAGE, "--main-only")
        assert created.returncode == 0, created.stdout + created.stderr
        saved = run_deploy(aws_endpoint, "--stack", stack, "--save-state", str(state))
        assert f"saved: Image={IMAGE}" in saved.stdout
        probe = Deployment(aws_endpoint, stack, {}, "")
        cloudformation = probe.client("cloudformation")
        before = cloudformation.get_template(StackName=stack)["TemplateBody"]
        newer = run_deploy(
            aws_endpoint,
            *("--stack", stack, "--image", f"{IMAGE}-next", "--main-only"),
            *("--parameter", "FailedJobsThreshold=9"),
        )
        assert newer.returncode == 0, newer.stdout + newer.stderr
        restored = run_deploy(aws_endpoint, "--stack", stack, "--restore-state", str(state))
        assert restored.returncode == 0, restored.stdout + restored.stderr
        described = cloudformation.describe_stacks(StackName=stack)["Stacks"][0]
        parameters = {p["ParameterKey"]: p["ParameterValue"] for p in described["Parameters"]}
        assert (parameters["Image"], parameters["FailedJobsThreshold"]) == (IMAGE, "5")
        assert cloudformation.get_template(StackName=stack)["TemplateBody"] == before
        alarm = probe.client("cloudwatch").describe_alarms(AlarmNames=[f"{stack}-failed-jobs"])
        assert alarm["MetricAlarms"][0]["Threshold"] == 5
    finally:
        run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes")


def test_delete_with_keep_data_leaves_the_table_and_the_bucket(aws_endpoint: str) -> None:
    stack = f"sg-e2e-keep-{uuid.uuid4().hex[:8]}"
    created = run_deploy(aws_endpoint, "--stack", stack, "--image", IMAGE, "--main-only")
    assert created.returncode == 0, created.stdout + created.stderr
    outputs = outputs_of(created)
    probe = Deployment(aws_endpoint, stack, outputs, "")
    result = run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes", "--keep-data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"kept table {outputs['JobsTableName']} and bucket" in result.stdout
    dynamodb, s3 = probe.client("dynamodb"), probe.client("s3")
    table = dynamodb.describe_table(TableName=outputs["JobsTableName"])["Table"]
    assert table["DeletionProtectionEnabled"] is True
    s3.head_bucket(Bucket=outputs["ArtifactsBucketName"])
    dynamodb.update_table(TableName=outputs["JobsTableName"], DeletionProtectionEnabled=False)
    dynamodb.delete_table(TableName=outputs["JobsTableName"])
    s3.delete_bucket(Bucket=outputs["ArtifactsBucketName"])


def test_a_failed_deploy_exits_1_with_one_line_naming_the_failed_resource(
    aws_endpoint: str,
) -> None:
    # An empty namespace is refused by PutMetricAlarm (on AWS as on the emulator).
    stack = f"sg-e2e-fail-{uuid.uuid4().hex[:8]}"
    try:
        result = run_deploy(
            aws_endpoint,
            "--stack",
            stack,
            "--image",
            IMAGE,
            "--main-only",
            "--parameter",
            "MetricsNamespace=",
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith(
            f"scenegen deploy: failed: stack {stack} ROLLBACK_COMPLETE: "
        )
        assert "FailedJobsAlarm (AWS::CloudWatch::Alarm) CREATE_FAILED: " in result.stderr
    finally:
        run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes")


def test_an_incomplete_existing_network_is_refused_before_anything_is_made(
    aws_endpoint: str,
) -> None:
    stack = f"sg-e2e-rule-{uuid.uuid4().hex[:8]}"
    result = run_deploy(
        aws_endpoint,
        *("--stack", stack, "--image", IMAGE, "--main-only"),
        *("--parameter", "VpcId=vpc-0123456789abcdef0"),
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "rule CreatedNetworkTakesNoVpc failed: VpcId needs PublicSubnetIds" in result.stderr
    client = Deployment(aws_endpoint, stack, {}, "").client("ssm")
    with pytest.raises(ClientError, match="ParameterNotFound"):
        client.get_parameter(Name=f"/scenegen/{stack}/internal-token")
    run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes")  # the REVIEW_IN_PROGRESS shell


@pytest.mark.parametrize(
    ("parameters", "rule"),
    [
        (["TaskCpu=512"], "FargateMemoryFor512Cpu"),
        (
            ["CertificateArn=arn:aws:acm:us-east-1:123456789012:certificate/x"],
            "CertificateNeedsHostName",
        ),
    ],
    ids=["cpu-without-memory", "certificate-without-host-name"],
)
def test_parameters_a_real_account_would_fail_on_are_refused_before_anything_is_made(
    aws_endpoint: str, parameters: list[str], rule: str
) -> None:
    stack = f"sg-e2e-rule-{uuid.uuid4().hex[:8]}"
    given = [arg for p in parameters for arg in ("--parameter", p)]
    result = run_deploy(aws_endpoint, "--stack", stack, "--image", IMAGE, "--main-only", *given)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"rule {rule} failed" in result.stderr
    run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes")  # the REVIEW_IN_PROGRESS shell


def test_with_a_certificate_http_redirects_and_https_refuses_internal_paths(
    aws_endpoint: str,
) -> None:
    stack = f"sg-e2e-tls-{uuid.uuid4().hex[:8]}"
    certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0c7f6e2a-example"
    try:
        result = run_deploy(
            aws_endpoint,
            *("--stack", stack, "--image", IMAGE, "--main-only"),
            *("--parameter", f"CertificateArn={certificate}"),
            *("--parameter", "PublicHostName=api.example.com"),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        outputs = outputs_of(result)
        assert outputs["ApiUrl"] == "https://api.example.com"
        deployment = Deployment(aws_endpoint, stack, outputs, result.stdout)
        elbv2 = deployment.client("elbv2")
        listeners = {
            listener["Port"]: listener
            for listener in elbv2.describe_listeners(LoadBalancerArn=outputs["LoadBalancerArn"])[
                "Listeners"
            ]
        }
        assert sorted(listeners) == [80, 443]
        (redirect,) = listeners[80]["DefaultActions"]
        assert redirect["Type"] == "redirect"
        assert redirect["RedirectConfig"]["Protocol"] == "HTTPS"
        assert listeners[443]["Certificates"][0]["CertificateArn"] == certificate
        https_rules = elbv2.describe_rules(ListenerArn=listeners[443]["ListenerArn"])["Rules"]
        refusals = [
            rule
            for rule in https_rules
            if rule["Actions"][0]["Type"] == "fixed-response"
            and rule["Actions"][0]["FixedResponseConfig"]["StatusCode"] == "403"
        ]
        assert [r["Conditions"][0]["Values"] for r in refusals] == [["/internal/*"]]
    finally:
        run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes")


def test_with_a_webhook_secret_parameter_the_stack_delivers_signed_webhooks(
    aws_endpoint: str, tmp_path: Path
) -> None:
    # The operator makes the parameter; the stack gives its name to both services and the
    # worker (only) the right to read it. The two commands then run here with their task
    # definitions' environment: the worker signs with the secret from SSM and delivers through
    # the stack's webhooks queue to a receiver on loopback (allowed for this test only).
    stack = f"sg-e2e-hook-{uuid.uuid4().hex[:8]}"
    parameter = f"/scenegen/{stack}/webhook-secret"
    secret = generate_webhook_secret()
    probe = Deployment(aws_endpoint, stack, {}, "")
    probe.client("ssm").put_parameter(Name=parameter, Value=secret, Type="SecureString")
    receiver = WebhookReceiver([secret])
    try:
        result = run_deploy(
            aws_endpoint,
            *("--stack", stack, "--image", IMAGE, "--main-only"),
            *("--parameter", f"WebhookSecretParameter={parameter}"),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        outputs = outputs_of(result)
        assert outputs["WebhookSecretParameterName"] == parameter
        deployment = Deployment(aws_endpoint, stack, outputs, result.stdout)
        ecs = deployment.client("ecs")

        def task_environment(family: str) -> dict[str, str]:
            described = ecs.describe_task_definition(taskDefinition=f"{stack}-{family}")
            only = service_container(described)
            return {e["name"]: e["value"] for e in only["environment"]}

        api_env, worker_env = task_environment("api"), task_environment("worker")
        for env in (api_env, worker_env):
            assert env["WEBHOOK_SECRET_PARAMETER"] == parameter
            assert env["WEBHOOKS_QUEUE"] == outputs["WebhooksQueueUrl"]
        resources = {
            r["LogicalResourceId"]: r
            for r in deployment.client("cloudformation").describe_stack_resources(StackName=stack)[
                "StackResources"
            ]
        }
        for policy in ("ApiWebhooksPolicy", "WorkerWebhooksPolicy"):
            assert resources[policy]["ResourceStatus"] == "CREATE_COMPLETE"

        worker_env.pop("ORCHESTRATOR_URL")
        worker_env.pop("WORKER_HEARTBEAT_FILE")
        for env in (api_env, worker_env):
            env.pop("OTEL_EXPORTER_OTLP_ENDPOINT")
        stack_resources = Resources(
            endpoint=aws_endpoint,
            table=api_env["JOBS_TABLE"],
            bucket=api_env["ARTIFACTS_BUCKET"],
            queue=api_env["JOBS_QUEUE"],
            token_parameter=api_env["INTERNAL_TOKEN_PARAMETER"],
        )
        key_id, key = create_key(stack_resources, tmp_path, "e2e")
        stack_resources = dataclasses.replace(stack_resources, api_key=key, api_key_id=key_id)
        loopback = webhook_env()
        with PersistentStack(stack_resources, tmp_path, env=loopback) as processes:
            api = processes.start_api(**api_env)
            processes.start_worker(api.url, **worker_env)
            job_id = submit(api.url, {"prompt": "a lighthouse", "webhook": receiver.url()})
            wait_for_job(api.url, job_id, lambda job: bool(job["webhook"]["deliveredAt"]))
            wait_for_requests(receiver, 1)
            (delivery,) = receiver.requests
            assert delivery.verified_with == (0,), processes.logs()
            assert json.loads(delivery.body)["type"] == "job.done"
            assert json.loads(delivery.body)["data"]["id"] == job_id
    finally:
        receiver.close()
        run_deploy(aws_endpoint, "--stack", stack, "--delete", "--yes")
        with suppress(ClientError):
            Deployment(aws_endpoint, stack, {}, "").client("ssm").delete_parameter(Name=parameter)
