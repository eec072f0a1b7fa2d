"""Strict JSON request bodies: content type, UTF-8, syntax and shape checked before the handler.

Litestar decodes `data` leniently (strings become numbers) and lets invalid UTF-8 escape as
an unhandled error. A `before_request` hook from `strict_json_body(T)` reads the body once
(Litestar keeps it for the handler), decodes it with msgspec's strict decoder for `T`, and
turns each failure into problem details a person can act on:

- not `application/json` (or `+json`): 415;
- empty, not UTF-8, not JSON, a lone surrogate escape, or nested deeper than the decoder
  goes (msgspec stops at the interpreter's recursion limit, about 1,000 levels): 400;
- valid JSON of the wrong shape, or fields of the wrong type or range: 422 naming every one
  (msgspec stops at the first mismatch, so a body it refuses is checked again field by field
  against the same Struct's field types, with `more_checks` for rules beyond them).

A number with no fraction (`16.0`) is an integer, as JSON Schema (and so the OpenAPI document)
says: accepted where an integer is asked for. A string is never read as a number.
"""

import re
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Request

from interfaces.http.problems import FieldError, Problem, body_field_error, field_problem

BeforeRequest = Callable[[Request[Any, Any, Any]], Awaitable[None]]
MoreChecks = Callable[[dict[str, Any]], list[FieldError]]
"""Rules a Struct's types do not say (a prompt's length once trimmed), run on a body that has
other invalid fields, so that every error is reported in one answer."""
INVALID_FIELDS = "The request has invalid fields."

_AT_PATH = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_EXPECTED_GOT = re.compile(r"^Expected `(?P<expected>[^`]+)`, got `(?P<got>[^`]+)`$")
_EXPECTED_BOUND = re.compile(r"^Expected `[^`]+` (?P<bound>.+)$")
_UNKNOWN_FIELD = re.compile(r"^Object contains unknown field `(?P<field>[^`]+)`$")
_MISSING_FIELD = re.compile(r"^Object missing required field `(?P<field>[^`]+)`$")
# A \u escape of a UTF-16 surrogate not part of a high-low pair.
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)

_OUT_OF_RANGE = "Number out of range"
_INTEGER_AS_FLOAT = re.compile(r"^Expected `int[^`]*`, got `float`")

_JSON_TYPES = {
    "int": "an integer",
    "float": "a number",
    "str": "a string",
    "bool": "true or false",
    "null": "null",
    "array": "an array",
    "object": "a JSON object",
    "datetime": "an RFC 3339 date-time",
}


def is_json_media_type(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def strict_json_body(
    body_type: type[msgspec.Struct], more_checks: MoreChecks | None = None
) -> BeforeRequest:
    """A `before_request` hook refusing any body that `body_type` does not strictly describe."""
    decoder = msgspec.json.Decoder(body_type)
    fields = msgspec.structs.fields(body_type)
    forbids_unknown = body_type.__struct_config__.forbid_unknown_fields

    async def check_body(request: Request[Any, Any, Any]) -> None:
        content_type = request.headers.get("content-type", "")
        if not is_json_media_type(content_type):
            raise Problem(
                415,
                "The request body must be JSON, sent with Content-Type: application/json"
                + (f" (not {content_type.split(';', 1)[0].strip()})." if content_type else "."),
                headers={"Accept-Post": "application/json"},
            )
        body = await request.body()
        if not body.strip():
            raise Problem(400, "The request body is empty; it must be a JSON object.")
        try:
            decoder.decode(body)
        except msgspec.ValidationError as error:
            # msgspec stops at the first mismatch; a body that is also malformed is told so.
            _require_well_formed(body)
            value = _decoded(body)
            if not isinstance(value, dict):
                raise _shape_problem(str(error)) from None
            errors = _field_errors(value, fields, forbids_unknown)
            if errors and more_checks is not None:
                errors += [
                    e for e in more_checks(value) if e.field not in {x.field for x in errors}
                ]
            if errors:
                raise Problem(422, INVALID_FIELDS, errors=errors) from None
            if not _INTEGER_AS_FLOAT.match(str(error)):
                raise _shape_problem(str(error)) from None
            _require_shape_with_integral_numbers(body, body_type)
        except (UnicodeDecodeError, msgspec.DecodeError) as error:
            raise _syntax_problem(body, str(error)) from None
        except RecursionError:
            raise _too_deep() from None

    return check_body


def _decoded(body: bytes) -> Any:
    try:
        return _integral_floats_as_ints(msgspec.json.decode(body))
    except RecursionError:
        raise _too_deep() from None
    except msgspec.DecodeError:  # a number out of range: left to the Struct's decoder
        return None


def _field_errors(
    value: dict[str, Any], fields: tuple[msgspec.structs.FieldInfo, ...], forbids_unknown: bool
) -> list[FieldError]:
    """Every field of `value` checked against its type in the Struct, in the body's order."""
    by_name = {field.encode_name: field for field in fields}
    errors = []
    for name, item in value.items():
        field = by_name.get(name)
        if field is None:
            if forbids_unknown:
                errors.append(body_field_error(name, "is not a field of this request"))
            continue
        try:
            msgspec.convert(item, field.type, strict=True)
        except msgspec.ValidationError as error:
            errors.append(_field_error(name, str(error)))
        except RecursionError:
            raise _too_deep() from None
    for field in fields:
        if field.required and field.encode_name not in value:
            errors.append(body_field_error(field.encode_name, "is required"))
    return errors


def _field_error(name: str, raw: str) -> FieldError:
    matched = _AT_PATH.match(raw)
    message, path = (matched["message"], matched["path"]) if matched else (raw, None)
    if path:
        name = f"{name}{path}" if path.startswith("[") else f"{name}.{path.lstrip('.')}"
    return body_field_error(name, _plain(message))


def _require_shape_with_integral_numbers(body: bytes, body_type: type[msgspec.Struct]) -> None:
    """The body decoded again with every number that has no fraction taken as an integer."""
    try:
        value = _integral_floats_as_ints(msgspec.json.decode(body))
        msgspec.convert(value, body_type, strict=True)
    except RecursionError:
        raise _too_deep() from None
    except msgspec.ValidationError as error:
        raise _shape_problem(str(error)) from None


def _integral_floats_as_ints(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _integral_floats_as_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integral_floats_as_ints(item) for item in value]
    return value


def _too_deep() -> Problem:
    return Problem(
        400,
        "The request body nests arrays or objects too deeply to be read; no valid request "
        "nests more than a few levels.",
    )


def _require_well_formed(body: bytes) -> None:
    try:
        msgspec.json.decode(body)
    except RecursionError:
        raise _too_deep() from None
    except (UnicodeDecodeError, msgspec.DecodeError) as error:
        if str(error).startswith(_OUT_OF_RANGE):  # valid JSON; reported as a field error
            return
        raise _syntax_problem(body, str(error)) from None


def _syntax_problem(body: bytes, message: str) -> Problem:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(400, f"The request body is not valid UTF-8 (byte {error.start}).")
    if _LONE_SURROGATE.search(body):
        return Problem(
            400,
            "The request body is not valid JSON: it has a \\u escape for half of a UTF-16 "
            "surrogate pair, which is not a character.",
        )
    reason = message.removeprefix("JSON is malformed: ")
    if reason == "Input data was truncated":
        reason = "it ends before the JSON value does"
    return Problem(400, f"The request body is not valid JSON ({reason}).")


def _shape_problem(raw: str) -> Problem:
    matched = _AT_PATH.match(raw)
    message, path = (matched["message"], matched["path"]) if matched else (raw, None)
    if path is None:  # about the body as a whole
        if unknown := _UNKNOWN_FIELD.match(message):
            return field_problem(unknown["field"], "is not a field of this request")
        if missing := _MISSING_FIELD.match(message):
            return field_problem(missing["field"], "is required")
        if wrong := _EXPECTED_GOT.match(message):
            return Problem(
                422,
                f"The request body must be a JSON object, not {_json_type(wrong['got'])}.",
            )
        return Problem(422, f"The request body is invalid: {message}.")
    field = path.lstrip(".")
    if unknown := _UNKNOWN_FIELD.match(message):
        return field_problem(f"{field}.{unknown['field']}", "is not a field of this request")
    if missing := _MISSING_FIELD.match(message):
        return field_problem(f"{field}.{missing['field']}", "is required")
    return field_problem(field, _plain(message))


def _plain(message: str) -> str:
    if message == _OUT_OF_RANGE:
        return "is a number too large to represent"
    if wrong := _EXPECTED_GOT.match(message):
        return f"must be {_json_type(wrong['expected'])}, not {_json_type(wrong['got'])}"
    if bound := _EXPECTED_BOUND.match(message):
        return f"must be {bound['bound']}"
    return message[:1].lower() + message[1:]


def _json_type(name: str) -> str:
    """`int | null` (an optional field) reads as what a client should send: an integer."""
    options = [option.strip() for option in name.split("|")]
    wanted = [option for option in options if option != "null"] or options
    return " or ".join(_JSON_TYPES.get(option, f"`{option}`") for option in wanted)
