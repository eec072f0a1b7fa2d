"""API keys and quotas: the ports their use cases need."""
