"""The main template read as CloudFormation would: its conditions and rules decided for given
parameters, and the order its dependencies impose (first create on a fresh account)."""

import itertools
from typing import Any

import pytest

from infrastructure.settings import KEEP_ALIVE_SECONDS
from interfaces.http.prefer import MAX_WAIT_SECONDS
from tests.unit.deploy.cloudformation_yaml import MAIN_TEMPLATE, load
from tests.unit.deploy.template_evaluation import (
    active_resources,
    decide_ifs,
    decided_conditions,
    dependencies,
    failed_rules,
)

EXISTING_NETWORK = {
    "VpcId": "vpc-0123456789abcdef0",
    "PublicSubnetIds": "subnet-0aaaaaaaaaaaaaaa1,subnet-0aaaaaaaaaaaaaaa2",
    "TaskSubnetIds": "subnet-0bbbbbbbbbbbbbbb1,subnet-0bbbbbbbbbbbbbbb2",
}
CREATED_NETWORK = {
    "Vpc",
    "InternetGateway",
    "GatewayAttachment",
    "PublicRouteTable",
    "DefaultRoute",
    "SubnetA",
    "SubnetB",
    "SubnetARoutes",
    "SubnetBRoutes",
}
# Fargate's task sizes (AWS ECS developer guide, "Task CPU and memory") within AllowedValues.
FARGATE_PAIRS = {
    ("256", "512"),
    ("256", "1024"),
    ("256", "2048"),
    ("512", "1024"),
    ("512", "2048"),
    ("512", "3072"),
    ("512", "4096"),
    ("1024", "2048"),
    ("1024", "3072"),
    ("1024", "4096"),
    ("2048", "4096"),
}
# What MiniStack's condition evaluator understands: anything else (Fn::Join among them) it
# reads as a constant, and the emulator then builds another branch than AWS would.
EMULATOR_CONDITION_FUNCTIONS = {
    "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition", "Ref", "Fn::Select",
}  # fmt: skip


@pytest.fixture(scope="module")
def main() -> dict[str, Any]:
    return load(MAIN_TEMPLATE)


def props(template: dict[str, Any], name: str, conditions: dict[str, bool]) -> Any:
    return decide_ifs(template["Resources"][name]["Properties"], conditions)


def functions_in(node: Any) -> set[str]:
    if isinstance(node, list):
        return set().union(*(functions_in(item) for item in node))
    if isinstance(node, dict):
        return set(node) | set().union(*(functions_in(v) for v in node.values()))
    return set()


def test_every_condition_is_decided_for_the_default_parameters(main: dict[str, Any]) -> None:
    assert decided_conditions(main) == {
        "CreateVpc": True,
        "HasCertificate": False,
        "NoCertificate": True,
        "HasHostName": False,
        "HasHostedZone": False,
        "HasAlarmTopic": False,
        "CreateAlarmTopic": True,
        "HasAlarmEmail": False,
        "TracingOn": True,
        "HasWebhookSecret": False,
    }
    assert failed_rules(main) == []


def test_the_conditions_use_only_functions_the_emulator_evaluates(main: dict[str, Any]) -> None:
    used = functions_in(list(main["Conditions"].values()))
    assert used <= EMULATOR_CONDITION_FUNCTIONS, used - EMULATOR_CONDITION_FUNCTIONS


def test_the_evaluator_reads_fn_join_as_aws_does() -> None:
    # The form the template used before: MiniStack ignored the Fn::Join and built no VPC.
    template = {
        "Parameters": {"PublicSubnetIds": {"Type": "CommaDelimitedList", "Default": ""}},
        "Conditions": {
            "CreateVpc": {"Fn::Equals": [{"Fn::Join": ["", {"Ref": "PublicSubnetIds"}]}, ""]}
        },
    }
    assert decided_conditions(template) == {"CreateVpc": True}
    given = {"PublicSubnetIds": EXISTING_NETWORK["PublicSubnetIds"]}
    assert decided_conditions(template, given) == {"CreateVpc": False}


def test_by_default_the_stack_creates_a_vpc_and_places_everything_in_it(
    main: dict[str, Any],
) -> None:
    conditions = decided_conditions(main)
    assert active_resources(main, conditions) >= CREATED_NETWORK
    subnets = [{"Ref": "SubnetA"}, {"Ref": "SubnetB"}]
    for balancer in ("PublicLoadBalancer", "InternalLoadBalancer"):
        assert props(main, balancer, conditions)["Subnets"] == subnets
    for service in ("ApiService", "WorkerService"):
        network = props(main, service, conditions)["NetworkConfiguration"]
        assert network["AwsvpcConfiguration"]["Subnets"] == subnets
    for group in ("PublicAlbSecurityGroup", "ApiSecurityGroup", "PublicTargetGroup"):
        assert props(main, group, conditions)["VpcId"] == {"Ref": "Vpc"}


def test_the_public_alb_is_created_only_after_the_gateway_is_attached(
    main: dict[str, Any],
) -> None:
    conditions = decided_conditions(main)
    assert "GatewayAttachment" in dependencies(main, "PublicLoadBalancer", conditions)


def test_the_services_start_only_once_their_subnets_route_to_the_internet(
    main: dict[str, Any],
) -> None:
    # Tasks with public IPs pull their image through the gateway: the default route and both
    # subnets' association with its table must exist before the first task starts.
    conditions = decided_conditions(main)
    needed = {"GatewayAttachment", "DefaultRoute", "SubnetARoutes", "SubnetBRoutes"}
    for service in ("ApiService", "WorkerService"):
        assert needed <= dependencies(main, service, conditions), service


def test_with_an_existing_network_no_vpc_is_created_and_its_subnets_are_used(
    main: dict[str, Any],
) -> None:
    assert failed_rules(main, EXISTING_NETWORK) == []
    conditions = decided_conditions(main, EXISTING_NETWORK)
    assert conditions["CreateVpc"] is False
    assert not active_resources(main, conditions) & CREATED_NETWORK
    assert props(main, "PublicLoadBalancer", conditions)["Subnets"] == {"Ref": "PublicSubnetIds"}
    assert dependencies(main, "PublicLoadBalancer", conditions) & CREATED_NETWORK == set()


@pytest.mark.parametrize(
    "given",
    [
        {"VpcId": EXISTING_NETWORK["VpcId"]},
        {"PublicSubnetIds": EXISTING_NETWORK["PublicSubnetIds"]},
        {k: v for k, v in EXISTING_NETWORK.items() if k != "TaskSubnetIds"},
    ],
    ids=["vpc-alone", "subnets-alone", "no-task-subnets"],
)
def test_an_incomplete_existing_network_is_refused(
    main: dict[str, Any], given: dict[str, str]
) -> None:
    assert failed_rules(main, given) != []


def test_the_rules_accept_exactly_fargates_cpu_and_memory_pairs(main: dict[str, Any]) -> None:
    cpus = main["Parameters"]["TaskCpu"]["AllowedValues"]
    memories = main["Parameters"]["TaskMemory"]["AllowedValues"]
    accepted = {
        (cpu, memory)
        for cpu, memory in itertools.product(cpus, memories)
        if not failed_rules(main, {"TaskCpu": cpu, "TaskMemory": memory})
    }
    assert accepted == FARGATE_PAIRS
    assert failed_rules(main, {"TaskCpu": "512"}) == ["FargateMemoryFor512Cpu"]


def test_a_certificate_needs_a_host_name_and_then_the_api_url_is_https_on_it(
    main: dict[str, Any],
) -> None:
    certificate = {"CertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/x"}
    assert failed_rules(main, certificate) == ["CertificateNeedsHostName"]
    with_name = {**certificate, "PublicHostName": "api.example.com"}
    assert failed_rules(main, with_name) == []
    api_url = main["Outputs"]["ApiUrl"]["Value"]
    assert decide_ifs(api_url, decided_conditions(main, with_name)) == {
        "Fn::Sub": "https://${PublicHostName}"
    }
    assert decide_ifs(api_url, decided_conditions(main)) == {
        "Fn::Sub": "http://${PublicLoadBalancer.DNSName}"
    }


def test_with_a_hosted_zone_the_stack_makes_the_alias_record_of_the_host_name(
    main: dict[str, Any],
) -> None:
    zone = {"HostedZoneId": "Z0123456789ABCDEFGHIJ"}
    assert failed_rules(main, zone) == ["HostedZoneNeedsHostName"]
    given = {**zone, "PublicHostName": "api.example.com"}
    conditions = decided_conditions(main, given)
    assert "PublicAliasRecord" in active_resources(main, conditions)
    assert "PublicAliasRecord" not in active_resources(main, decided_conditions(main))
    record = props(main, "PublicAliasRecord", conditions)
    assert (record["Name"], record["Type"]) == ({"Ref": "PublicHostName"}, "A")
    assert record["AliasTarget"] == {
        "DNSName": {"Fn::GetAtt": ["PublicLoadBalancer", "DNSName"]},
        "HostedZoneId": {"Fn::GetAtt": ["PublicLoadBalancer", "CanonicalHostedZoneID"]},
        "EvaluateTargetHealth": True,
    }


def test_the_alb_holds_a_waiting_request_and_uvicorn_outlasts_the_alb(
    main: dict[str, Any],
) -> None:
    attributes = {
        a["Key"]: a["Value"]
        for a in props(main, "PublicLoadBalancer", decided_conditions(main))[
            "LoadBalancerAttributes"
        ]
    }
    idle = int(attributes["idle_timeout.timeout_seconds"])
    assert idle >= MAX_WAIT_SECONDS + 10  # `Prefer: wait=60` answers before the ALB gives up
    assert idle < KEEP_ALIVE_SECONDS  # the ALB, not uvicorn, closes an idle connection
