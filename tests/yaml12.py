"""YAML as an editor reads it: the YAML 1.2 core schema that yaml-language-server uses.

PyYAML follows YAML 1.1, where ``no`` is false, ``17:30`` is 1050 and ``1e3`` is text;
an editor's YAML 1.2 reads ``no`` and ``17:30`` as text and ``1e3`` as a number, and
refuses duplicate keys. Feeding the JSON Schema what this loader builds is what the
editor does, so comparing its verdict with `validate` compares editor and validator.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

_CORE = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
     r"|\.(?:nan|NaN|NAN))$", "-+0123456789."),
]


class DuplicateKey(yaml.YAMLError):
    """An editor's YAML refuses a mapping with a key twice (PyYAML keeps the last)."""


class Yaml12Loader(yaml.SafeLoader):
    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}  # only the core schema's, added below

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            raise DuplicateKey(f"duplicate key at line {node.start_mark.line + 1}")
        return super().construct_mapping(node, deep)

    def construct_yaml_bool(self, node: yaml.ScalarNode) -> bool:
        return str(self.construct_scalar(node)).lower() == "true"

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = str(self.construct_scalar(node))
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)


for _tag, _pattern, _first in _CORE:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", Yaml12Loader.construct_yaml_bool)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", Yaml12Loader.construct_yaml_int)


def load_like_an_editor(text: str) -> Any:
    """The document as a YAML 1.2 editor sees it; raises yaml.YAMLError where it shows an error."""
    return yaml.load(text, Loader=Yaml12Loader)  # a SafeLoader subclass: no tags run code
