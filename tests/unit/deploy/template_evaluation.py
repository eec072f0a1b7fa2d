"""Decide a template's Conditions and Rules for given parameters, and follow its dependencies.

Covers the intrinsic functions these templates use in Conditions and Rules (Ref to parameters
and pseudo parameters, Fn::Equals, Not, And, Or, Condition, If, Join, Select, Contains,
EachMemberEquals); any other raises, so a condition is never silently misread.
"""

import re
from typing import Any

PSEUDO = {"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"}
NO_VALUE = {"Ref": "AWS::NoValue"}
Values = dict[str, Any]


def parameter_values(template: dict[str, Any], overrides: dict[str, str] | None = None) -> Values:
    """Each parameter's default or override; a CommaDelimitedList as a list of strings."""
    values: Values = {}
    for name, declared in template.get("Parameters", {}).items():
        raw = (overrides or {}).get(name, declared.get("Default"))
        if raw is None:
            raw = "required-value"
        if declared["Type"] == "CommaDelimitedList":
            values[name] = [item.strip() for item in str(raw).split(",")]
        else:
            values[name] = str(raw)
    return values


def evaluate(node: Any, values: Values, conditions: dict[str, bool]) -> Any:
    if isinstance(node, list):
        return [evaluate(item, values, conditions) for item in node]
    if not isinstance(node, dict):
        return node
    if len(node) != 1:
        raise ValueError(f"not an intrinsic function: {node}")
    ((function, args),) = node.items()
    if function == "Ref":
        if args in values:
            return values[args]
        return PSEUDO[args]
    if function == "Condition":
        return conditions[args]
    arguments = evaluate(args, values, conditions) if function != "Fn::If" else args
    match function:
        case "Fn::Equals":
            left, right = arguments
            return _text(left) == _text(right)
        case "Fn::Not":
            return not _bool(arguments[0])
        case "Fn::And":
            return all(_bool(a) for a in arguments)
        case "Fn::Or":
            return any(_bool(a) for a in arguments)
        case "Fn::Join":
            separator, items = arguments
            return separator.join(items)
        case "Fn::Select":
            index, items = arguments
            return items[int(index)]
        case "Fn::Contains":
            allowed, value = arguments
            return value in allowed
        case "Fn::EachMemberEquals":
            items, wanted = arguments
            return all(item == wanted for item in items)
        case "Fn::If":
            name, when_true, when_false = args
            return evaluate(when_true if conditions[name] else when_false, values, conditions)
    raise ValueError(f"{function} is not evaluated here")


def _text(value: Any) -> Any:
    return value if isinstance(value, list) else str(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"not a boolean: {value!r}")
    return value


def decided_conditions(
    template: dict[str, Any], overrides: dict[str, str] | None = None
) -> dict[str, bool]:
    values = parameter_values(template, overrides)
    definitions: dict[str, Any] = template.get("Conditions", {})
    decided: dict[str, bool] = {}

    class Lazy(dict[str, bool]):
        def __missing__(self, name: str) -> bool:
            self[name] = _bool(evaluate(definitions[name], values, self))
            return self[name]

    lazy = Lazy()
    for name in definitions:
        decided[name] = lazy[name]
    return decided


def failed_rules(template: dict[str, Any], overrides: dict[str, str] | None = None) -> list[str]:
    """The rules whose assertions fail for these parameters (what CloudFormation refuses)."""
    values = parameter_values(template, overrides)
    failed = []
    for name, rule in template.get("Rules", {}).items():
        condition = rule.get("RuleCondition")
        if condition is not None and not _bool(evaluate(condition, values, {})):
            continue
        if not all(_bool(evaluate(a["Assert"], values, {})) for a in rule["Assertions"]):
            failed.append(name)
    return failed


def active_resources(template: dict[str, Any], conditions: dict[str, bool]) -> set[str]:
    return {
        name
        for name, resource in template["Resources"].items()
        if "Condition" not in resource or conditions[resource["Condition"]]
    }


_SUB_NAME = re.compile(r"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")


def references(node: Any, conditions: dict[str, bool]) -> set[str]:
    """Names referenced by Ref, GetAtt and Sub, with each Fn::If decided by `conditions`."""
    if isinstance(node, list):
        return set().union(*(references(item, conditions) for item in node))
    if not isinstance(node, dict):
        return set()
    if set(node) == {"Fn::If"}:
        name, when_true, when_false = node["Fn::If"]
        return references(when_true if conditions[name] else when_false, conditions)
    if set(node) == {"Ref"}:
        return {node["Ref"]}
    if set(node) == {"Fn::GetAtt"}:
        return {node["Fn::GetAtt"][0]}
    if set(node) == {"Fn::Sub"}:
        text = node["Fn::Sub"] if isinstance(node["Fn::Sub"], str) else node["Fn::Sub"][0]
        return set(_SUB_NAME.findall(text))
    return set().union(*(references(value, conditions) for value in node.values()))


def direct_dependencies(
    template: dict[str, Any], name: str, conditions: dict[str, bool]
) -> set[str]:
    """What CloudFormation creates before `name`: DependsOn, and every resource it references
    (in its properties or metadata)."""
    resource = template["Resources"][name]
    depends_on = resource.get("DependsOn", [])
    explicit = {depends_on} if isinstance(depends_on, str) else set(depends_on)
    found = references(resource.get("Properties", {}), conditions)
    found |= references(resource.get("Metadata", {}), conditions)
    return (explicit | found) & set(template["Resources"])


def dependencies(template: dict[str, Any], name: str, conditions: dict[str, bool]) -> set[str]:
    """Every resource created before `name` (the transitive closure)."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        for found in direct_dependencies(template, todo.pop(), conditions) - seen:
            seen.add(found)
            todo.append(found)
    return seen


def decide_ifs(node: Any, conditions: dict[str, bool]) -> Any:
    """`node` with each Fn::If decided by `conditions` and each AWS::NoValue dropped."""
    if isinstance(node, dict):
        if set(node) == {"Fn::If"}:
            name, when_true, when_false = node["Fn::If"]
            return decide_ifs(when_true if conditions[name] else when_false, conditions)
        return {k: decide_ifs(v, conditions) for k, v in node.items() if v != NO_VALUE}
    if isinstance(node, list):
        items = [decide_ifs(item, conditions) for item in node]
        return [item for item in items if item != NO_VALUE]
    return node
