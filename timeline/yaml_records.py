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


# Seed records nest a few levels (events > sources > one source). libyaml composes
# nodes recursively in C: a file of 100,000 opening brackets crashes the interpreter
# (a segmentation fault, no exception), so depth is checked first, on the parser's
# event stream, which libyaml produces without recursion.
MAX_DEPTH = 100


class SeedYAMLError(yaml.MarkedYAMLError):
    """Valid YAML that seed files refuse; carries its own hint (not a syntax problem)."""

    def __init__(self, problem: str, mark, hint: str | None = None):
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class RecordLoader(_SafeLoader):
    """SafeLoader plus: line numbers on mappings, no aliases, no duplicate keys.

    Aliases are refused outright: seed files never need them, and they are how a small
    file expands into a huge one ("billion laughs"). An alias is a node met a second
    time while constructing; its mark is the anchored value it repeats.
    """

    line_offset = 0

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            raise SeedYAMLError(
                "YAML aliases (*name) are not allowed in seed files: the value "
                "anchored here (&name) is repeated by an alias; write each value out",
                node.start_mark,
            )
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as error:
            # A tagged value the constructor refuses (!!timestamp 2020-02-30, !!int x):
            # say where, like a syntax error.
            raise SeedYAMLError(
                f"cannot read this value ({node.tag}): {error}",
                node.start_mark,
                "remove the !!tag or fix the value",
            ) from None


def _construct_located_mapping(loader: RecordLoader, node: yaml.MappingNode):
    data = LocatedDict()
    data.line = node.start_mark.line + 1 + loader.line_offset
    lines = []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise SeedYAMLError(
                "a mapping key must be a plain value, not a list or mapping", key_node.start_mark
            )
        if key in data:
            raise SeedYAMLError(
                f"key {key!r} appears twice in the same mapping",
                key_node.start_mark,
                f"keep one {key!r}; the second would silently replace the first",
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
        _check_depth(text)
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
                hint=_hint(error, message),
            )
        ) from None
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise SeedError(Problem(f"malformed YAML: {error}", file=file)) from None
    finally:
        loader.dispose()


def _hint(error: yaml.MarkedYAMLError, message: str) -> str | None:
    if isinstance(error, SeedYAMLError):
        return error.hint
    if "invalid Unicode character escape" in message:
        return (
            "a \\uD800-\\uDFFF escape is half of a surrogate pair, not a character; "
            "write the character itself, or \\U0001F600 for one beyond \\uFFFF"
        )
    if "could not determine a constructor" in message:
        return "seed files take plain YAML values; remove the tag"
    return "check indentation, colons and quoting"


def _check_depth(text: str) -> None:
    """Refuse collections nested deeper than MAX_DEPTH before anything recurses on them."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise SeedYAMLError(
                    f"lists or mappings nested more than {MAX_DEPTH} levels deep",
                    event.start_mark,
                    "seed records need only a few levels; is this file really a record file?",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def line_of(value: Any, default: int | None = None, key: Any = None) -> int | None:
    """The line a mapping (or, given ``key``, one of its keys) starts on."""
    key_lines = getattr(value, "key_lines", ())
    if key is not None and key_lines and key in value:
        return key_lines[list(value).index(key)]
    return getattr(value, "line", None) or default
