"""Plain Python values to DynamoDB attribute values and back (the low-level client's wire form)."""

from typing import Any

AttributeValue = dict[str, Any]
"""One DynamoDB attribute value, e.g. {"S": "text"} or {"M": {...}}."""


def to_attribute(value: object) -> AttributeValue:
    """Encode JSON-like builtins (as msgspec.to_builtins makes them) as a DynamoDB attribute."""
    if value is None:
        return {"NULL": True}
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, int):
        return {"N": str(value)}
    if isinstance(value, float):
        return {"N": repr(value)}
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, list | tuple):
        return {"L": [to_attribute(item) for item in value]}
    if isinstance(value, dict):
        return {"M": to_attribute_map(value)}
    raise TypeError(f"cannot store a {type(value).__name__} in DynamoDB")


def to_attribute_map(values: dict[Any, Any]) -> dict[str, AttributeValue]:
    return {str(key): to_attribute(item) for key, item in values.items()}


def from_attribute(attribute: AttributeValue) -> Any:
    """Decode a DynamoDB attribute into JSON-like builtins; numbers keep their int/float kind."""
    kind, value = next(iter(attribute.items()))
    if kind == "S":
        return value
    if kind == "N":
        return _number(value)
    if kind == "BOOL":
        return bool(value)
    if kind == "NULL":
        return None
    if kind == "L":
        return [from_attribute(item) for item in value]
    if kind == "M":
        return from_attribute_map(value)
    if kind == "SS":
        return set(value)
    raise TypeError(f"unexpected DynamoDB attribute type {kind}")


def from_attribute_map(attributes: dict[str, AttributeValue]) -> dict[str, Any]:
    return {key: from_attribute(item) for key, item in attributes.items()}


def _number(text: str) -> int | float:
    if any(mark in text for mark in ".eE"):
        return float(text)
    return int(text)
