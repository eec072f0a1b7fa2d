"""Persistent-mode adapters: DynamoDB, S3, SQS and SSM through aiobotocore, and provisioning."""
