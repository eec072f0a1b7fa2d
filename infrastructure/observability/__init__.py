"""Observability adapters: metric sinks, the CloudWatch dashboard, tracing helpers."""
