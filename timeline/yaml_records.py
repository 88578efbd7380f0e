"""Safe YAML reading that remembers line numbers and refuses what we never want in seeds."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Problem, SeedError


class LocatedDict(dict):
    """A YAML mapping that knows the line it starts on, for error messages."""

    line: int | None = None
    # The line of each key, in key order: a tuple, not a dict, because every mapping of
    # a large seeds folder carries one and only error messages read it.
    key_lines: tuple[int, ...] = ()


# libyaml's C parser when PyYAML has it (it does on every platform with a wheel): about
# five times faster than the pure-Python one; the constructor stays ours either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RecordLoader(_SafeLoader):
    """SafeLoader plus: line numbers on mappings, no aliases, no duplicate keys.

    Aliases are refused outright: seed files never need them, and they are how a small
    file expands into a huge one ("billion laughs"). An alias is a node met a second
    time while constructing; its mark is the anchored value it repeats.
    """

    line_offset = 0

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            raise yaml.MarkedYAMLError(
                problem="YAML aliases (*name) are not allowed in seed files: the value "
                "anchored here (&name) is repeated by an alias; write each value out",
                problem_mark=node.start_mark,
            )
        return super().construct_object(node, deep=deep)


def _construct_located_mapping(loader: RecordLoader, node: yaml.MappingNode):
    data = LocatedDict()
    data.line = node.start_mark.line + 1 + loader.line_offset
    lines = []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.MarkedYAMLError(
                problem="a mapping key must be a plain value", problem_mark=key_node.start_mark
            )
        if key in data:
            raise yaml.MarkedYAMLError(
                problem=f"key {key!r} appears twice in the same mapping",
                problem_mark=key_node.start_mark,
            )
        data[key] = loader.construct_object(value_node, deep=True)
        lines.append(key_node.start_mark.line + 1 + loader.line_offset)
    data.key_lines = tuple(lines)


RecordLoader.add_constructor("tag:yaml.org,2002:map", _construct_located_mapping)

# Dates stay text: PyYAML would turn 2025-08-10 into a date and crash on 2025-02-30;
# our own date parser gives precision and a clear message instead.
RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, file: str, first_line: int = 1) -> Any:
    """Parse YAML text; any syntax problem becomes a SeedError naming file and line.

    ``first_line`` is the file line the text starts on (front matter starts on line 2).
    """
    loader = RecordLoader(text)
    loader.line_offset = first_line - 1
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        message = error.problem or "invalid YAML"
        if error.context:
            message = f"{error.context}, {message}"
        raise SeedError(
            Problem(
                f"malformed YAML: {message}",
                file=file,
                line=line,
                hint=None if "aliases" in message else "check indentation, colons and quoting",
            )
        ) from None
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise SeedError(Problem(f"malformed YAML: {error}", file=file)) from None
    finally:
        loader.dispose()


def line_of(value: Any, default: int | None = None, key: Any = None) -> int | None:
    """The line a mapping (or, given ``key``, one of its keys) starts on."""
    key_lines = getattr(value, "key_lines", ())
    if key is not None and key_lines and key in value:
        return key_lines[list(value).index(key)]
    return getattr(value, "line", None) or default
