"""The limits of a scene request, written once: the HTTP schemas, the CLI and the web page
(through the OpenAPI document) all read them from here."""

from typing import NamedTuple


class Bounds(NamedTuple):
    low: int
    high: int
    default: int

    def __str__(self) -> str:
        return f"{self.low}..{self.high}"


MAX_PROMPT_LENGTH = 2000
"""Characters of a prompt once PROMPT_WHITESPACE is trimmed from both ends."""
PROMPT_WHITESPACE = " \t\n\r\x0b\x0c"
"""The whitespace trimmed from a prompt: spelled out, so that a schema's pattern and the
server agree (`\\s` differs between Python, ECMA-262 and other regex engines)."""
WIDTH = Bounds(16, 256, 48)
"""Map width in cells."""
HEIGHT = Bounds(8, 128, 24)
"""Map height in cells."""
MAX_SEED = 2**32 - 1


def trimmed_prompt(prompt: str) -> str:
    return prompt.strip(PROMPT_WHITESPACE)
