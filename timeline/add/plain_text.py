"""Plain text and Markdown files: front matter kept if present, otherwise the first
line offered as the title; the text itself stays byte for byte."""

from __future__ import annotations

from ..articles import split_front_matter
from ..errors import SeedError
from ..yaml_records import load_yaml
from .found import FoundArticle, InputProblem, RawInput, Value

# A first line longer than this, or ending like a sentence, is text, not a headline.
MAX_TITLE_WORDS = 25


def read_text(data: bytes, origin: str, suffix: str) -> FoundArticle:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputProblem(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at byte {error.start})",
            hint="re-save the file as UTF-8",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    front_text, body, _ = split_front_matter(text)
    kept: dict = {}
    notes = []
    if front_text is not None:
        try:
            meta = load_yaml(front_text, origin, 2) or {}
        except SeedError as error:
            raise InputProblem(f"has front matter that is not valid YAML: {error}") from None
        if not isinstance(meta, dict):
            raise InputProblem("has front matter that is not a mapping (key: value lines)")
        # Every key is kept: the loader maps synonyms and keeps unknown keys in
        # sources.extra. The id and the raw copy are the new article's own.
        kept = {key: _plain(value) for key, value in meta.items() if key not in ("id", "raw")}
    if not body.strip():
        raise InputProblem("has no text after its front matter" if front_text else "is empty")
    values = {}
    if "title" not in kept:
        title = _title_candidate(body, 2 + front_text.count("\n") + 1 if front_text else 0)
        if title:
            values["title"] = title
    return FoundArticle(
        text=body,
        origin=origin,
        values=values,
        raw=RawInput(data, suffix, name=""),
        notes=notes,
        kept_front_matter=kept,
    )


def _title_candidate(body: str, first_body_line: int) -> Value | None:
    for number, line in enumerate(body.splitlines(), 1):
        if not line.strip():
            continue
        line = line.strip().lstrip("#").strip()
        words = line.split()
        if not words or len(words) > MAX_TITLE_WORDS or line.endswith((".", ",", ";", ":")):
            return None
        file_line = number + (first_body_line - 1 if first_body_line else 0)
        return Value(line, f"the first line of the text (line {file_line})", inferred=True)
    return None


def _plain(value):
    """YAML values as plain dicts and lists (the loader's located mappings are subclasses,
    which the YAML writer refuses)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
