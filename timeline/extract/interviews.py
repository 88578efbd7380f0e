"""Interview layouts: answers in Q&A pieces are quotations without quotation marks.

Two layouts are recognised, each only when it repeats (two or more questions):
dashes ("- question?" then "- answer", the answer running on over the following
paragraphs) and labels ("TCA: question?" then "Ambassador Maiko: answer"). When only
the interviewer is labelled ("Wikinews: question?" then plain paragraphs, the common
web layout), the plain paragraphs after a question are the answer. A heading (a short
line with no closing punctuation, or a line in capitals) ends an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import Span

_DASH = re.compile(r"^[-–—]{1,2}\s+")
_LABEL = re.compile(r"^([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+")


@dataclass
class Answer:
    """One paragraph of an answer: its text without the dash or label."""

    start: int
    end: int
    text: str
    label: str | None  # "Ambassador Maiko" for labelled layouts; None for dashes
    question: str = ""  # the question it answers, for reviewers


def is_heading(paragraph: Span) -> bool:
    """A short line with no closing punctuation, or a line in capitals."""
    text = paragraph.text
    if len(text) <= 200:  # a heading is short: answers of many words are not scanned
        letters = [c for c in text if c.isalpha()]
        if len(letters) > 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            return True
    return len(text) <= 150 and len(text.split()) <= 10 and not re.search(r"[.!?:;\"”»…)]$", text)


def find_answers(paragraphs: list[Span]) -> list[Answer]:
    """Answer paragraphs of an interview, or nothing when the text is not one."""
    dash_questions = [p for p in paragraphs if _DASH.match(p.text) and p.text.endswith("?")]
    if len(dash_questions) >= 2:
        return _answers(paragraphs, lambda p: _DASH.match(p.text), label_of=lambda p: None)
    labels = [_LABEL.match(p.text) for p in paragraphs]
    asking = {m.group(1) for m, p in zip(labels, paragraphs, strict=True) if m and "?" in p.text}
    if sum(1 for m in labels if m and m.group(1) in asking) >= 2:
        return _answers(
            paragraphs,
            lambda p: _LABEL.match(p.text),
            label_of=lambda p: _LABEL.match(p.text).group(1),
            interviewer=asking,
        )
    return []


def _answers(paragraphs, prefix_of, label_of, interviewer=frozenset()) -> list[Answer]:
    answers: list[Answer] = []
    label: str | None = None
    in_answer = False
    question = ""
    for paragraph in paragraphs:
        prefix = prefix_of(paragraph)
        if prefix:
            label = label_of(paragraph)
            is_question = paragraph.text.rstrip().endswith("?") or label in interviewer
            in_answer = not is_question
            if is_question:
                question = paragraph.text
            if is_question and label in interviewer:
                # Only the interviewer is labelled: the plain paragraphs after the question
                # are the interviewee's answer (a label of nobody's: the default speaker).
                label, in_answer = None, True
            elif in_answer:
                body = paragraph.text[prefix.end() :]
                start = paragraph.start + prefix.end()
                answers.append(Answer(start, paragraph.end, body, label, question))
            continue
        if is_heading(paragraph):
            in_answer = False
            continue
        if in_answer:
            answers.append(Answer(paragraph.start, paragraph.end, paragraph.text, label, question))
    return answers
