"""Where the webhook signing secrets come from: WEBHOOK_SECRET, or an SSM parameter re-read now
and then (so a rotation needs no restart). Either holds space-separated `whsec_` secrets."""

from application.ports import SecretProvider
from infrastructure.webhooks.signing import parse_webhook_secrets


class StaticWebhookSecrets:
    def __init__(self, value: str) -> None:
        self._secrets = parse_webhook_secrets(value)

    async def __call__(self) -> tuple[str, ...]:
        return self._secrets


class ParameterWebhookSecrets:
    """The secrets in a parameter read through `provider` (cached and refreshed by it)."""

    def __init__(self, provider: SecretProvider, parameter_name: str) -> None:
        self._provider = provider
        self._parameter_name = parameter_name

    async def __call__(self) -> tuple[str, ...]:
        return parse_webhook_secrets(await self._provider.current(), setting=self._parameter_name)
