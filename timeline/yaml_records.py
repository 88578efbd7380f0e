"""Seed YAML: values from yaml-rs, line numbers and refusals from libyaml.

Two readers, one meaning. **Values** always come from yaml-rs (a Rust YAML 1.2
parser): about ten times faster than PyYAML building the same objects, which decided
a full load's speed. YAML 1.2 also ends the "Norway problem": ``yes``, ``no``, ``on``
and ``off`` are text, only ``true``/``false`` are booleans.

**libyaml** (through PyYAML) never builds values here. It reads the same text as an
event stream or a node tree, to give every mapping its line numbers for error messages
(only when asked: a streaming load that finds no problem never needs them), to refuse
tags seed files have no use for, and to word syntax errors the way the README shows.
Aliases are refused by yaml-rs itself ("billion laughs"), duplicate keys too.

A plain scalar that YAML reads as a number or a boolean (``007``, ``1.50``, ``0x1F``,
``true``) keeps the text it was written as, next to its value (``written``), for the
fields that are text: an id ``007`` is not the number 7.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
import yaml_rs

from .errors import Problem, SeedError


class LocatedDict(dict):
    """A YAML mapping that knows the line it starts on, for error messages."""

    line: int | None = None
    # The line of each key, in key order: a tuple, not a dict, because every mapping of
    # a large seeds folder carries one and only error messages read it.
    key_lines: tuple[int, ...] = ()
    # {key: source text} of the values YAML read as a number or boolean whose text is
    # not what str() gives back (007, 1.50, true); None when there is none (most).
    written: dict[Any, str] | None = None


class WrittenList(list):
    """A YAML sequence some of whose items YAML read as numbers or booleans written
    otherwise than str() gives back: {index: source text} in ``written``."""

    written: dict[int, str]


def as_written(container: Any, key: Any) -> Any:
    """``container[key]``, or the text it was written as when YAML read a number or a
    boolean there (``007`` -> '007'). Only located reads know that text."""
    value = container[key]
    written = getattr(container, "written", None)
    if written and key in written:
        return written[key]
    return value


# libyaml's C parser when PyYAML has it (it does on every platform with a wheel).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Seed records nest a few levels (events > sources > one source). Both parsers recurse
# on nesting: 100,000 opening brackets crash libyaml's composer, and 100,000 "- "
# crash yaml-rs (a segmentation fault, no exception). So depth is checked first, on
# libyaml's event stream, which it produces without recursion. That check builds a
# Python object per event, as slow as the parse it protects, so it runs only on text
# that could nest that deep: block nesting needs indentation or several indicators
# on one line (each indented column opens at most a mapping and a sequence), and
# yaml-rs refuses flow nesting beyond 256 levels on its own.
MAX_DEPTH = 100
_DEEP_INDENT = re.compile(r"^ {30,}", re.MULTILINE)
_MANY_INDICATORS = re.compile(r"^(?>[^\n]*?[-?:][ \t]){38}", re.MULTILINE)

# Any alias is refused: seed files never need one.
_NO_ALIASES = yaml_rs.AliasLimits(
    max_total_replayed_events=0, max_replay_stack_depth=0, max_alias_expansions_per_anchor=0
)
# Tags that only restate a plain value's type; any other (!!python/..., !!binary,
# !custom) is refused rather than silently dropped.
_PLAIN_TAGS = {"!"} | {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
}
_YAML_RS_LOCATION = re.compile(r"line (\d+), column (\d+)")
# Where a tag could start: a node begins after a space, a line start or a flow
# indicator, so "Glory to Ukraine!" in a quote needs no tag check (libyaml's event
# stream, as slow as the parse itself).
_MAY_HAVE_TAG = re.compile(r"(?:^|[\s\[{,])!", re.MULTILINE)


class SeedYAMLError(yaml.MarkedYAMLError):
    """Valid YAML that seed files refuse; carries its own hint (not a syntax problem)."""

    def __init__(self, problem: str, mark, hint: str | None = None):
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


def load_yaml(text: str, file: str, first_line: int = 1, located: bool = True) -> Any:
    """Parse YAML text; any syntax problem becomes a SeedError naming file and line.

    ``first_line``: the file line the text starts on (front matter starts on line 2).
    ``located``: give mappings their line numbers (LocatedDict); without them the
    values are the same, only error messages lose their lines.
    """
    _refuse_nul_and_inner_bom(text, file, first_line)
    try:
        if _may_nest_deeply(text):
            _check_depth(text)
    except SeedYAMLError as error:
        raise _seed_error(error, file, first_line) from None
    except yaml.YAMLError:
        pass  # not too deep, only a syntax error: yaml-rs says which
    try:
        value = yaml_rs.loads(text, parse_datetime=False, alias_limits=_NO_ALIASES)
    except (yaml_rs.YAMLDecodeError, ValueError, OverflowError) as error:
        raise _syntax_error(text, file, first_line, error) from None
    try:
        if isinstance(value, list) and _SECOND_DOCUMENT.search(text):
            _refuse_several_documents(text, file, first_line)
        if _MAY_HAVE_TAG.search(text):
            _refuse_tags(text)
        if located:
            node = yaml.compose(text, Loader=_SafeLoader)
            return _with_lines(value, node, first_line - 1)
    except SeedYAMLError as error:
        raise _seed_error(error, file, first_line) from None
    except yaml.YAMLError:
        # libyaml stricter than yaml-rs on some corner of the grammar (a control
        # character, say): the values stand, only their line numbers are lost.
        pass
    return value


def _with_lines(value: Any, node: yaml.Node | None, line_offset: int) -> Any:
    """The value again, its mappings as LocatedDicts with the lines of ``node``'s tree."""
    if isinstance(value, dict) and isinstance(node, yaml.MappingNode):
        located = LocatedDict()
        located.line = node.start_mark.line + 1 + line_offset
        pairs = node.value if len(node.value) == len(value) else [(None, None)] * len(value)
        lines = []
        for (key, item), (key_node, value_node) in zip(value.items(), pairs, strict=True):
            located[key] = _with_lines(item, value_node, line_offset)
            lines.append(key_node.start_mark.line + 1 + line_offset if key_node else None)
            if (text := _rewritten_scalar(item, value_node)) is not None:
                located.written = located.written or {}
                located.written[key] = text
        located.key_lines = tuple(lines)
        return located
    if isinstance(value, list) and isinstance(node, yaml.SequenceNode):
        if len(node.value) == len(value):
            items = [_with_lines(v, n, line_offset) for v, n in zip(value, node.value, strict=True)]
            written = {
                index: text
                for index, (item, item_node) in enumerate(zip(value, node.value, strict=True))
                if (text := _rewritten_scalar(item, item_node)) is not None
            }
            if written:
                items = WrittenList(items)
                items.written = written
            return items
    return value


def _rewritten_scalar(value: Any, node: yaml.Node | None) -> str | None:
    """The source text of a plain scalar YAML read as a number or boolean, when str()
    of the value does not give it back (``007``, ``1.50``, ``0x1F``, ``true``)."""
    if isinstance(value, bool | int | float) and isinstance(node, yaml.ScalarNode):
        if not node.style and node.value != str(
            value
        ):  # plain: None, or "" from libyaml's C composer
            return node.value
    return None


# A document start ("---") or end ("...") marker at the start of a line after the first
# line: only then can a file hold a second document.
_SECOND_DOCUMENT = re.compile(r"\n(?:---|\.\.\.)(?=[ \t\r\n]|\Z)")
_NUL_OR_INNER_BOM = re.compile("\x00|^\ufeff", re.MULTILINE)


def _refuse_nul_and_inner_bom(text: str, file: str, first_line: int) -> None:
    """A NUL ends the text for yaml-rs: every record after it would vanish without a word.
    A byte-order mark at the start of a line (files joined together; the one a file may
    start with is removed by its reader) would become part of a key. Both are refused
    where they are."""
    if "\x00" not in text and "\ufeff" not in text:  # far faster than the search
        return
    found = _NUL_OR_INNER_BOM.search(text)
    if not found:
        return
    line = text.count("\n", 0, found.start()) + first_line
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    if found.group() == "\x00":
        raise SeedError(
            Problem(
                f"a NUL character (byte 0x00) at line {line}, column {column}: YAML cannot "
                "hold it, and the rest of the text would be lost",
                file=file,
                line=line,
                hint="remove it; a NUL usually means the file was damaged or is not text",
            )
        )
    raise SeedError(
        Problem(
            f"a byte-order mark (U+FEFF) at line {line}, column {column}: only the very "
            "start of a file may have one",
            file=file,
            line=line,
            hint="were two files joined together? Delete the invisible character that "
            "starts that line; some editors show it as <feff>",
        )
    )


def _refuse_several_documents(text: str, file: str, first_line: int) -> None:
    """A record file is one YAML document; a second one (after a "---" line) would be
    read as a list of documents, and its records refused with a puzzling message."""
    starts = 0
    for event in _events(text):
        if isinstance(event, yaml.DocumentStartEvent):
            starts += 1
            if starts == 2:
                raise SeedError(
                    Problem(
                        "a second YAML document starts here ('---'); a seed file is one document",
                        file=file,
                        line=event.start_mark.line + first_line,
                        hint="remove the '---' line, since one record file may list "
                        "actors, places, events, quotes and figures together, or split the file",
                    )
                )


def _events(text: str):
    return yaml.parse(text, Loader=_SafeLoader)


def _refuse_tags(text: str) -> None:
    for event in _events(text):
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _PLAIN_TAGS:
            raise SeedYAMLError(
                f"could not determine a constructor for the tag {tag!r}",
                event.start_mark,
                "seed files take plain YAML values; remove the tag",
            )


def _may_nest_deeply(text: str) -> bool:
    """False only when no line can be more than MAX_DEPTH block levels deep (an upper
    bound: twice the indentation plus the indicators on the line)."""
    return bool(_DEEP_INDENT.search(text) or _MANY_INDICATORS.search(text))


def _check_depth(text: str) -> None:
    """Refuse collections nested deeper than MAX_DEPTH before anything recurses on them.

    Our limit must be the one that speaks, whatever the parser's version: libyaml's C
    scanner reads a flow collection's tokens ahead of its events, and since PyYAML
    6.0.4 it stops at its own depth limit (about 1,000) before the first event reaches
    us. When it does, PyYAML's pure-Python parser, which yields each event as it reads
    it and has no limit of its own, counts again and stops at ours.
    """
    try:
        _count_depth(_events(text))
    except SeedYAMLError:
        raise
    except yaml.YAMLError as error:
        if "nesting depth" not in str(error):
            raise
        _count_depth(yaml.parse(text, Loader=yaml.SafeLoader))
        raise


def _count_depth(events) -> None:
    depth = 0
    for event in events:
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


def _syntax_error(text: str, file: str, first_line: int, error: Exception) -> SeedError:
    """yaml-rs refused the text: say why in libyaml's words, which name the construct
    and its line ("mapping values are not allowed here"), or ours for what libyaml
    accepts but seeds refuse (aliases, duplicate keys); yaml-rs's own as a last resort."""
    try:
        _check_depth(text)
        if _MAY_HAVE_TAG.search(text):
            _refuse_tags(text)
        _refuse_aliases_and_duplicate_keys(yaml.compose(text, Loader=_SafeLoader))
    except yaml.MarkedYAMLError as libyaml_error:
        return _seed_error(libyaml_error, file, first_line)
    except (yaml.YAMLError, ValueError, RecursionError):
        pass
    lines = str(error).splitlines() or [type(error).__name__]
    found = _YAML_RS_LOCATION.search(lines[0])
    line = int(found.group(1)) + first_line - 1 if found else None
    return SeedError(
        Problem(
            f"malformed YAML: {lines[-1].strip()}",
            file=file,
            line=line,
            hint="check indentation, colons and quoting",
        )
    )


def _refuse_aliases_and_duplicate_keys(root: yaml.Node | None) -> None:
    """What libyaml's composer lets through and seed files refuse. An alias is a node
    met twice (the composer shares it); its mark is the anchored value it repeats."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise SeedYAMLError(
                "YAML aliases (*name) are not allowed in seed files: the value anchored "
                "here (&name) is repeated by an alias; write each value out",
                node.start_mark,
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in keys:
                        raise SeedYAMLError(
                            f"key {key_node.value!r} appears twice in the same mapping",
                            key_node.start_mark,
                            f"keep one {key_node.value!r}; the second would silently "
                            "replace the first",
                        )
                    keys.add(key_node.value)
                stack += [key_node, value_node]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def _seed_error(error: yaml.MarkedYAMLError, file: str, first_line: int) -> SeedError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + first_line if mark else None
    message = error.problem or "invalid YAML"
    if error.context:
        message = f"{error.context}, {message}"
    return SeedError(
        Problem(f"malformed YAML: {message}", file=file, line=line, hint=_hint(error, message))
    )


def _hint(error: yaml.MarkedYAMLError, message: str) -> str | None:
    if isinstance(error, SeedYAMLError):
        return error.hint
    if "invalid Unicode character escape" in message:
        return (
            "a \\uD800-\\uDFFF escape is half of a surrogate pair, not a character; "
            "write the character itself, or \\U0001F600 for one beyond \\uFFFF"
        )
    return "check indentation, colons and quoting"


def line_of(value: Any, default: int | None = None, key: Any = None) -> int | None:
    """The line a mapping (or, given ``key``, one of its keys) starts on."""
    key_lines = getattr(value, "key_lines", ())
    if key is not None and key_lines and key in value:
        return key_lines[list(value).index(key)] or default
    return getattr(value, "line", None) or default
