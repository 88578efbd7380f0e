"""Adding a spelling to a curated actor, or a curated actor, in the file people keep.

The actors file is written by hand, with comments that explain the corpus; it is
edited as text, one line inserted, never re-dumped, so every comment and layout
survives. Whatever the edit, the load that follows checks it like any record.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..yaml_records import line_of, load_yaml


def add_alias(text: str, file: str, actor_id: str, alias: str) -> str | None:
    """``text`` with ``alias`` added to actor ``actor_id``'s aliases (None when the
    file does not define it)."""
    content = load_yaml(text, file)
    actors = content.get("actors") if isinstance(content, dict) else None
    record = next((a for a in actors or [] if a.get("id") == actor_id), None)
    if record is None:
        return None
    lines = text.splitlines(keepends=True)
    first = line_of(record) - 1  # the record's "- id:" line, 0-based
    later = [line_of(a) - 1 for a in actors if line_of(a) - 1 > first]
    end = min(later) if later else len(lines)
    item = re.match(r"\s*-\s*", lines[first]).end()  # where the record's keys start
    flow = yaml.safe_dump([alias], default_flow_style=True, allow_unicode=True).strip()[1:-1]
    for index in range(first, end):
        found = re.match(r"(\s*-?\s*)aliases:\s*(\[.*\])\s*(#.*)?$", lines[index].rstrip("\n"))
        if found:
            opening = lines[index].rindex("]")
            existing = found.group(2)[1:-1].strip()
            joiner = ", " if existing else ""
            lines[index] = lines[index][:opening] + joiner + flow + lines[index][opening:]
            return "".join(lines)
        block = re.match(r"(\s*-?\s*)aliases:\s*(#.*)?$", lines[index].rstrip("\n"))
        if block:
            last = index
            while last + 1 < end and re.match(r"\s*- ", lines[last + 1]):
                last += 1
            indent = re.match(r"\s*", lines[last + 1 if last == index else last]).group()
            if last == index:
                indent = " " * (item + 2)
            lines.insert(last + 1, f"{indent}- {flow}\n")
            return "".join(lines)
    # No aliases yet: after the record's last line that is not blank or a comment.
    last = end - 1
    while last > first and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
        last -= 1
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, " " * item + f"aliases: [{flow}]\n")
    return "".join(lines)


def append_actor(text: str, file: str, record: dict[str, Any]) -> str | None:
    """``text`` with ``record`` appended to its ``actors:`` list, when that list is the
    file's last key (else None: the caller writes the actor elsewhere)."""
    content = load_yaml(text, file)
    if not isinstance(content, dict) or list(content)[-1:] != ["actors"]:
        return None
    actors = content["actors"] or []
    indent = 2
    if actors:
        lines = text.splitlines()
        indent = re.match(r"\s*", lines[line_of(actors[0]) - 1]).end()
    dumped = yaml.safe_dump([record], sort_keys=False, allow_unicode=True, width=100)
    block = "".join(" " * indent + line + "\n" for line in dumped.splitlines())
    return text.rstrip("\n") + "\n\n" + block
