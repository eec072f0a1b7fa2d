"""A do-nothing OTLP/HTTP receiver: the benchmark pays for exporting spans, with no collector."""

from litestar import Litestar, Response, post


@post("/v1/traces", status_code=200)
async def traces() -> Response[bytes]:
    return Response(b"", media_type="application/x-protobuf")


app = Litestar(route_handlers=[traces], openapi_config=None)
