"""What ``timeline add`` prints: each article written with what was read and what was
guessed, each duplicate with the article it already is, each input's problem."""

from __future__ import annotations

from pathlib import Path

from ..seeds import display_path
from .found import FIELDS
from .run import AddResult

ENGLISH = "en"


def _shown(path: Path) -> str:
    return display_path(path, Path.cwd())


def report_lines(result: AddResult) -> list[tuple[str, str]]:
    """(kind, line) pairs: kind is ``out`` (standard output) or ``error``."""
    lines: list[tuple[str, str]] = []
    for written in result.written:
        verb = "Replaced" if written.replaced else "Wrote"
        raw = f"; original kept as {_shown(written.raw_file)}" if written.raw_file else ""
        lines.append(("out", f"{verb} {_shown(written.path)} (from {written.origin}{raw})"))
        article = written.article
        for key in FIELDS:
            if key in article.kept_front_matter:
                lines.append(
                    ("out", f"  kept     {key}: {article.value(key)} (the file's front matter)")
                )
            elif key in article.values:
                value = article.values[key]
                how = "guessed" if value.inferred else "read   "
                lines.append(("out", f"  {how}  {key}: {value.value} ({value.evidence})"))
        language = article.value("language")
        if language and language.lower().replace("_", "-").split("-")[0] != ENGLISH:
            lines.append(
                (
                    "out",
                    f"  note: language {language!r}: timeline load keeps the article but "
                    "extracts nothing from it (the extraction rules read English)",
                )
            )
    for duplicate in result.duplicates:
        lines.append(
            (
                "out",
                f"Already added: {duplicate.origin} is {_shown(duplicate.existing)} "
                f"({duplicate.reason}); not written again (--update replaces it)",
            )
        )
    for problem in result.problems:
        lines.append(("error", f"Error: {problem}"))
    count = len(result.written)
    written = f"{count} article{'' if count == 1 else 's'} written"
    summary = f"{written}, {len(result.duplicates)} already there"
    if result.problems:
        summary += f", {len(result.problems)} not added (see the errors above)"
    lines.append(("out", summary))
    return lines
