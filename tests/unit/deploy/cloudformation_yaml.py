"""Read a CloudFormation YAML template into plain data, short-form tags in their long form."""

from pathlib import Path
from typing import Any

import yaml

TEMPLATES = Path(__file__).resolve().parents[3] / "infrastructure" / "aws" / "deploy_templates"
MAIN_TEMPLATE = TEMPLATES / "scenegen.yaml"
AWS_ONLY_TEMPLATE = TEMPLATES / "scenegen-aws-only.yaml"
ECR_TEMPLATE = TEMPLATES / "scenegen-ecr.yaml"
ALL_TEMPLATES = (MAIN_TEMPLATE, AWS_ONLY_TEMPLATE, ECR_TEMPLATE)


class _Loader(yaml.SafeLoader):
    """SafeLoader that turns `!Ref X` into {"Ref": "X"} and `!Sub s` into {"Fn::Sub": s}."""


def _intrinsic(loader: _Loader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if suffix == "Ref":
        return {"Ref": value}
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{suffix}": value}


_Loader.add_multi_constructor("!", _intrinsic)


def load(path: Path) -> dict[str, Any]:
    template: dict[str, Any] = yaml.load(path.read_text(), Loader=_Loader)
    return template
