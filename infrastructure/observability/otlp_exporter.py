"""The SDK's OTLP/HTTP span exporter with a faster encoder (see otlp_encoding)."""

import logging
from collections.abc import Mapping, Sequence

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SpanExportResult

from infrastructure.observability.otlp_encoding import SpanEncoder

log = logging.getLogger(__name__)


class FastEncodingOTLPSpanExporter(OTLPSpanExporter):
    """Same transport, retries, headers, compression and OTEL_EXPORTER_OTLP_* settings as the
    SDK's exporter; only the protobuf encoding is replaced.

    `export` mirrors OTLPSpanExporter.export (opentelemetry-exporter-otlp-proto-http 1.45)
    and uses its private `_client`, `_metrics` and `_max_request_size`. Should a later
    release rename them, this exporter says so once and falls back to the SDK's encoding.
    """

    def __init__(
        self, endpoint: str, headers: Mapping[str, str], *, max_request_size: int | None = None
    ) -> None:
        super().__init__(endpoint=endpoint, headers=headers, max_request_size=max_request_size)
        self._encoder = SpanEncoder()
        self.fast = all(
            hasattr(self, name) for name in ("_client", "_metrics", "_max_request_size")
        )
        if not self.fast:
            log.warning("this OTLP exporter release is unknown; spans use the SDK's encoder")

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        if self._shutdown or not self.fast:
            return super().export(spans)
        with self._metrics.export_operation(len(spans)) as result:
            try:
                data = self._encoder.encode(spans)
            except Exception as error:  # one span the encoder cannot write loses its batch only
                log.error("could not encode a batch of %d spans: %s", len(spans), error)
                result.error = error
                return SpanExportResult.FAILURE
            if 0 < self._max_request_size < len(data):
                log.warning(
                    "dropping %d spans: %d bytes is over the %d-byte request limit",
                    len(spans),
                    len(data),
                    self._max_request_size,
                )
                result.error = ValueError("span batch over max_request_size")
                return SpanExportResult.FAILURE
            exported = self._client.export(data)
            if not exported.success:
                result.error = exported.error
                return SpanExportResult.FAILURE
        return SpanExportResult.SUCCESS
