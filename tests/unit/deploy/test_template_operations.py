"""What operates the deployment: alarms that reach someone, rollbacks they trigger, scaling on
the backlog, the worker's health check, traces to X-Ray, and data that outlives the stack."""

import json
import re
from typing import Any

import pytest

from interfaces.cli.worker_health_command import HEARTBEAT_FILE_VARIABLE
from tests.unit.deploy.cloudformation_yaml import (
    AWS_ONLY_TEMPLATE,
    ECR_TEMPLATE,
    MAIN_TEMPLATE,
    load,
)
from tests.unit.deploy.template_evaluation import (
    active_resources,
    decide_ifs,
    decided_conditions,
    references,
)

YOUR_TOPIC = "arn:aws:sns:us-east-1:123456789012:ops"


@pytest.fixture(scope="module")
def main() -> dict[str, Any]:
    return load(MAIN_TEMPLATE)


@pytest.fixture(scope="module")
def aws_only() -> dict[str, Any]:
    return load(AWS_ONLY_TEMPLATE)


def alarms(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: resource
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::CloudWatch::Alarm"
    }


def containers(main: dict[str, Any], task: str, given: dict[str, str] | None = None) -> Any:
    conditions = decided_conditions(main, given)
    return decide_ifs(main["Resources"][task]["Properties"]["ContainerDefinitions"], conditions)


def test_every_main_alarm_notifies_the_stack_topic_or_yours(main: dict[str, Any]) -> None:
    own, yours = decided_conditions(main), decided_conditions(main, {"AlarmTopicArn": YOUR_TOPIC})
    assert "AlarmTopic" in active_resources(main, own)
    assert "AlarmTopic" not in active_resources(main, yours)
    for name, alarm in alarms(main).items():
        actions = alarm["Properties"]["AlarmActions"]
        assert decide_ifs(actions, own) == [{"Ref": "AlarmTopic"}], name
        assert decide_ifs(actions, yours) == [{"Ref": "AlarmTopicArn"}], name
    output = main["Outputs"]["AlarmTopicArn"]["Value"]
    assert decide_ifs(output, own) == {"Ref": "AlarmTopic"}


def test_an_alarm_email_subscribes_to_the_stack_topic(main: dict[str, Any]) -> None:
    given = {"AlarmEmail": "ops@example.com"}
    conditions = decided_conditions(main, given)
    assert "AlarmEmailSubscription" in active_resources(main, conditions)
    subscription = main["Resources"]["AlarmEmailSubscription"]["Properties"]
    assert subscription == {
        "TopicArn": {"Ref": "AlarmTopic"},
        "Protocol": "email",
        "Endpoint": {"Ref": "AlarmEmail"},
    }
    policy = main["Resources"]["AlarmTopicPolicy"]["Properties"]["PolicyDocument"]
    (statement,) = policy["Statement"]
    assert statement["Principal"] == {"Service": "cloudwatch.amazonaws.com"}


def test_every_aws_only_notifying_alarm_uses_the_main_stack_topic(
    main: dict[str, Any], aws_only: dict[str, Any]
) -> None:
    assert "Default" not in aws_only["Parameters"]["AlarmTopicArn"]
    assert "AlarmTopicArn" in main["Outputs"]  # `scenegen deploy` passes it on
    scaling = {"JobsWaitingWithNoWorkerAlarm"}
    for name, alarm in alarms(aws_only).items():
        if name not in scaling:
            assert alarm["Properties"]["AlarmActions"] == [{"Ref": "AlarmTopicArn"}], name


def test_the_alarms_a_review_asks_for_exist(main: dict[str, Any], aws_only: dict[str, Any]) -> None:
    def watched(alarm: dict[str, Any]) -> set[str]:
        properties = alarm["Properties"]
        names = {properties.get("MetricName")}
        for query in properties.get("Metrics", []):
            if "MetricStat" in query:
                names.add(query["MetricStat"]["Metric"]["MetricName"])
        return names - {None}

    main_alarms, aws_alarms = alarms(main), alarms(aws_only)
    assert watched(main_alarms["QueueAgeAlarm"]) == {"ApproximateAgeOfOldestMessage"}
    assert main_alarms["QueueAgeAlarm"]["Properties"]["Threshold"] == {
        "Ref": "QueueAgeAlarmSeconds"
    }
    assert watched(main_alarms["DeadLetterQueueNotEmptyAlarm"]) == {
        "ApproximateNumberOfMessagesVisible"
    }
    for service in ("Api", "Worker"):
        below = aws_alarms[f"{service}TasksBelowDesiredAlarm"]["Properties"]
        assert watched(aws_alarms[f"{service}TasksBelowDesiredAlarm"]) == {
            "DesiredTaskCount",
            "RunningTaskCount",
        }
        (expression,) = [q["Expression"] for q in below["Metrics"] if "Expression" in q]
        assert expression == "desired - running"
    assert watched(aws_alarms["Api5xxRateAlarm"]) == {"HTTPCode_Target_5XX_Count", "RequestCount"}


def test_the_5xx_rate_uses_the_documented_division_guard(aws_only: dict[str, Any]) -> None:
    metrics = aws_only["Resources"]["Api5xxRateAlarm"]["Properties"]["Metrics"]
    (expression,) = [q["Expression"] for q in metrics if "Expression" in q]
    assert expression == "IF(requests > 0, 100 * errors / requests, 0)"
    assert "MAX(" not in AWS_ONLY_TEMPLATE.read_text()


def test_deployments_roll_back_on_their_alarms(main: dict[str, Any]) -> None:
    expected = {
        "ApiService": ["ApiTarget5xxAlarm", "LoadBalancer5xxAlarm"],
        "WorkerService": ["FailedJobsAlarm"],
    }
    for service, names in expected.items():
        configuration = main["Resources"][service]["Properties"]["DeploymentConfiguration"]
        alarm_config = configuration["Alarms"]
        assert (alarm_config["Enable"], alarm_config["Rollback"]) == (True, True)
        assert alarm_config["AlarmNames"] == [{"Ref": name} for name in names]
        for name in names:  # a Ref to an alarm is its name, which ECS takes
            assert main["Resources"][name]["Type"] == "AWS::CloudWatch::Alarm"
            assert "Metrics" not in main["Resources"][name]["Properties"]


def test_workers_scale_on_the_backlog_per_running_worker(aws_only: dict[str, Any]) -> None:
    policy = aws_only["Resources"]["WorkerBacklogTracking"]["Properties"]
    assert policy["PolicyType"] == "TargetTrackingScaling"
    configuration = policy["TargetTrackingScalingPolicyConfiguration"]
    assert configuration["TargetValue"] == {"Ref": "BacklogPerWorker"}
    queries = {q["Id"]: q for q in configuration["CustomizedMetricSpecification"]["Metrics"]}
    assert queries["backlog"]["Expression"] == "visible / running"
    assert queries["backlog"]["ReturnData"] is True
    visible = queries["visible"]["MetricStat"]["Metric"]
    running = queries["running"]["MetricStat"]["Metric"]
    assert (visible["MetricName"], visible["Dimensions"]) == (
        "ApproximateNumberOfMessagesVisible",
        [{"Name": "QueueName", "Value": {"Ref": "JobsQueueName"}}],
    )
    assert (running["Namespace"], running["MetricName"]) == (
        "ECS/ContainerInsights",
        "RunningTaskCount",
    )
    kinds = {r["Properties"].get("PolicyType") for r in aws_only["Resources"].values()}
    assert "StepScaling" in kinds  # only the scale-from-zero step remains


def test_with_zero_workers_allowed_the_first_waiting_job_starts_one(
    aws_only: dict[str, Any],
) -> None:
    zero, one = decided_conditions(aws_only, {"WorkerMinCount": "0"}), decided_conditions(aws_only)
    from_zero = {"WorkerScaleFromZero", "JobsWaitingWithNoWorkerAlarm"}
    assert from_zero <= active_resources(aws_only, zero)
    assert not from_zero & active_resources(aws_only, one)
    alarm = aws_only["Resources"]["JobsWaitingWithNoWorkerAlarm"]["Properties"]
    assert alarm["AlarmActions"] == [{"Ref": "WorkerScaleFromZero"}]
    (expression,) = [q["Expression"] for q in alarm["Metrics"] if "Expression" in q]
    assert expression == "IF(visible > 0 AND FILL(running, 0) == 0, 1, 0)"
    (step,) = aws_only["Resources"]["WorkerScaleFromZero"]["Properties"][
        "StepScalingPolicyConfiguration"
    ]["StepAdjustments"]
    assert step == {"MetricIntervalLowerBound": 0, "ScalingAdjustment": 1}


def test_the_worker_container_is_healthy_only_while_it_beats(main: dict[str, Any]) -> None:
    worker = containers(main, "WorkerTaskDefinition")[0]
    assert worker["HealthCheck"]["Command"] == ["CMD", "scenegen", "worker-health"]
    env = {e["Name"]: e["Value"] for e in worker["Environment"]}
    heartbeat = env[HEARTBEAT_FILE_VARIABLE]
    (mount,) = worker["MountPoints"]
    assert heartbeat.startswith(mount["ContainerPath"] + "/")  # writable: the root is read-only
    volumes = main["Resources"]["WorkerTaskDefinition"]["Properties"]["Volumes"]
    assert {"Name": mount["SourceVolume"]} in volumes
    assert worker["ReadonlyRootFilesystem"] is True
    # ECS makes the volume with the image's owner of that directory: the service's own user.
    dockerfile = (MAIN_TEMPLATE.parents[3] / "Dockerfile").read_text()
    assert f'VOLUME ["{mount["ContainerPath"]}"]' in dockerfile
    assert f"chown 10001 {mount['ContainerPath']}" in dockerfile
    assert "USER 10001" in dockerfile


def test_both_tasks_send_traces_to_xray_through_an_adot_collector_by_default(
    main: dict[str, Any],
) -> None:
    assert main["Parameters"]["Tracing"]["Default"] == "Enabled"
    image = main["Parameters"]["CollectorImage"]["Default"]
    assert re.fullmatch(
        r"public\.ecr\.aws/aws-observability/aws-otel-collector:v\d+\.\d+\.\d+", image
    )
    for task, role in (
        ("ApiTaskDefinition", "ApiTaskRole"),
        ("WorkerTaskDefinition", "WorkerTaskRole"),
    ):
        own, collector = containers(main, task)
        assert collector["Name"] == "otel-collector"
        assert collector["Command"] == ["--config=/etc/ecs/ecs-xray.yaml"]
        assert collector["Essential"] is False  # a collector failure never stops the service
        assert own["DependsOn"] == [{"ContainerName": "otel-collector", "Condition": "START"}]
        env = {e["Name"]: e["Value"] for e in own["Environment"]}
        assert env["OTEL_EXPORTER_OTLP_ENDPOINT"] == "http://127.0.0.1:4318"  # OTLP/HTTP
        assert main["Resources"][task]["Properties"]["TaskRoleArn"] == {"Fn::GetAtt": [role, "Arn"]}
        (untraced,) = containers(main, task, {"Tracing": "Disabled"})
        assert "OTEL_EXPORTER_OTLP_ENDPOINT" not in {e["Name"] for e in untraced["Environment"]}


def test_the_table_and_the_bucket_outlive_a_stack_deletion_but_not_a_failed_create(
    main: dict[str, Any],
) -> None:
    for name in ("JobsTable", "KeysTable", "ArtifactsBucket"):
        resource = main["Resources"][name]
        assert resource["DeletionPolicy"] == "RetainExceptOnCreate"
        assert resource["UpdateReplacePolicy"] == "Retain"
    assert main["Resources"]["JobsTable"]["Properties"]["DeletionProtectionEnabled"] is True
    assert main["Resources"]["KeysTable"]["Properties"]["DeletionProtectionEnabled"] is True


def test_the_api_task_serves_the_internal_port_the_internal_target_group_uses(
    main: dict[str, Any],
) -> None:
    api = containers(main, "ApiTaskDefinition")[0]
    command = api["Command"]
    public = int(command[command.index("--port") + 1])
    internal = int(command[command.index("--internal-port") + 1])
    assert [m["ContainerPort"] for m in api["PortMappings"]] == [public, internal]
    resources = main["Resources"]
    attached = {
        lb["TargetGroupArn"]["Ref"]: lb["ContainerPort"]
        for lb in resources["ApiService"]["Properties"]["LoadBalancers"]
    }
    assert attached == {"PublicTargetGroup": public, "InternalTargetGroup": internal}
    assert resources["PublicTargetGroup"]["Properties"]["Port"] == public
    assert resources["InternalTargetGroup"]["Properties"]["Port"] == internal
    # Only the internal listener's rule forwards to the internal target group.
    forwarding = {
        name
        for name, r in resources.items()
        if "InternalTargetGroup" in references(r.get("Properties", {}), decided_conditions(main))
        and r["Type"].startswith("AWS::ElasticLoadBalancingV2::Listener")
    }
    assert forwarding == {"ForwardCallbacks"}


def test_the_image_repository_keeps_the_last_images_and_expires_the_rest() -> None:
    repository = load(ECR_TEMPLATE)["Resources"]["Repository"]
    properties = repository["Properties"]
    assert properties["ImageTagMutability"] == "IMMUTABLE"
    assert properties["ImageScanningConfiguration"] == {"ScanOnPush": True}
    assert repository["DeletionPolicy"] == "Retain"
    text = properties["LifecyclePolicy"]["LifecyclePolicyText"]["Fn::Sub"]
    rules = json.loads(text.replace("${ImagesKept}", "30"))["rules"]
    untagged, kept = sorted(rules, key=lambda rule: rule["rulePriority"])
    assert untagged["selection"]["tagStatus"] == "untagged"
    assert kept["selection"] == {
        "tagStatus": "any",
        "countType": "imageCountMoreThan",
        "countNumber": 30,
    }
    assert all(rule["action"] == {"type": "expire"} for rule in rules)
