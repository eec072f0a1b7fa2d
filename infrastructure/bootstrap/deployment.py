"""`scenegen deploy`: the composition root of the deploy command (clients, templates, token).

Deploys the main stack from the template the package ships, then (on AWS) the AWS-only stack
from the main stack's outputs (teardown: deployment_teardown.py). The dashboard body comes from
infrastructure/observability/dashboard.py, the definition `scenegen provision` also writes.
"""

import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from botocore.exceptions import BotoCoreError, ClientError

from infrastructure.aws import clients
from infrastructure.aws.cloudformation_deployer import (
    AWS_ONLY_TEMPLATE,
    MAIN_TEMPLATE,
    CloudFormationDeployer,
    DeployFailed,
    Report,
    template_body,
)
from infrastructure.aws.provision import ensure_token
from infrastructure.observability.dashboard import dashboard_body
from infrastructure.settings import Settings

__all__ = ["DeployFailed", "DeployRequest", "aws_only_stack_name", "deploy"]

PARAMETER_VALUE_LIMIT_BYTES = 4096  # CloudFormation's limit on one parameter value


@dataclass(frozen=True)
class DeployRequest:
    stack: str
    image: str | None = None
    parameters: Mapping[str, str] = field(default_factory=dict)
    main_only: bool = False
    poll_seconds: float = 5.0
    timeout_seconds: float = 3600.0


def is_emulator(endpoint_url: str | None) -> bool:
    """An endpoint that is not AWS's own (`*.amazonaws.com`, `*.amazonaws.com.cn`, ...)."""
    if not endpoint_url:
        return False
    host = urlparse(endpoint_url).hostname or ""
    return not host.endswith((".amazonaws.com", ".amazonaws.com.cn", ".api.aws"))


def aws_only_stack_name(stack: str) -> str:
    return f"{stack}-aws-only"


def token_parameter_name(stack: str) -> str:
    return f"/scenegen/{stack}/internal-token"


@asynccontextmanager
async def aws_errors_as_failures() -> AsyncIterator[None]:
    """An AWS error the deployer did not expect becomes one line: the call and its message."""
    try:
        yield
    except (ClientError, BotoCoreError) as error:
        raise DeployFailed(str(error)) from error


async def deploy(request: DeployRequest, settings: Settings, report: Report) -> dict[str, str]:
    """Create or update the stack(s); returns the main stack's outputs."""
    session = clients.new_session()
    async with (
        aws_errors_as_failures(),
        cloudformation_client(session, settings) as cloudformation,
        clients.ssm_client(session, settings.aws_region, settings.aws_endpoint_url) as ssm,
    ):
        deployer = CloudFormationDeployer(
            cloudformation,
            report=report,
            poll_seconds=request.poll_seconds,
            timeout_seconds=request.timeout_seconds,
        )
        main_body = template_body(MAIN_TEMPLATE)
        main_declared = await deployer.declared_parameters(main_body)
        emulated = not request.main_only and is_emulator(settings.aws_endpoint_url)
        main_only = request.main_only or emulated
        extra_body = "" if main_only else template_body(AWS_ONLY_TEMPLATE)
        extra_declared = {} if main_only else await deployer.declared_parameters(extra_body)
        unknown = sorted(set(request.parameters) - set(main_declared) - set(extra_declared))
        if unknown:
            where = "the main template (--main-only)" if main_only else "no template"
            raise DeployFailed(f"{where} has no parameter {', '.join(unknown)}")
        if emulated:
            report(
                f"AWS_ENDPOINT_URL {settings.aws_endpoint_url} is an emulator: skipping the "
                f"AWS-only stack {aws_only_stack_name(request.stack)} (autoscaling, the WAF "
                "association, the metric-math alarms), which its CloudFormation cannot deploy"
            )

        existing = await deployer.describe(request.stack)
        previous = {
            str(p["ParameterKey"]): str(p.get("ParameterValue", ""))
            for p in (existing or {}).get("Parameters", [])
        }
        given = {k: v for k, v in request.parameters.items() if k in main_declared}
        parameters = {
            "InternalTokenParameter": previous.get(
                "InternalTokenParameter", token_parameter_name(request.stack)
            ),
            **given,
        }
        if request.image:
            parameters["Image"] = request.image
        elif "Image" not in previous:
            raise DeployFailed("--image is required to create the stack")
        namespace = (
            given.get("MetricsNamespace")
            or previous.get("MetricsNamespace")
            or main_declared.get("MetricsNamespace")
            or settings.metrics_namespace
        )
        parameters["DashboardBody"] = _dashboard_parameter(namespace, settings.aws_region)

        async def ensure_token_exists() -> None:
            for line in await ensure_token(ssm, parameters["InternalTokenParameter"]):
                report(line)

        main = await deployer.deploy(
            request.stack, main_body, parameters, before_execute=ensure_token_exists
        )
        report(f"stack {main.stack}: {main.status}{'' if main.changed else ' (unchanged)'}")
        if main_only:
            return main.outputs

        extra_parameters = {
            key: main.outputs[key]
            for key, default in extra_declared.items()
            if default is None and key in main.outputs
        }
        extra_parameters.update(
            {k: v for k, v in request.parameters.items() if k in extra_declared}
        )
        extra = await deployer.deploy(
            aws_only_stack_name(request.stack), extra_body, extra_parameters
        )
        report(f"stack {extra.stack}: {extra.status}{'' if extra.changed else ' (unchanged)'}")
        return main.outputs


def _dashboard_parameter(namespace: str, region: str) -> str:
    body = json.dumps(dashboard_body(namespace, region), separators=(",", ":"))
    if len(body.encode()) > PARAMETER_VALUE_LIMIT_BYTES:
        raise DeployFailed(
            f"the dashboard body is {len(body.encode())} bytes, over CloudFormation's "
            f"{PARAMETER_VALUE_LIMIT_BYTES}-byte parameter limit"
        )
    return body


def cloudformation_client(session: Any, settings: Settings) -> Any:
    return session.create_client(
        "cloudformation",
        region_name=settings.aws_region,
        endpoint_url=settings.aws_endpoint_url or None,
        config=clients.client_config(),
    )
