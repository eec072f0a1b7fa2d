"""Create or update a CloudFormation stack through a change set, reporting progress line by line.

The deployer receives its aiobotocore CloudFormation client; it does not build it. "No changes"
is success. A failure raises `DeployFailed` whose message is one line naming the first
resource that failed and why.
"""

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from botocore.exceptions import ClientError

from infrastructure.aws.errors import error_code

MAIN_TEMPLATE = "scenegen.yaml"
AWS_ONLY_TEMPLATE = "scenegen-aws-only.yaml"
CAPABILITIES = ["CAPABILITY_IAM"]

_NO_CHANGES = ("didn't contain changes", "No updates are to be performed")
_SUCCESS = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"}
_CANCELLED = ("Resource creation cancelled", "Resource update cancelled")

Report = Callable[[str], None]
Prepare = Callable[[], Awaitable[None]]


def template_body(name: str) -> str:
    """A template shipped in the package (infrastructure/aws/deploy_templates/)."""
    return (resources.files("infrastructure.aws") / "deploy_templates" / name).read_text()


class DeployFailed(RuntimeError):
    """The stack did not reach a complete state; the message is the one line to show."""


@dataclass(frozen=True)
class StackResult:
    """Where a stack ended: its status, whether anything changed, and its outputs."""

    stack: str
    status: str
    changed: bool
    outputs: dict[str, str] = field(default_factory=dict)


class CloudFormationDeployer:
    """Change-set deployments and deletions of one stack at a time."""

    def __init__(
        self,
        client: Any,
        *,
        report: Report,
        poll_seconds: float = 5.0,
        timeout_seconds: float = 3600.0,
    ) -> None:
        self._client = client
        self._report = report
        self._poll = poll_seconds
        self._timeout = timeout_seconds

    async def deploy(
        self,
        stack: str,
        body: str,
        parameters: Mapping[str, str],
        *,
        before_execute: Prepare | None = None,
    ) -> StackResult:
        """Create or update `stack` from `body`; parameters not given keep their previous value.

        `before_execute` runs once CloudFormation has accepted the change set (template,
        parameters and rules valid), also when there is nothing to change: what the stack
        needs but cannot create (the SecureString token) is made only for a valid deployment.
        """
        existing = await self.describe(stack)
        if existing is not None and existing["StackStatus"] == "ROLLBACK_COMPLETE":
            self._report(f"stack {stack} is ROLLBACK_COMPLETE (a failed create): deleting it first")
            await self.delete(stack)
            existing = None
        creating = existing is None or existing["StackStatus"] == "REVIEW_IN_PROGRESS"
        declared = set(await self.declared_parameters(body))
        unknown = sorted(set(parameters) - declared)
        if unknown:
            raise DeployFailed(f"stack {stack}: the template has no parameter {', '.join(unknown)}")
        previous = set() if creating or existing is None else _parameter_keys(existing)
        change_set_parameters: list[dict[str, Any]] = [
            {"ParameterKey": key, "ParameterValue": value} for key, value in parameters.items()
        ] + [
            {"ParameterKey": key, "UsePreviousValue": True}
            for key in sorted((previous & declared) - set(parameters))
        ]
        name = f"scenegen-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        self._report(
            f"stack {stack}: creating change set {name} ({'create' if creating else 'update'})"
        )
        created = await self._client.create_change_set(
            StackName=stack,
            ChangeSetName=name,
            ChangeSetType="CREATE" if creating else "UPDATE",
            TemplateBody=body,
            Parameters=change_set_parameters,
            Capabilities=CAPABILITIES,
        )
        change_set = await self._wait_for_change_set(stack, created["Id"])
        reason = str(change_set.get("StatusReason", ""))
        unchanged = change_set["Status"] == "FAILED" and any(m in reason for m in _NO_CHANGES)
        if before_execute is not None and (unchanged or change_set["Status"] != "FAILED"):
            await before_execute()
        if change_set["Status"] == "FAILED":
            if unchanged:
                await self._client.delete_change_set(ChangeSetName=created["Id"], StackName=stack)
                self._report(f"stack {stack}: no changes")
                described = await self.describe(stack)
                status = described["StackStatus"] if described else "UNKNOWN"
                return StackResult(stack, status, False, _outputs(described))
            raise DeployFailed(f"stack {stack}: change set failed: {reason}")
        for change in change_set.get("Changes", []):
            detail = change.get("ResourceChange", {})
            self._report(
                f"  will {str(detail.get('Action', '?')).lower()} {detail.get('ResourceType')} "
                f"{detail.get('LogicalResourceId')}"
            )
        marker = await self._latest_event_id(stack)
        await self._client.execute_change_set(ChangeSetName=created["Id"], StackName=stack)
        final = await self._wait_for_stack(stack, marker)
        if final["StackStatus"] not in _SUCCESS:
            raise DeployFailed(await self._failure_line(stack, final, marker))
        return StackResult(stack, final["StackStatus"], True, _outputs(final))

    async def delete(self, stack: str) -> bool:
        """Delete `stack` and wait until it is gone; False when there was no such stack."""
        existing = await self.describe(stack)
        if existing is None:
            self._report(f"stack {stack}: not found, nothing to delete")
            return False
        marker = await self._latest_event_id(existing["StackId"])
        self._report(f"stack {stack}: deleting")
        await self._client.delete_stack(StackName=existing["StackId"])
        final = await self._wait_for_stack(existing["StackId"], marker)
        if final["StackStatus"] != "DELETE_COMPLETE":
            raise DeployFailed(await self._failure_line(stack, final, marker))
        self._report(f"stack {stack}: DELETE_COMPLETE")
        return True

    async def describe(self, stack: str) -> dict[str, Any] | None:
        try:
            response = await self._client.describe_stacks(StackName=stack)
        except ClientError as error:
            if error_code(error) == "ValidationError" and "does not exist" in str(error):
                return None
            raise
        stacks: list[dict[str, Any]] = response.get("Stacks", [])
        return stacks[0] if stacks else None

    async def declared_parameters(self, body: str) -> dict[str, str | None]:
        """The template's parameters, each with its default (None when it has none)."""
        summary = await self._client.get_template_summary(TemplateBody=body)
        return {
            str(p["ParameterKey"]): (str(p["DefaultValue"]) if "DefaultValue" in p else None)
            for p in summary.get("Parameters", [])
        }

    async def _wait_for_change_set(self, stack: str, change_set: str) -> dict[str, Any]:
        deadline = time.monotonic() + self._timeout
        while True:
            described: dict[str, Any] = await self._client.describe_change_set(
                ChangeSetName=change_set, StackName=stack
            )
            if described["Status"] in ("CREATE_COMPLETE", "FAILED"):
                return described
            if time.monotonic() > deadline:
                raise DeployFailed(f"stack {stack}: change set still {described['Status']}")
            await asyncio.sleep(self._poll)

    async def _wait_for_stack(self, stack: str, marker: str | None) -> dict[str, Any]:
        """Poll until the stack leaves *_IN_PROGRESS, printing each new event once."""
        deadline = time.monotonic() + self._timeout
        seen: set[str] = set()
        clock = time.monotonic()
        while True:
            for event in await self._events_after(stack, marker):
                if event["EventId"] in seen:
                    continue
                seen.add(event["EventId"])
                reason = event.get("ResourceStatusReason")
                self._report(
                    f"  [{time.monotonic() - clock:5.0f}s] {event['ResourceStatus']} "
                    f"{event.get('ResourceType')} {event.get('LogicalResourceId')}"
                    + (f": {reason}" if reason and "FAILED" in event["ResourceStatus"] else "")
                )
            described = await self._describe_by_id(stack)
            status = str(described["StackStatus"])
            if not status.endswith("_IN_PROGRESS"):
                return described
            if time.monotonic() > deadline:
                raise DeployFailed(
                    f"stack {stack}: still {status} after {self._timeout:.0f} s "
                    "(it goes on in CloudFormation)"
                )
            await asyncio.sleep(self._poll)

    async def _describe_by_id(self, stack: str) -> dict[str, Any]:
        response = await self._client.describe_stacks(StackName=stack)
        described: dict[str, Any] = response["Stacks"][0]
        return described

    async def _latest_event_id(self, stack: str) -> str | None:
        response = await self._client.describe_stack_events(StackName=stack)
        events = response.get("StackEvents", [])
        return str(events[0]["EventId"]) if events else None

    async def _events_after(self, stack: str, marker: str | None) -> list[dict[str, Any]]:
        """Events newer than `marker`, oldest first (DescribeStackEvents lists newest first)."""
        events: list[dict[str, Any]] = []
        paginator = self._client.get_paginator("describe_stack_events")
        async for page in paginator.paginate(StackName=stack):
            for event in page.get("StackEvents", []):
                if event["EventId"] == marker:
                    return list(reversed(events))
                events.append(event)
        return list(reversed(events))

    async def _failure_line(self, stack: str, final: dict[str, Any], marker: str | None) -> str:
        failed = [
            e
            for e in await self._events_after(stack, marker)
            if str(e["ResourceStatus"]).endswith("_FAILED")
            and e.get("LogicalResourceId") != final.get("StackName")
            and not str(e.get("ResourceStatusReason", "")).startswith(_CANCELLED)
        ]
        where = f"stack {stack} {final['StackStatus']}"
        if not failed:
            return f"{where}: {final.get('StackStatusReason') or 'no resource reported a failure'}"
        first = failed[0]
        return (
            f"{where}: {first.get('LogicalResourceId')} ({first.get('ResourceType')}) "
            f"{first['ResourceStatus']}: {first.get('ResourceStatusReason', 'no reason given')}"
        )


def _parameter_keys(stack: Mapping[str, Any]) -> set[str]:
    return {str(p["ParameterKey"]) for p in stack.get("Parameters", [])}


def _outputs(stack: Mapping[str, Any] | None) -> dict[str, str]:
    if stack is None:
        return {}
    return {str(o["OutputKey"]): str(o["OutputValue"]) for o in stack.get("Outputs", [])}
