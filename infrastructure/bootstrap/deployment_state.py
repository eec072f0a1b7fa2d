"""What a deployment can go back to: each stack's template and parameters, saved to a folder
before a deploy (`scenegen deploy --save-state DIR`) and deployed again after a failure
(`--restore-state DIR`), so a rollback undoes the template as well as the image."""

import asyncio
import json
from pathlib import Path

from infrastructure.aws import clients
from infrastructure.aws.cloudformation_deployer import CloudFormationDeployer, Report
from infrastructure.bootstrap.deployment import (
    DeployFailed,
    DeployRequest,
    aws_errors_as_failures,
    aws_only_stack_name,
    cloudformation_client,
)
from infrastructure.settings import Settings


def _files(directory: Path, stack: str) -> tuple[Path, Path]:
    return directory / f"{stack}.template", directory / f"{stack}.parameters.json"


async def save_state(
    request: DeployRequest, settings: Settings, report: Report, directory: Path
) -> dict[str, str]:
    """Save each existing stack's template and parameters; returns the main stack's
    parameters (empty when there is no stack yet: nothing to go back to)."""
    await asyncio.to_thread(directory.mkdir, parents=True, exist_ok=True)
    saved: dict[str, str] = {}
    async with (
        aws_errors_as_failures(),
        cloudformation_client(clients.new_session(), settings) as cloudformation,
    ):
        for stack in (request.stack, aws_only_stack_name(request.stack)):
            described = await _deployer(cloudformation, report).describe(stack)
            if described is None or not described["StackStatus"].endswith("_COMPLETE"):
                report(f"stack {stack}: nothing to save")
                continue
            template = await cloudformation.get_template(StackName=stack, TemplateStage="Original")
            parameters = {
                str(p["ParameterKey"]): str(p.get("ParameterValue", ""))
                for p in described.get("Parameters", [])
            }
            body_file, parameters_file = _files(directory, stack)
            body_file.write_text(str(template["TemplateBody"]))
            parameters_file.write_text(json.dumps(parameters, indent=2, sort_keys=True))
            report(f"stack {stack}: saved its template and parameters to {directory}")
            if stack == request.stack:
                saved = parameters
    return saved


async def restore_state(
    request: DeployRequest, settings: Settings, report: Report, directory: Path
) -> dict[str, str]:
    """Deploy each saved stack's template with its saved parameters (main stack first)."""
    stacks = [request.stack, aws_only_stack_name(request.stack)]
    saved = [s for s in stacks if all(f.exists() for f in _files(directory, s))]
    if request.stack not in saved:
        raise DeployFailed(f"no saved state of stack {request.stack} in {directory}")
    outputs: dict[str, str] = {}
    async with (
        aws_errors_as_failures(),
        cloudformation_client(clients.new_session(), settings) as cloudformation,
    ):
        deployer = _deployer(cloudformation, report, request)
        for stack in saved:
            body_file, parameters_file = _files(directory, stack)
            parameters = json.loads(parameters_file.read_text())
            result = await deployer.deploy(stack, body_file.read_text(), parameters)
            report(f"stack {stack}: {result.status}{'' if result.changed else ' (unchanged)'}")
            if stack == request.stack:
                outputs = result.outputs
    return outputs


def _deployer(
    client: object, report: Report, request: DeployRequest | None = None
) -> CloudFormationDeployer:
    return CloudFormationDeployer(
        client,
        report=report,
        poll_seconds=request.poll_seconds if request else 5.0,
        timeout_seconds=request.timeout_seconds if request else 3600.0,
    )
