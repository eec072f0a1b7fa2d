"""CloudFormationDeployer on an in-memory CloudFormation: change sets, outcomes, the failure line.

The emulator cannot make a stack fail in every way AWS can, so the outcomes are scripted here;
tests/e2e/test_deploy_emulator.py runs the same code against MiniStack.
"""

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from botocore.exceptions import ClientError

from infrastructure.aws.cloudformation_deployer import (
    MAIN_TEMPLATE,
    CloudFormationDeployer,
    DeployFailed,
    template_body,
)

_ids = itertools.count(1)


def event(
    stack: str, logical: str, status: str, reason: str = "", kind: str = ""
) -> dict[str, Any]:
    return {
        "EventId": f"e{next(_ids)}",
        "StackName": stack,
        "LogicalResourceId": logical,
        "ResourceType": kind or ("AWS::CloudFormation::Stack" if logical == stack else "AWS::X::Y"),
        "ResourceStatus": status,
        "ResourceStatusReason": reason,
    }


@dataclass
class FakeCloudFormation:
    """One stack; `outcome` is the events and final status an execution produces."""

    declared: dict[str, str | None] = field(default_factory=lambda: {"Image": None, "A": "1"})
    stack: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)  # newest first
    change_set_reason: str | None = None
    outcome: tuple[list[tuple[str, str, str]], str] = ([], "CREATE_COMPLETE")
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    deleted: dict[str, dict[str, Any]] = field(default_factory=dict)  # by stack id

    async def describe_stacks(self, StackName: str) -> dict[str, Any]:
        self.calls.append(("describe_stacks", {"StackName": StackName}))
        if StackName in self.deleted:  # like AWS: a deleted stack answers by its id only
            return {"Stacks": [self.deleted[StackName]]}
        if self.stack is None:
            raise ClientError(
                {
                    "Error": {
                        "Code": "ValidationError",
                        "Message": f"Stack {StackName} does not exist",
                    }
                },
                "DescribeStacks",
            )
        return {"Stacks": [self.stack]}

    async def get_template_summary(self, TemplateBody: str) -> dict[str, Any]:
        return {
            "Parameters": [
                {"ParameterKey": k, **({"DefaultValue": v} if v is not None else {})}
                for k, v in self.declared.items()
            ]
        }

    async def create_change_set(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(("create_change_set", kwargs))
        if self.stack is None:
            self.stack = {"StackName": kwargs["StackName"], "StackId": "id-1"}
            self.stack["StackStatus"] = "REVIEW_IN_PROGRESS"
            self._emit(kwargs["StackName"], "REVIEW_IN_PROGRESS")
        return {"Id": "cs-1"}

    async def describe_change_set(self, ChangeSetName: str, StackName: str) -> dict[str, Any]:
        if self.change_set_reason is not None:
            return {"Status": "FAILED", "StatusReason": self.change_set_reason}
        return {"Status": "CREATE_COMPLETE", "Changes": []}

    async def delete_change_set(self, ChangeSetName: str, StackName: str) -> dict[str, Any]:
        self.calls.append(("delete_change_set", {}))
        return {}

    async def execute_change_set(self, ChangeSetName: str, StackName: str) -> dict[str, Any]:
        self.calls.append(("execute_change_set", {}))
        assert self.stack is not None
        resources, final = self.outcome
        for logical, status, reason in resources:
            self.events.insert(0, event(StackName, logical, status, reason))
        self._emit(StackName, final)
        self.stack["StackStatus"] = final
        self.stack["Outputs"] = [{"OutputKey": "ApiUrl", "OutputValue": "http://alb"}]
        return {}

    async def delete_stack(self, StackName: str) -> dict[str, Any]:
        self.calls.append(("delete_stack", {}))
        assert self.stack is not None
        self._emit(self.stack["StackName"], "DELETE_COMPLETE")
        self.deleted[self.stack["StackId"]] = {**self.stack, "StackStatus": "DELETE_COMPLETE"}
        self.stack = None
        return {}

    async def describe_stack_events(self, StackName: str) -> dict[str, Any]:
        return {"StackEvents": self.events[:1]}

    def get_paginator(self, name: str) -> "FakeCloudFormation":
        assert name == "describe_stack_events"
        return self

    async def paginate(self, StackName: str) -> AsyncIterator[dict[str, Any]]:
        for start in range(0, len(self.events), 2):  # two events a page
            yield {"StackEvents": self.events[start : start + 2]}

    def _emit(self, stack: str, status: str) -> None:
        self.events.insert(0, event(stack, stack, status))

    def named(self, call: str) -> list[dict[str, Any]]:
        return [kwargs for name, kwargs in self.calls if name == call]


def deployer(fake: FakeCloudFormation, lines: list[str]) -> CloudFormationDeployer:
    return CloudFormationDeployer(fake, report=lines.append, poll_seconds=0.001)


async def test_a_new_stack_is_created_through_a_create_change_set() -> None:
    fake, lines = FakeCloudFormation(), list[str]()
    result = await deployer(fake, lines).deploy("s", "body", {"Image": "i"})
    (request,) = fake.named("create_change_set")
    assert request["ChangeSetType"] == "CREATE"
    assert request["Parameters"] == [{"ParameterKey": "Image", "ParameterValue": "i"}]
    assert request["Capabilities"] == ["CAPABILITY_IAM"]
    assert (result.status, result.changed, result.outputs) == (
        "CREATE_COMPLETE",
        True,
        {"ApiUrl": "http://alb"},
    )
    assert any("CREATE_COMPLETE AWS::CloudFormation::Stack s" in line for line in lines)


async def test_an_update_keeps_the_previous_value_of_parameters_not_given() -> None:
    fake = FakeCloudFormation(
        stack={
            "StackName": "s",
            "StackId": "id-1",
            "StackStatus": "CREATE_COMPLETE",
            "Parameters": [{"ParameterKey": "Image"}, {"ParameterKey": "A"}],
        },
        outcome=([], "UPDATE_COMPLETE"),
    )
    await deployer(fake, []).deploy("s", "body", {"Image": "new"})
    (request,) = fake.named("create_change_set")
    assert request["ChangeSetType"] == "UPDATE"
    assert request["Parameters"] == [
        {"ParameterKey": "Image", "ParameterValue": "new"},
        {"ParameterKey": "A", "UsePreviousValue": True},
    ]


async def test_no_changes_is_success_and_executes_nothing() -> None:
    fake = FakeCloudFormation(
        stack={"StackName": "s", "StackId": "id-1", "StackStatus": "UPDATE_COMPLETE"},
        change_set_reason="The submitted information didn't contain changes. Submit different "
        "information to create a change set.",
    )
    lines: list[str] = []
    result = await deployer(fake, lines).deploy("s", "body", {"Image": "i"})
    assert (result.status, result.changed) == ("UPDATE_COMPLETE", False)
    assert fake.named("execute_change_set") == []
    assert len(fake.named("delete_change_set")) == 1
    assert "stack s: no changes" in lines


async def test_a_change_set_that_fails_for_another_reason_is_a_failure() -> None:
    fake = FakeCloudFormation(change_set_reason="Template error: bad thing")
    with pytest.raises(
        DeployFailed, match=r"^stack s: change set failed: Template error: bad thing$"
    ):
        await deployer(fake, []).deploy("s", "body", {"Image": "i"})


async def test_the_failure_names_the_first_failed_resource_not_the_cancelled_ones() -> None:
    fake = FakeCloudFormation(
        outcome=(
            [
                ("Table", "CREATE_IN_PROGRESS", ""),
                ("ApiService", "CREATE_FAILED", "Invalid request provided: no such image"),
                ("Table", "CREATE_FAILED", "Resource creation cancelled"),
                ("Table", "DELETE_COMPLETE", ""),
            ],
            "ROLLBACK_COMPLETE",
        )
    )
    with pytest.raises(DeployFailed) as failure:
        await deployer(fake, []).deploy("s", "body", {"Image": "i"})
    assert str(failure.value) == (
        "stack s ROLLBACK_COMPLETE: ApiService (AWS::X::Y) CREATE_FAILED: "
        "Invalid request provided: no such image"
    )


async def test_a_failure_line_ignores_events_of_earlier_operations() -> None:
    fake = FakeCloudFormation(
        stack={"StackName": "s", "StackId": "id-1", "StackStatus": "UPDATE_COMPLETE"},
        outcome=([("Queue", "UPDATE_FAILED", "now")], "UPDATE_ROLLBACK_COMPLETE"),
    )
    fake.events = [event("s", "Old", "UPDATE_FAILED", "long ago"), event("s", "s", "X")]
    fake.events.insert(0, event("s", "s", "UPDATE_COMPLETE"))
    with pytest.raises(DeployFailed, match=r"Queue .* UPDATE_FAILED: now$"):
        await deployer(fake, []).deploy("s", "body", {"Image": "i"})


async def test_a_stack_left_by_a_failed_create_is_deleted_then_created_again() -> None:
    fake = FakeCloudFormation(
        stack={"StackName": "s", "StackId": "id-1", "StackStatus": "ROLLBACK_COMPLETE"}
    )
    lines: list[str] = []
    result = await deployer(fake, lines).deploy("s", "body", {"Image": "i"})
    assert "stack s is ROLLBACK_COMPLETE (a failed create): deleting it first" in lines
    assert fake.named("create_change_set")[0]["ChangeSetType"] == "CREATE"
    assert result.status == "CREATE_COMPLETE"


@pytest.mark.parametrize(
    ("reason", "prepared"),
    [
        (None, True),
        ("The submitted information didn't contain changes.", True),
        ("Template error: rule R failed: VpcId needs PublicSubnetIds", False),
    ],
)
async def test_what_the_stack_needs_is_prepared_only_for_an_accepted_change_set(
    reason: str | None, prepared: bool
) -> None:
    fake = FakeCloudFormation(
        stack={"StackName": "s", "StackId": "id-1", "StackStatus": "CREATE_COMPLETE"},
        change_set_reason=reason,
        outcome=([], "UPDATE_COMPLETE"),
    )
    calls: list[str] = []

    async def prepare() -> None:
        calls.append("prepared")
        assert fake.named("execute_change_set") == []  # before the stack changes

    try:
        await deployer(fake, []).deploy("s", "body", {"Image": "i"}, before_execute=prepare)
    except DeployFailed:
        assert not prepared
    assert calls == (["prepared"] if prepared else [])


async def test_a_parameter_the_template_lacks_is_refused_before_any_change() -> None:
    fake = FakeCloudFormation()
    with pytest.raises(DeployFailed, match=r"the template has no parameter Nope$"):
        await deployer(fake, []).deploy("s", "body", {"Image": "i", "Nope": "1"})
    assert fake.named("create_change_set") == []


async def test_deleting_a_missing_stack_is_not_an_error() -> None:
    lines: list[str] = []
    assert await deployer(FakeCloudFormation(), lines).delete("s") is False
    assert lines == ["stack s: not found, nothing to delete"]


def test_the_package_ships_the_main_template() -> None:
    body = template_body(MAIN_TEMPLATE)
    assert body.startswith('AWSTemplateFormatVersion: "2010-09-09"')
