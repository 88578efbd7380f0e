"""The project's own error: what went wrong, where (file, line, record), and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    message: str
    file: str | None = None
    line: int | None = None
    record: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        return _cap(self._full_text())

    def _full_text(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where = f"{self.file}:{self.line}"
        if self.record:
            where = f"{where}: {self.record}" if where else self.record
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


# A message quotes what the user wrote; a 100,000-character id or a huge mapping in the
# wrong place would flood the terminal. Keep the start (what and where) and the end (hint).
MAX_MESSAGE_LENGTH = 2000


def _cap(text: str) -> str:
    if len(text) <= MAX_MESSAGE_LENGTH:
        return text
    left_out = len(text) - MAX_MESSAGE_LENGTH
    head, tail = MAX_MESSAGE_LENGTH * 3 // 4, MAX_MESSAGE_LENGTH // 4
    return f"{text[:head]} … ({left_out:,} characters left out) … {text[-tail:]}"


class TimelineError(Exception):
    """Raised for any problem a user can fix; the CLI prints it without a traceback."""

    def __init__(self, problems: Problem | list[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems, nothing was written:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class SeedError(TimelineError):
    """The seeds folder has a problem: nothing was written."""


class ProblemCollector:
    """Gathers problems during validation so a user sees all of them in one go."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, message: str, **where) -> None:
        self.problems.append(Problem(message, **where))

    def raise_if_any(self) -> None:
        if self.problems:
            raise SeedError(self.problems)
