"""Writing a found article as a seeds article: its id, our front matter (every value
with its evidence), the text, and the input's original bytes under ``seeds/raw/``."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import yaml

from ..articles import SLUG_MAX_LENGTH
from ..seeds import RAW_FOLDER
from .found import FIELDS, FoundArticle

ARTICLES_FOLDER = "articles"
# Room for the suffix a clash adds (-2) and for extraction's prefixes (x-<id>-q12).
ID_LENGTH = 80
TITLE_WORDS = 8
PUBLISHER_WORDS = 3


def slug(text: str, max_words: int | None = None) -> str:
    """Lowercase ASCII words joined by hyphens; accents dropped, other scripts too."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words] if max_words else words)


def choose_id(found: FoundArticle, taken: set[str]) -> str:
    """``<publisher>-<published>-<title words>``, like the hand-made seeds ids."""
    parts = [
        slug(found.value("publisher") or "", PUBLISHER_WORDS),
        found.value("published") or "",
        slug(found.value("title") or "", TITLE_WORDS),
    ]
    if not parts[2]:  # a title in another script, or none: the text's hash tells it apart
        parts[2] = hashlib.sha256(found.text.encode("utf-8")).hexdigest()[:8]
    base = "-".join(part for part in parts if part)[:ID_LENGTH].strip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    assert len(candidate) <= SLUG_MAX_LENGTH
    return candidate


def raw_path(found: FoundArticle, article_id: str) -> str | None:
    """Where the input's bytes are kept, relative to the seeds folder.

    A page's copy is named after its article; an input holding several articles is
    kept once, named by its content hash, so adding the same feed again reuses it.
    """
    raw = found.raw
    if raw is None:
        return None
    if raw.shared:
        stem = slug(Path(raw.name).stem or raw.name, 6) or "input"
        digest = hashlib.sha256(raw.data).hexdigest()[:12]
        return f"{RAW_FOLDER}/{stem}-{digest}{raw.suffix}"
    return f"{RAW_FOLDER}/{article_id}{raw.suffix}"


def front_matter(found: FoundArticle, article_id: str, raw: str | None) -> dict:
    """Our front matter: values the input had kept as written, the rest with evidence."""
    data: dict = {"id": article_id}
    for key in FIELDS:
        if key in found.kept_front_matter:
            data[key] = found.kept_front_matter[key]
        elif key in found.values:
            value = found.values[key]
            data[key] = {
                "value": value.value,
                "inferred": value.inferred,
                "evidence": value.evidence,
            }
    for key, value in found.kept_front_matter.items():
        if key not in data and key != "notes":
            data[key] = value
    if raw:
        data["raw"] = raw
    notes = [str(found.kept_front_matter["notes"])] if found.kept_front_matter.get("notes") else []
    notes.append(f"Added with timeline add from {found.origin}.")
    notes += found.notes
    data["notes"] = " ".join(notes)
    return data


def write_article(
    seeds_dir: Path, found: FoundArticle, article_id: str, path: Path | None = None
) -> tuple[Path, str | None]:
    """Write the article (at ``path`` when it replaces one) and its raw copy."""
    raw = raw_path(found, article_id)
    if raw and found.raw:
        target = seeds_dir / raw
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != found.raw.data:
            target.write_bytes(found.raw.data)
    header = yaml.safe_dump(
        front_matter(found, article_id, raw),
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,  # one value, one line: evidence is easier to read unbroken
    )
    path = path or seeds_dir / ARTICLES_FOLDER / f"{article_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the text's own line endings: its offsets are counted on them.
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(f"---\n{header}---\n{found.text}")
    return path, raw
