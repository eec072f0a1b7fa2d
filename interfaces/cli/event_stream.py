"""Reading a `text/event-stream` response as (event, data) pairs, by the WHATWG parsing rules."""

from collections.abc import AsyncIterator

import httpx


async def server_sent_events(response: httpx.Response) -> AsyncIterator[tuple[str, str]]:
    """Each dispatched event as `(event type, data)`; comments and empty events are skipped."""
    event, data = "", list[str]()
    async for line in response.aiter_lines():
        if not line:
            if data:
                yield event or "message", "\n".join(data)
            event, data = "", list[str]()
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            event = value
        elif name == "data":
            data.append(value)
