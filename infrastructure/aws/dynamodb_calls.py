"""One DynamoDB call on the request path: bounded in time, its failures as DependencyUnavailable."""

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from infrastructure.aws.deadlines import within_request_deadline
from infrastructure.aws.errors import error_code, unavailable

CONDITION_FAILED = "ConditionalCheckFailedException"


async def call_table(operation: Any, table: str, dependency: str, **kwargs: Any) -> dict[str, Any]:
    """`operation(TableName=table, **kwargs)` within the request deadline. A failed condition
    is re-raised as the ClientError it is (the caller decides what it means); every other
    failure becomes `DependencyUnavailable(dependency)`, never naming the table."""
    try:
        response: dict[str, Any] = await within_request_deadline(
            operation(TableName=table, **kwargs), dependency
        )
    except ClientError as error:
        if error_code(error) == CONDITION_FAILED:
            raise
        raise unavailable(dependency, error) from error
    except BotoCoreError as error:
        raise unavailable(dependency, error) from error
    return response
