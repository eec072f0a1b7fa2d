"""`scenegen deploy --delete`: both stacks, then the data the stack keeps, then the token.

The table and the bucket have `DeletionPolicy: RetainExceptOnCreate` (and the table deletion
protection), so deleting the stack, here or in the console, never deletes data. This command,
once confirmed, deletes them afterwards, unless asked to keep them.
"""

from typing import Any

from botocore.exceptions import ClientError

from infrastructure.aws import clients
from infrastructure.aws.cloudformation_deployer import CloudFormationDeployer, Report
from infrastructure.aws.errors import error_code
from infrastructure.bootstrap.deployment import (
    DeployRequest,
    aws_errors_as_failures,
    aws_only_stack_name,
    cloudformation_client,
)
from infrastructure.settings import Settings


async def teardown(
    request: DeployRequest, settings: Settings, report: Report, *, keep_data: bool = False
) -> None:
    """Delete the AWS-only stack and the main stack; then the table and the emptied bucket
    (unless `keep_data`) and the token parameter."""
    session = clients.new_session()
    region, endpoint = settings.aws_region, settings.aws_endpoint_url
    async with (
        aws_errors_as_failures(),
        cloudformation_client(session, settings) as cloudformation,
        clients.ssm_client(session, region, endpoint) as ssm,
        clients.s3_client(session, region, endpoint) as s3,
        clients.dynamodb_client(session, region, endpoint) as dynamodb,
    ):
        deployer = CloudFormationDeployer(
            cloudformation,
            report=report,
            poll_seconds=request.poll_seconds,
            timeout_seconds=request.timeout_seconds,
        )
        await deployer.delete(aws_only_stack_name(request.stack))
        existing = await deployer.describe(request.stack)
        if existing is None:
            report(f"stack {request.stack}: not found, nothing to delete")
            return
        outputs = {str(o["OutputKey"]): str(o["OutputValue"]) for o in existing.get("Outputs", [])}
        parameters = {
            str(p["ParameterKey"]): str(p.get("ParameterValue", ""))
            for p in existing.get("Parameters", [])
        }
        await deployer.delete(request.stack)
        table, bucket = outputs.get("JobsTableName"), outputs.get("ArtifactsBucketName")
        keys_table = outputs.get("KeysTableName")  # absent from stacks made before API keys
        if keep_data:
            report(f"kept table {table} and bucket {bucket} (--keep-data); delete them by hand")
            if keys_table:
                report(f"kept table {keys_table} (API keys, --keep-data)")
        else:
            for name in (table, keys_table):
                if name:
                    await _delete_table(dynamodb, name, report)
            if bucket:
                await _delete_bucket(s3, bucket, report)
        token = parameters.get("InternalTokenParameter")
        if token:
            await _delete_parameter(ssm, token, report)


async def _delete_table(dynamodb: Any, table: str, report: Report) -> None:
    try:
        await dynamodb.update_table(TableName=table, DeletionProtectionEnabled=False)
        await dynamodb.delete_table(TableName=table)
    except ClientError as error:
        if error_code(error) != "ResourceNotFoundException":
            raise
        report(f"table {table}: not found")
        return
    report(f"table {table}: deletion protection off, deleted")


async def _delete_bucket(s3: Any, bucket: str, report: Report) -> None:
    try:
        deleted = await _empty_bucket(s3, bucket)
        await s3.delete_bucket(Bucket=bucket)
    except ClientError as error:
        if error_code(error) != "NoSuchBucket":
            raise
        report(f"bucket {bucket}: not found")
        return
    report(f"bucket {bucket}: emptied ({deleted} objects) and deleted")


async def _empty_bucket(s3: Any, bucket: str) -> int:
    deleted = 0
    paginator = s3.get_paginator("list_objects_v2")
    async for page in paginator.paginate(Bucket=bucket):
        keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
        if keys:
            await s3.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
            deleted += len(keys)
    return deleted


async def _delete_parameter(ssm: Any, name: str, report: Report) -> None:
    try:
        await ssm.delete_parameter(Name=name)
        report(f"parameter {name}: deleted")
    except ClientError as error:
        if error_code(error) != "ParameterNotFound":
            raise
        report(f"parameter {name}: not found")
