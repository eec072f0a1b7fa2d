"""Defaults the command parsers need, in a module that imports nothing (httpx stays unloaded)."""

DEFAULT_PROMPT = (
    "a village with three houses north of a river, a well in the center and a forest to the east"
)
