"""Interview layouts: answers in Q&A pieces are quotations without quotation marks.

Two layouts are recognised, each only when it repeats (two or more questions):
dashes ("- question?" then "- answer", the answer running on over the following
paragraphs) and labels ("TCA: question?" then "Ambassador Maiko: answer", or
"**Chet Clem:** answer"). Of the labels, the interviewer's is the publication's name, else
the one that asks the most questions; every other label that recurs, or that answers a
question, is an answerer's, even when that person asks something back. When only the
interviewer is labelled ("Wikinews: question?" then plain paragraphs, the common web
layout), the plain paragraphs after a question are the answer. A heading (a short line
with no closing punctuation, or a line in capitals) ends an answer. With no labels at
all, paragraphs that are a question and nothing else (in bold, as Wikinews prints them)
alternate with the answers; read so only when the headline or the introduction says it
is an interview and three questions or more are answered. Who each answer is of is
``interviewees.py``'s business.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .interviewees import interviewer_label
from .sentences import Span

_DASH = re.compile(r"^[-–—]{1,2}\s+")
# A turn's label: up to four capitalised words or initials before a colon, perhaps in
# bold ("**Chet Clem**:", "**Chet Clem:**"); the group is the label's words.
_LABEL = re.compile(r"^(?:\*\*)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:\*\*)?:(?:\*\*)?\s+")


@dataclass
class Answer:
    """One paragraph of an answer: its text without the dash or label."""

    start: int
    end: int
    text: str
    label: str | None  # "Ambassador Maiko" for labelled layouts; None for dashes
    question: str = ""  # the question it answers, for reviewers
    interviewer: str | None = None  # the label that asks ("Wikinews"), if labelled
    # Where the label of the turn this paragraph opens starts ("Isabel Ruiz: Yes."), None
    # for the paragraphs after it: a labelled answer is one however short, where a short
    # plain paragraph after a question may be a caption or a credit.
    label_start: int | None = None
    question_start: int | None = None  # where the question it answers starts

    @property
    def opens_turn(self) -> bool:
        return self.label_start is not None


@dataclass
class Turn:
    """A labelled paragraph of a Q&A: who it says speaks, and where the words begin."""

    paragraph: Span
    label: str
    body_start: int  # offset of the words after the label

    @property
    def asks(self) -> bool:
        """Does the turn end in a question mark (closing marks and brackets aside)?"""
        return self.paragraph.text.rstrip(" \"”’')]*").endswith("?")


def is_heading(paragraph: Span) -> bool:
    """A short line with no closing punctuation, or a line in capitals."""
    text = paragraph.text
    if len(text) <= 200:  # a heading is short: answers of many words are not scanned
        letters = [c for c in text if c.isalpha()]
        if len(letters) > 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            return True
    if _EDITORS_INSERTION.match(text) or _STAGE_DIRECTION.search(text):
        return False  # "[The tournament in Canada] was fun", "… was fun [laughs]"
    return len(text) <= 150 and len(text.split()) <= 10 and not re.search(r"[.!?:;\"”»…)]$", text)


# A pull quote's credit: a dash, a name, and what the words were about ("— Frank Miller,
# on whether the team was ready", "– Ann Lee, speaking to reporters").
_CREDIT = re.compile(
    r"^[-–—]{1,2}\s*(?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]*(?:,\s+(?:Jr|Sr)\.?)?,\s+"
    r"(?:on|about|speaking|asked|when|describing|explaining|referring|reflecting|recalling"
    r"|commenting|responding|in\s+(?:an?|the|his|her)\b)"
)


def is_credit(paragraph: Span) -> bool:
    """A line crediting the quotation before it ("— Frank Miller, on whether …"): not an
    answer paragraph, nor one more turn of the dash layout."""
    return len(paragraph.text) <= 250 and bool(_CREDIT.match(paragraph.text))


# An answer the editor completed in brackets, words after it ("[The tournament in
# Canada] was …"); a line that is only a bracket ("[edit]") may be a heading.
_EDITORS_INSERTION = re.compile(r"\[[^\[\]\n]{1,80}\]\s*\S")
# A transcript's note of how an answer ended, after its words.
_STAGE_DIRECTION = re.compile(
    r"\w\W*\s*\[(?:laughs?|laughter|laughing|chuckles?|pauses?|sighs?|smiles?|applause"
    r"|inaudible|crosstalk)\]$",
    re.IGNORECASE,
)


def find_answers(
    paragraphs: list[Span], publisher: str | None = None, title: str | None = None
) -> list[Answer]:
    """Answer paragraphs of an interview, or nothing when the text is not one."""
    dash_questions = [p for p in paragraphs if _DASH.match(p.text) and p.text.endswith("?")]
    if len(dash_questions) >= 2:
        return _dash_answers(paragraphs)
    turns = {}
    for index, paragraph in enumerate(paragraphs):
        if match := _LABEL.match(paragraph.text):
            label = " ".join(match.group(1).split())
            turns[index] = Turn(paragraph, label, paragraph.start + match.end())
    questions = Counter(turn.label for turn in turns.values() if turn.asks)
    interviewer = interviewer_label(questions, [turn.label for turn in turns.values()], publisher)
    if interviewer is not None:
        # A second asker (two reporters) is a label every one of whose turns, two or
        # more, is a question; an interviewee who asks back once still answers.
        count = Counter(turn.label for turn in turns.values())
        askers = {interviewer} | {
            label for label, asked in questions.items() if asked >= 2 and asked == count[label]
        }
        return _labelled_answers(paragraphs, turns, interviewer, askers)
    if _says_interview(paragraphs, title):
        return _alternating_answers(paragraphs)
    return []


# Words saying a piece is an interview, in its headline or before its first question.
_INTERVIEW_CUE = re.compile(
    r"\b(?:interview(?:s|ed)?|Q\s?&\s?A|(?:spoke|speaks|talked|talks)\s+(?:with|to)"
    r"|in\s+conversation\s+with|sat\s+down\s+with)\b",
    re.IGNORECASE,
)
# Questions of an unlabelled layout, fewest a piece needs to be read as one.
_MIN_BARE_QUESTIONS = 3


def _bare_question(paragraph: Span) -> bool:
    """A paragraph that is a question and nothing else, perhaps in bold: not a quotation
    ending in a question (“…?”), not a long paragraph that happens to end in one."""
    text = paragraph.text.strip()
    if text.startswith("**") and text.endswith("**"):
        text = text[2:-2].strip()
    return text.endswith("?") and len(text.split()) <= 60 and text[:1] not in "“\"‘'«-–—"


def _says_interview(paragraphs: list[Span], title: str | None) -> bool:
    """Does the headline, or the introduction before the first question, say that this
    is an interview? Questions alone do not: an opinion piece asks them too."""
    if title and _INTERVIEW_CUE.search(title):
        return True
    for paragraph in paragraphs:
        if _bare_question(paragraph):
            return False
        if _INTERVIEW_CUE.search(paragraph.text):
            return True
    return False


def _alternating_answers(paragraphs: list[Span]) -> list[Answer]:
    """No labels at all: question paragraphs alternate with answers (Wikinews prints
    the questions in bold). Read so only when three questions or more each have an
    answer after them."""
    questions = [i for i, p in enumerate(paragraphs) if _bare_question(p)]
    answered = [
        i for i in questions
        if i + 1 < len(paragraphs)
        and not _bare_question(paragraphs[i + 1])
        and not is_heading(paragraphs[i + 1])
    ]  # fmt: skip
    if len(answered) < _MIN_BARE_QUESTIONS or len(answered) * 2 < len(questions):
        return []
    answers: list[Answer] = []
    in_answer, question, question_start = False, "", None
    for paragraph in paragraphs:
        if _bare_question(paragraph):
            in_answer, question, question_start = True, paragraph.text, paragraph.start
        elif is_heading(paragraph):
            in_answer = False
        elif in_answer and not is_credit(paragraph):
            answers.append(_whole_paragraph_answer(paragraph, question, question_start))
    return _without_pull_quotes(answers)


def _whole_paragraph_answer(paragraph: Span, question: str, question_start: int | None) -> Answer:
    """An unlabelled paragraph after a question: all of it is the answer."""
    return Answer(
        paragraph.start, paragraph.end, paragraph.text, None, question,
        question_start=question_start,
    )  # fmt: skip


def _dash_answers(paragraphs: list[Span]) -> list[Answer]:
    answers: list[Answer] = []
    in_answer, question, question_start = False, "", None
    for paragraph in paragraphs:
        if is_credit(paragraph):
            continue
        if prefix := _DASH.match(paragraph.text):
            in_answer = not paragraph.text.rstrip().endswith("?")
            if not in_answer:
                question, question_start = paragraph.text, paragraph.start
            else:
                start = paragraph.start + prefix.end()
                body = paragraph.text[prefix.end() :]
                answers.append(
                    Answer(start, paragraph.end, body, None, question, None, None, question_start)
                )
            continue
        if is_heading(paragraph):
            in_answer = False
        elif in_answer:
            answers.append(_whole_paragraph_answer(paragraph, question, question_start))
    return _without_pull_quotes(answers)


def _labelled_answers(
    paragraphs: list[Span], turns: dict[int, Turn], interviewer: str, askers: set[str]
) -> list[Answer]:
    """Every turn of the interviewer is a question; the words of any other speaker's
    turn, and the plain paragraphs that follow a turn, are an answer. A label that comes
    once and not after a question ("Note: …", "Update: …") is no turn: the editor's
    words, which end the answer before them."""
    seen = Counter(turn.label for turn in turns.values())
    answers: list[Answer] = []
    label: str | None = None
    in_answer, after_question = False, False
    question, question_start = "", None
    for index, paragraph in enumerate(paragraphs):
        turn = turns.get(index)
        if turn is not None and (turn.label in askers or seen[turn.label] >= 2 or after_question):
            after_question = turn.label in askers
            if after_question:
                # Only the interviewer may be labelled: the plain paragraphs after the
                # question are the answer, of nobody's label (the default interviewee).
                question, question_start = paragraph.text, paragraph.start
                label, in_answer = None, True
                continue
            label, in_answer = turn.label, True
            words = paragraph.text[turn.body_start - paragraph.start :]
            answers.append(
                Answer(
                    turn.body_start,
                    paragraph.end,
                    words,
                    label,
                    question,
                    interviewer,
                    paragraph.start,
                    question_start,
                )
            )
            continue
        after_question = False
        if turn is not None:
            in_answer = False  # "Note: …", "Photo: …": nobody's answer, and it ends one
        elif is_heading(paragraph):
            in_answer = False
        elif in_answer and not is_credit(paragraph):
            answers.append(
                Answer(
                    paragraph.start,
                    paragraph.end,
                    paragraph.text,
                    label,
                    question,
                    interviewer,
                    question_start=question_start,
                )
            )
    return _without_pull_quotes(answers)


_OPENING, _CLOSING = "“\"‘'«", "”\"’'»"


def pull_quote_words(text: str) -> str | None:
    """The words of a paragraph that is one quotation and nothing else (“…”), else None."""
    text = text.strip()
    if len(text) > 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        inner = text[1:-1]
        if not any(mark in inner for mark in "“”«»"):
            return " ".join(inner.split())
    return None


def _without_pull_quotes(answers: list[Answer]) -> list[Answer]:
    """An answer's words printed again in marks as a paragraph of their own (a pull
    quote) are no answer paragraph: they repeat one."""
    pulled = {i: w for i, a in enumerate(answers) if (w := pull_quote_words(a.text))}
    if not pulled:
        return answers
    others = "\n".join(" ".join(a.text.split()) for i, a in enumerate(answers) if i not in pulled)
    return [a for i, a in enumerate(answers) if i not in pulled or pulled[i] not in others]
