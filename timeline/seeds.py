"""Reading a seeds folder: find article and record files, parse each, report every problem."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import NamedTuple

from .articles import ARTICLE_SUFFIXES, Article, decode_utf8, read_article
from .errors import Problem, SeedError
from .fields import did_you_mean, has_rewritten_text, keep_text_as_written
from .yaml_records import LocatedDict, line_of, load_yaml

RECORD_SUFFIXES = {".yaml", ".yml"}
RECORD_KINDS = ("actors", "places", "events", "quotes", "figures")
IGNORED_NAMES = {"readme.md", "readme.txt"}
# `timeline add` keeps the original bytes of each page, feed or scraper file here; a
# copy of a .txt or .md input must not load as a second article.
RAW_FOLDER = "raw"


@dataclass
class Entry:
    """One curated record as written, with the file it came from."""

    data: LocatedDict
    file: str
    seed_path: str = ""

    @property
    def line(self) -> int | None:
        return line_of(self.data)


@dataclass
class SeedFiles:
    """Everything read from a seeds folder, before cross-checking."""

    articles: list[Article] = field(default_factory=list)
    records: dict[str, list[Entry]] = field(
        default_factory=lambda: {kind: [] for kind in RECORD_KINDS}
    )
    warnings: list[str] = field(default_factory=list)


def seed_file_paths(seeds_dir: Path) -> list[Path]:
    """Article and record files below seeds_dir, sorted, hidden files and folders skipped,
    and the ``raw/`` folder of original inputs at its top (``listed_seed_files``)."""
    return [Path(path) for path, _ in listed_seed_files(seeds_dir)]


def listed_seed_files(seeds_dir: Path) -> list[tuple[str, os.stat_result]]:
    """(path, stat) of each article and record file below seeds_dir, sorted.

    ``os.walk`` prunes hidden folders before entering them and compares plain strings:
    ``Path.rglob`` took 0.7 s of a 2.6 s load at 20,000 files. The stat that tells a
    file from a folder is kept for the scan's stamps: statting again, and making a
    ``Path`` of every name, took a tenth of a second of a one-article load at 10,000.

    What cannot be listed or read is an error, never a file that is gone: a folder that
    cannot be listed, a link to an article whose target has gone (an unmounted share),
    a name that is not UTF-8. Taken as deleted, their rows would vanish from the
    database without a word.
    """
    suffixes = ARTICLE_SUFFIXES | RECORD_SUFFIXES
    prefix = len(os.path.join(str(seeds_dir), ""))
    found = []
    problems: list[Problem] = []

    def cannot_list(error: OSError) -> None:
        problems.append(_unreadable(error.filename or str(seeds_dir), error, "folder"))

    for folder, subfolders, names in os.walk(seeds_dir, onerror=cannot_list):
        top = folder == str(seeds_dir)  # os.walk yields the top folder as it was given
        inside = os.path.join(folder, "")
        subfolders[:] = [
            name
            for name in subfolders
            if not name.startswith(".") and not (top and name == RAW_FOLDER)
        ]
        for name in names:
            if name.startswith(".") or name.lower() in IGNORED_NAMES:
                continue
            if os.path.splitext(name)[1].lower() in suffixes:
                path = inside + name
                try:
                    stat = os.stat(path)  # follows a link, as os.path.isfile does
                except (OSError, ValueError):
                    stat = None
                if stat is not None and S_ISREG(stat.st_mode):
                    found.append((path, stat))
                elif os.path.islink(path):
                    problems.append(_dead_link(path))
    for path, _ in found:
        if not _is_utf8_name(path):
            problems.append(
                Problem(
                    "file name is not valid UTF-8; nothing was loaded",
                    file=printable_path(path),
                    hint="rename the file (or its folder) to a UTF-8 name",
                )
            )
    if problems:
        raise SeedError(problems)
    found.sort(key=lambda listed: listed[0][prefix:].split(os.sep))
    return found


def _is_utf8_name(path: str) -> bool:
    try:
        path.encode("utf-8")  # a name that was not UTF-8 decodes to lone surrogates
    except UnicodeEncodeError:
        return False
    return True


def printable_path(path: str | Path) -> str:
    """A path as it can be printed: bytes that are not UTF-8 shown as \\xe9."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _unreadable(path: str | Path, error: OSError, what: str = "file") -> Problem:
    return Problem(
        f"this {what} cannot be read ({error.strerror or error}); nothing was loaded, "
        "and its records are not taken as deleted",
        file=printable_path(path),
        hint=f"make the {what} readable (or mount the share it is on), "
        "or move it out of the seeds folder",
    )


def _dead_link(path: str) -> Problem:
    try:
        os.stat(path)
        reason = "its target cannot be opened"
    except OSError as error:
        reason = error.strerror or str(error)
    return Problem(
        f"is a link whose target cannot be read ({os.readlink(path)}: {reason}); "
        "nothing was loaded, and its records are not taken as deleted",
        file=printable_path(path),
        hint="mount the share or restore the target; to delete the article, remove the link",
    )


# An article's review file (``timeline.review``): hashed like every seed file, so a
# changed decision reloads, but read by the review package, not as records.
REVIEW_SUFFIX = ".review.yaml"


def file_kind(path: Path | str) -> str:
    name = os.path.basename(path).lower()
    if name.endswith(REVIEW_SUFFIX):
        return "review"
    return "article" if os.path.splitext(name)[1] in ARTICLE_SUFFIXES else "records"


def seed_path(path: Path | str, seeds_dir: Path) -> str:
    """A file's name in the database: relative to the seeds folder, with forward slashes."""
    folder = os.path.join(str(seeds_dir), "")
    text = str(path)
    if text.startswith(folder):  # the common case, without pathlib's parsing
        return text[len(folder) :].replace(os.sep, "/")
    return Path(path).relative_to(seeds_dir).as_posix()


def check_seeds_dir(seeds_dir: Path) -> None:
    if not seeds_dir.is_dir():
        raise SeedError(
            Problem(f"seeds folder {str(seeds_dir)!r} does not exist or is not a folder")
        )


class ScannedFile(NamedTuple):
    """A seed file's kind and SHA-256, and the size and modification time it had when
    hashed (None when it was modified too recently for those to be trusted)."""

    kind: str
    content_hash: str | None  # None until read, when the scan did not hash
    size: int | None = None
    mtime_ns: int | None = None

    def same_content(self, other: ScannedFile | None) -> bool:
        return other is not None and (self.kind, self.content_hash) == (
            other.kind,
            other.content_hash,
        )


# A file modified less than this before the scan may be modified again within the
# file system's timestamp resolution without its stamp changing ("racy git").
RACY_NS = 2_000_000_000


# The bytes a scan read to hash changed files are kept for the read that follows, up
# to this much: one changed article is then read once, not twice.
KEPT_BYTES = 32_000_000


def scan_seed_files(
    seeds_dir: Path,
    known: Mapping[str, ScannedFile] | None = None,
    hash_files: bool = True,
    kept: dict[str, bytes] | None = None,
) -> dict[str, ScannedFile]:
    """{seed path: ScannedFile} of every seed file: what an incremental load compares.

    A file whose size and modification time match its ``known`` stamp keeps the known
    hash without being read: at 10,000 articles hashing took a second. A folder with
    no seed file at all is refused: loading it would empty the database, which is far
    more often a wrong path than a wish.

    ``hash_files=False``: stamps only (``content_hash`` None), for a load that reads
    every file anyway and hashes the bytes it parses (``read_paths``). ``kept``: gets
    the bytes of the files read here, up to ``KEPT_BYTES``, for that read.
    """
    check_seeds_dir(seeds_dir)
    trusted_before = time.time_ns() - RACY_NS  # before any file is statted
    listed = listed_seed_files(seeds_dir)
    if not listed:
        raise SeedError(
            Problem(
                f"seeds folder {str(seeds_dir)!r} has no articles (*.txt, *.md) and no record "
                "files (*.yaml); nothing was loaded and the database is unchanged",
                hint="check the path; to empty a database, `timeline db downgrade base` removes "
                "every table",
            )
        )
    known = known or {}
    scanned = {}
    problems = []
    kept_size = 0
    for path, stat in listed:
        relative = seed_path(path, seeds_dir)
        previous = known.get(relative)
        if (
            previous is not None
            and previous.size == stat.st_size
            and previous.mtime_ns == stat.st_mtime_ns
        ):
            scanned[relative] = previous
            continue
        try:
            content = Path(path).read_bytes() if hash_files else None
        except OSError as error:
            problems.append(_unreadable(display_path(Path(path), seeds_dir), error))
            continue
        digest = None
        if content is not None:
            digest = hashlib.sha256(content).hexdigest()
            if kept is not None and kept_size + len(content) <= KEPT_BYTES:
                kept[relative] = content
                kept_size += len(content)
        stamped = stat.st_mtime_ns < trusted_before
        scanned[relative] = ScannedFile(
            file_kind(path),
            digest,
            stat.st_size if stamped else None,
            stat.st_mtime_ns if stamped else None,
        )
    if problems:
        raise SeedError(problems)
    return scanned


def read_seed_files(seeds_dir: Path, only: set[str] | None = None, progress=None) -> SeedFiles:
    """Parse every file (or the seed paths in ``only``); raise every problem together."""
    check_seeds_dir(seeds_dir)
    if only is None:
        paths = seed_file_paths(seeds_dir)
    else:  # a few files of a big folder: no need to walk it
        paths = [seeds_dir / relative for relative in sorted(only, key=lambda p: p.split("/"))]
        paths = [path for path in paths if path.is_file()]
    seeds = read_paths(paths, seeds_dir, progress=progress)
    if only is None and not seeds.articles:
        seeds.warnings.append(f"{seeds_dir}: no articles (*.txt, *.md) found")
    return seeds


def read_paths(
    paths: list[Path],
    seeds_dir: Path,
    progress=None,
    located: bool = True,
    contents: dict[str, bytes] | None = None,
    hashes: dict[str, str] | None = None,
) -> SeedFiles:
    """Parse these seed files; raise every problem together.

    ``located=False`` skips the line numbers of records (see yaml_records), for a
    reader that re-reads with them whenever it has a problem to report; an article's
    front matter is short and always located. ``contents``: bytes already read (by
    the scan), taken from it instead of reading the file again. ``hashes``: gets the
    SHA-256 of the bytes each file was parsed from, so the hash a load records is that
    of what it loaded.
    """
    seeds = SeedFiles()
    problems: list[Problem] = []
    for path in progress(paths, "Reading seed files") if progress else paths:
        display = display_path(path, seeds_dir)
        relative = seed_path(path, seeds_dir)
        try:
            data = contents.pop(relative, None) if contents else None
            if data is None:
                data = path.read_bytes()
            if hashes is not None:
                hashes[relative] = hashlib.sha256(data).hexdigest()
            kind = file_kind(path)
            if kind == "article":
                seeds.articles.append(
                    read_article(path, display, seeds.warnings, relative, data=data)
                )
            elif kind == "records":
                _read_record_file(data, display, seeds, relative, located)
        except SeedError as error:
            problems.extend(error.problems)
        except OSError as error:  # gone or unreadable since the folder was scanned
            problems.append(_unreadable(display, error))
    if problems:
        raise SeedError(problems)
    return seeds


def display_path(path: Path, seeds_dir: Path) -> str:
    """The path as the user would type it: relative to where they run the command."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_record_file(
    data: bytes, display: str, seeds: SeedFiles, relative: str, located: bool = True
) -> None:
    # A leading byte-order mark (Windows editors write one) is not part of the YAML.
    text = decode_utf8(data, display).removeprefix("\ufeff")
    content = load_yaml(text, display, located=located)
    if not located and _needs_written_text(content):
        # Only a located read knows how a number in a text field was written (007).
        content = load_yaml(text, display, located=True)
    if content is None:
        seeds.warnings.append(f"{display}: empty record file")
        return
    if not isinstance(content, dict):
        raise SeedError(
            Problem(
                "a record file must be a mapping with lists under "
                + ", ".join(f"'{kind}:'" for kind in RECORD_KINDS),
                file=display,
                line=1,
            )
        )
    for kind, items in content.items():
        if kind not in RECORD_KINDS:
            raise SeedError(
                Problem(
                    f"unknown record kind {kind!r}",
                    file=display,
                    line=line_of(content, 1),
                    hint=did_you_mean(kind, RECORD_KINDS)
                    or f"use one of {', '.join(RECORD_KINDS)}",
                )
            )
        if items is None:
            continue
        if not isinstance(items, list):
            raise SeedError(
                Problem(f"'{kind}:' must be a list of records (lines starting with '- ')", display)
            )
        for item in items:
            if not isinstance(item, dict):
                raise SeedError(
                    Problem(
                        f"each entry under '{kind}:' must be a mapping with an id; got {item!r}",
                        file=display,
                        line=line_of(content),
                    )
                )
            if has_rewritten_text(item, kind):
                keep_text_as_written(item, kind)
            seeds.records[kind].append(Entry(item, display, relative))


def _needs_written_text(content) -> bool:
    if not isinstance(content, dict):
        return False
    return any(
        isinstance(item, dict) and has_rewritten_text(item, kind)
        for kind, items in content.items()
        if kind in RECORD_KINDS and isinstance(items, list)
        for item in items
    )
