"""A small Server-Sent Events reader for tests, written to the WHATWG parsing rules."""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx


@dataclass
class Event:
    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None
    comments: list[str] = field(default_factory=list)

    @property
    def is_comment_only(self) -> bool:
        return not self.data and self.id is None and self.event == "message"


async def events(response: httpx.Response) -> AsyncIterator[Event]:
    """Each event as it arrives; a comment-only block comes as an event with `comments`."""
    current = Event()
    data: list[str] = []
    async for line in response.aiter_lines():
        if line == "":
            if data or current.comments or current.id is not None or current.retry is not None:
                current.data = "\n".join(data)
                yield current
            current, data = Event(), []
            continue
        if line.startswith(":"):
            current.comments.append(line[1:].strip())
            continue
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            data.append(value)
        elif name == "event":
            current.event = value
        elif name == "id":
            current.id = value
        elif name == "retry" and value.isdigit():
            current.retry = int(value)
