"""Who answers in an interview: which label asks, and which person each answer is of.

An interview prints its answers without quotation marks, so no speech verb says whose
they are; the layout does. The interviewer is the publication (its name or initials as a
label: "Wikinews:", "TCA:") or else the label that asks the most questions. An answer
under a label is the person the label names: initials ("DG") are the person of the
introduction or headline with those initials, a full name that person, a surname or a
given name the one person named so. An answer with no label is the interviewee the
headline names ("Interview with X", "X talks about …", "Wikinews interviews X"), else a
person opening the headline, else the one person the article calls by the role noun of
a headline that describes without naming ("interviews bar owner …"), else the person a
question addresses by name, else the person the introduction names most. When the
candidate is several people ("X and Y", "experts", "the owners of …"), a group or a
place, the answer's speaker stays unknown: guessing one of several interviewees would
put words in the wrong mouth.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from ..validate import alias_key
from .actor_book import ActorBook, Mention
from .given_names import GIVEN_NAMES
from .names import same_name
from .state_names import _is_place, _state_of
from .vocabulary import (
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    ORGANISATION_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from .interviews import Answer

METHOD = "interview answer"
# Labels that say a turn is an answer without saying whose ("A:", "Answer:").
_ANSWER_LABELS = {"A", "A.", "Answer"}
# Words that make a headline's interviewee several people or a group, not one person.
_GROUP_WORDS = set(
    """team band group crew family couple duo trio panel members founders owners organisers
    organizers staff students experts scientists residents officials leaders candidates
    players artists authors creators makers parents survivors victims workers volunteers
    people choir orchestra ensemble quartet quintet cast""".split()
)
_HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss", "Mx", "Sir"}
# Headline words naming whom a piece interviews, and what follows them.
_HEADLINE_CUE = re.compile(
    r"\b(?:interviews?|interviewed|(?:speaks?|spoke|talks?|talked)\s+(?:with|to)|chats?\s+with"
    r"|Q\s?&\s?A\s+with|in\s+conversation\s+with|(?:an\s+)?interview\s+with)\s+(?P<rest>.+)",
    re.IGNORECASE,
)
# "X talks about …", "X speaks on …", "X on …" opening a headline: X answers.
_HEADLINE_SPEAKER = re.compile(
    r"^(?P<who>[A-Z][^\s:,]*(?:\s+[A-Z][^\s:,]*){0,3})\s+(?:talks|speaks|opens\s+up|reflects"
    r"|discusses|explains|answers)\b(?!\s+(?:with|to)\b)"
)
# Where the interviewee's phrase ends in a headline.
_PHRASE_END = re.compile(
    r"\s+(?:on|about|over|regarding|ahead|after|amid|at|in|for|as|from|during|before)\s"
    r"|[:;,?!–—|(]|\s-\s|$"
)
_NAME_RUN = re.compile(r"(?:[A-Z][\w’'-]+|[A-Z]\.)(?:[ \u00a0]+(?:[A-Z][\w’'-]+|[A-Z]\.)){1,4}")
_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*")
# A question addressing someone by name: "Dr Okafor, what …", "…, Ms Lee?".
_VOCATIVE_FIRST = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?([A-Z][\w’'-]+),\s")
_VOCATIVE_LAST = re.compile(r",\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor)\.?\s+)?([A-Z][\w’'-]+)\?$")


@dataclass(frozen=True)
class Interviewee:
    """Whose an answer is, by which rule, and the words the rule read."""

    actor_id: str | None
    rule: str  # "the answer's label", "named in the headline", ...
    evidence: str  # the label, or the headline's words


def interviewer_label(
    questions: Counter[str], labels: Sequence[str], publisher: str | None
) -> str | None:
    """The label of whoever asks: the publication's name or initials when a label is
    one, else the label that asks the most questions (turns ending in "?"; ties go to
    the first to ask). Either must head two turns or more, one of them a question: a
    Q&A-looking line in a news story is no interview."""
    turns = Counter(labels)
    asking = [label for label in dict.fromkeys(labels) if questions[label] and turns[label] >= 2]
    for label in asking:
        if _names_publisher(label, publisher):
            return label
    if not asking:
        return None
    return max(asking, key=lambda label: questions[label])  # max keeps the first of a tie


def _names_publisher(label: str, publisher: str | None) -> bool:
    if not publisher:
        return False
    if alias_key(label) == alias_key(publisher):
        return True
    words = [w for w in re.findall(r"[\w’'-]+", publisher) if w[0].isupper()]
    initials = "".join(w[0] for w in words if w not in ("The", "A"))
    return len(initials) >= 2 and label.replace(".", "") == initials


def publisher_name(value) -> str | None:
    """The publisher's name from front matter (a name, or {value: name, inferred: …})."""
    if isinstance(value, dict):
        value = value.get("value")
    return value if isinstance(value, str) and value.strip() else None


class Interviewees:
    """Decides, per answer label, who answers (``of``). Every label is decided when the
    interview is read, and the mentions its words made (an acronym "DG" taken for a
    body) are the person's from then on."""

    def __init__(
        self,
        text: str,
        answers: list[Answer],
        mentions: list[Mention],
        book: ActorBook,
        title: str | None,
        interviewer: str | None = None,
    ):
        self.text = text
        self.book = book
        self.title = title or ""
        self.answers = answers
        first = min(
            (p for p in (answers[0].start, answers[0].label_start, answers[0].question_start)
             if p is not None),
            default=0,
        ) if answers else 0  # fmt: skip
        self.intro_text = text[:first]
        people = [
            m.actor_id
            for m in mentions
            if m.start < first and not m.in_quote and book.actors[m.actor_id].type == "person"
        ]
        # The actor the asker's label names, if any (a medium, a reporter).
        self.interviewer_actor = book.find(interviewer) if interviewer else None
        found = self.interviewer_actor
        self.interviewer_id = found if found and book.actors[found].type == "person" else None
        # The introduction's people, most named first; the interviewer asks, never answers.
        self.intro = Counter(p for p in people if p != self.interviewer_id)
        self._by_label: dict[str | None, Interviewee] = {}
        self.questions = sorted(
            {(a.question_start, a.question_start + len(a.question))
             for a in answers if a.question_start is not None}
        )  # fmt: skip
        self._question_starts = [start for start, _ in self.questions]
        self._answer_words: str | None = None
        self._answer_offsets: list[int] = []
        self._epithet: tuple[str, str | None] | None = None
        for answer in answers:
            self.of(answer.label)
        self._claim_label_mentions(mentions)
        self._fold_epithet(mentions)

    def of(self, label: str | None) -> Interviewee:
        if label not in self._by_label:
            self._by_label[label] = self._decide(label)
        return self._by_label[label]

    def in_question(self, position: int) -> bool:
        """Is an offset inside one of the interviewer's questions?"""
        at = bisect_right(self._question_starts, position) - 1
        return at >= 0 and position < self.questions[at][1]

    def pull_quote(self, words: str) -> Interviewee | None:
        """Whose answer words printed again in marks outside it (a pull quote) are."""
        words = " ".join(words.split()).strip(" ,.")
        if len(words.split()) < 4:
            return None
        if self._answer_words is None:  # one text to search, not one per answer
            joined = [" ".join(a.text.split()) for a in self.answers]
            self._answer_words = "\n".join(joined)
            self._answer_offsets = list(accumulate((len(t) + 1 for t in joined), initial=0))
        found = self._answer_words.find(words)
        if found < 0:
            return None
        return self.of(self.answers[bisect_right(self._answer_offsets, found) - 1].label)

    def _decide(self, label: str | None) -> Interviewee:
        if label is None or label in _ANSWER_LABELS:
            return self._unlabelled()
        found = self._label_person(label)
        if found is None:
            return Interviewee(None, "the answer's label names no one person", label)
        return Interviewee(found, "the answer's label", label)

    def _claim_label_mentions(self, mentions: list[Mention]) -> None:
        """A label resolved to a person is that person's mention, not another actor's;
        an actor extraction made only of label words becomes a spelling of the person."""
        spans = [
            (a.label_start, a.start, self.of(a.label).actor_id)
            for a in self.answers
            if a.label_start is not None and self.of(a.label).actor_id
        ]  # in text order, disjoint
        if not spans:
            return
        starts = [start for start, _, _ in spans]
        moved: dict[str, str] = {}
        kept: set[str] = set()
        for mention in mentions:
            at = bisect_right(starts, mention.start) - 1
            owner = spans[at][2] if at >= 0 and mention.start < spans[at][1] else None
            if owner is None:
                kept.add(mention.actor_id)
            elif mention.actor_id != owner:
                moved[mention.actor_id] = owner
                mention.actor_id = owner
        for actor_id, owner in moved.items():
            actor = self.book.actors.get(actor_id)
            if actor is not None and actor.origin == "extracted" and actor_id not in kept:
                self.book.fold(actor_id, owner)

    def _fold_epithet(self, mentions: list[Mention]) -> None:
        """The epithet a headline gives the person it opens with ("Frank Messina: An
        Interview with the 'Mets Poet'") is that person, not an actor of its own."""
        if self._epithet is None or self._epithet[1] is None:
            return
        words, person = self._epithet
        epithet = re.sub(r"^(?:the|a|an)\s+", "", words.strip("'\"‘’“” "), flags=re.IGNORECASE)
        found = self.book.find(epithet.strip("'\"‘’“” "))
        actor = self.book.actors.get(found) if found else None
        if actor is None or found == person or actor.origin != "extracted":
            return
        for mention in mentions:
            if mention.actor_id == found:
                mention.actor_id = person
        self.book.fold(found, person)

    # -- answers under a label -------------------------------------------------------

    def _label_person(self, label: str) -> str | None:
        """The person a turn's label names, made an actor if the article names them
        nowhere else; None for a group, a place, a body or plural people."""
        words = label.split()
        while len(words) > 1 and (
            words[0] in TITLE_WORDS | _HONORIFICS or words[0].lower() in ROLE_NOUNS
        ):
            words.pop(0)
        if re.fullmatch(r"(?:[A-Z]\.?){2,4}", label):
            return self._by_initials(label.replace(".", ""))
        if _not_one_person(words):
            return None
        name = " ".join(words)
        if len(words) == 1:
            found = self._named_alone(name)
            if found is not None:
                self.book.remember(found, label)
                return found
            name = label  # "Ambassador Maiko", "Richman": as written
        found = self.book.find(name, "person")
        if found is not None:
            return found if self.book.actors[found].type == "person" else None
        return self._person(name, label, "actor: an interview answer's label")

    def _person(self, name: str, label: str, method: str) -> str:
        """The person of this name, made an actor when extraction has none."""
        found = self.book.find(name, "person")
        if found is not None and self.book.actors[found].type == "person":
            actor_id = found
        else:
            actor_id = self.book.add(name, "person", method, f"{label}:")
        if name != label:
            self.book.remember(actor_id, label)
        return actor_id

    def _pool(self) -> list[str]:
        """People an answer's label may stand for: the introduction's, the headline's,
        then everyone extraction knows of this article."""
        pool = list(self.intro)
        headline = self._headline_names()
        pool += [a for a in headline if a not in pool]
        pool += [
            a for a, actor in self.book.actors.items() if actor.type == "person" and a not in pool
        ]
        return pool

    def _by_initials(self, letters: str) -> str | None:
        """The one person of the introduction or headline (else of the article) whose
        initials these are ("DG" for David Gray, "MJL" or "ML" for Mario J. Lucero); a
        name of the introduction or headline no rule made an actor is read there."""
        for pool in (list(self.intro) + self._headline_names(), self._pool()):
            matches = {a for a in pool if _initials_match(letters, self.book.actors[a].name)}
            if len(matches) == 1:
                return matches.pop()
            if matches:
                return None
        named = {n for n in self._names_in_intro() if _initials_match(letters, n)}
        if len(named) == 1:
            return self._person(named.pop(), letters, "actor: named in an interview's introduction")
        return None

    def _named_alone(self, word: str) -> str | None:
        """The one person named before whose surname or given name this word is."""
        matches = set()
        for actor_id in self._pool():
            for form in self.book.actors[actor_id].forms:
                parts = form.split()
                if len(parts) >= 2 and (same_name(word, parts[-1]) or word == parts[0]):
                    matches.add(actor_id)
        if matches:
            return matches.pop() if len(matches) == 1 else None
        named = {
            n for n in self._names_in_intro()
            if same_name(word, n.split()[-1]) or word == n.split()[0]
        }  # fmt: skip
        if len(named) == 1:
            return self._person(named.pop(), word, "actor: named in an interview's introduction")
        return None

    def _names_in_intro(self) -> list[str]:
        """Runs of two to four capitalised words in the headline and the introduction
        that can be one person's name (titles and opening words cut)."""
        names = []
        for source in (self.title, self.intro_text):
            for match in _NAME_RUN.finditer(source):
                words = match.group(0).split()
                while words and (
                    words[0] in TITLE_WORDS | _HONORIFICS | FUNCTION_WORDS
                    or words[0].lower() in ROLE_NOUNS
                ):
                    words.pop(0)
                if len(words) >= 2 and not _not_one_person(words):
                    names.append(" ".join(words))
        return list(dict.fromkeys(names))

    # -- answers with no label -------------------------------------------------------

    def _unlabelled(self) -> Interviewee:
        headline = self._named_as_interviewed(self.title, "the headline")
        if headline is not None and headline.actor_id and "describes" not in headline.rule:
            return headline  # named; a name opening the headline beats a description
        if opening := self._headline_opening():
            if headline is not None:  # "Frank Messina: An Interview with the 'Mets Poet'"
                self._epithet = (headline.evidence, opening.actor_id)
            return opening
        if headline is not None:
            return headline
        if addressed := self._addressed():
            return addressed
        for paragraph in self.intro_text.split("\n"):
            if _HEADLINE_CUE.search(paragraph):
                if said := self._named_as_interviewed(paragraph, "the introduction"):
                    return said
                break
        if self.intro:
            most = self.intro.most_common(1)[0][0]
            name = self.book.actors[most].name
            return Interviewee(most, "the person the introduction names most", name)
        return Interviewee(None, "no interviewee found", "")

    def _named_as_interviewed(self, words: str, where: str) -> Interviewee | None:
        """The person the headline (or the introduction: "Wikinews spoke with X, …")
        says is interviewed; an unknown speaker when it names several people or a group;
        None when it names no one (an office, a topic)."""
        phrase = _headline_phrase(words)
        if phrase is None:
            return None
        head = phrase.split(" of ")[0]  # "the owners of a dungeon": the owners
        lowered = head.lower().split()
        if (
            _joins_several(head)
            or set(lowered) & _GROUP_WORDS
            or any(w.endswith("s") and w[:-1] in ROLE_NOUNS | _GROUP_WORDS for w in lowered)
        ):
            return Interviewee(None, f"{where} names several interviewees", phrase)
        bare = [w for w in head.split() if w[:1].isupper()]
        if bare and bare == head.split() and _not_one_person(bare):
            # "Wikinews speaks with Kenya", "… with the Pilots Guild": no one person
            return Interviewee(None, f"{where}'s interviewee is no one person", phrase)
        name = _name_in(phrase)
        if name is None:
            return self._described(phrase, where)
        found = self.book.find(name, "person")
        if _not_one_person(name.split()) or (
            found is not None and self.book.actors[found].type != "person"
        ):
            return Interviewee(None, f"{where}'s interviewee is no one person", phrase)
        actor_id = found or self.book.add(
            name, "person", f"actor: the interviewee {where} names", words
        )
        return Interviewee(actor_id, f"named in {where}", words[:200])

    def _described(self, phrase: str, where: str) -> Interviewee | None:
        """The interviewee a headline describes without naming ("a New York bar owner",
        "an Ohio Senate candidate"): the one person the article calls by the
        description's role noun ("Ann Lee, a candidate for …", "candidate Ann Lee");
        an unknown speaker when it calls no one or several so. None when the phrase
        holds no role noun, so the next rule decides."""
        roles = {w.lower().rstrip("s") for w in phrase.split()} & ROLE_NOUNS
        if not roles:
            return None
        role = "|".join(sorted(map(re.escape, roles)))
        near = re.compile(rf"\b(?:{role})s?\b", re.IGNORECASE)
        described = set()
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", self.text):
            if not near.search(sentence):
                continue
            for actor_id, actor in self.book.actors.items():
                if actor.type != "person" or actor_id == self.interviewer_id:
                    continue
                for form in actor.forms:
                    if len(form.split()) < 2:
                        continue
                    for at in (m.start() for m in re.finditer(re.escape(form), sentence)):
                        window = sentence[max(0, at - 40) : at + len(form) + 40]
                        if near.search(window):
                            described.add(actor_id)
        if len(described) == 1:
            found = described.pop()
            return Interviewee(found, f"the person {where} describes", phrase)
        return Interviewee(None, f"{where} describes an interviewee it does not name", phrase)

    def _headline_opening(self) -> Interviewee | None:
        """A person whose name opens the headline ("Viktor Maiko, Ambassador of …"):
        one the article names as a person, or a name shaped like one."""
        match = re.match(
            r"^([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})(?:,|:|\s+[-–—]\s|$)", self.title
        )
        if not match:
            return None
        words = match.group(1).split()
        if words[0] in TITLE_WORDS | _HONORIFICS or _not_one_person(words):
            return None
        name = " ".join(words)
        found = self.book.find(name, "person")
        if found is None and words[0] in GIVEN_NAMES and 2 <= len(words) <= 3:
            # "Frank Messina: An Interview with …": the article may name him nowhere else
            found = self.book.add(
                name, "person", "actor: a name opening an interview's headline", self.title
            )
        if found is None or self.book.actors[found].type != "person":
            return None
        return Interviewee(found, "a person opening the headline", name)

    def _addressed(self) -> Interviewee | None:
        """The one person the questions address by name ("Dr Okafor, what …?")."""
        named = set()
        for question in {a.question for a in self.answers if a.question}:
            body = re.sub(r"^[^:]{1,40}:\s+", "", question)
            for pattern in (_VOCATIVE_FIRST, _VOCATIVE_LAST):
                if match := pattern.search(body):
                    if found := self._named_alone(match.group(1)):
                        named.add(found)
        if len(named) != 1:
            return None
        found = named.pop()
        return Interviewee(found, "the person the questions address", self.book.actors[found].name)

    def _headline_names(self) -> list[str]:
        names = []
        for match in re.finditer(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+", self.title):
            found = self.book.find(match.group(0), "person")
            if found and self.book.actors[found].type == "person":
                names.append(found)
        return names


def _headline_phrase(title: str) -> str | None:
    """The words a headline gives for whom it interviews ("academic Simon Ličen",
    "the owners of a dungeon", "meteorological experts"), or None."""
    if match := _HEADLINE_SPEAKER.match(title):
        return match.group("who")
    match = _HEADLINE_CUE.search(title)
    if not match:
        return None
    rest = match.group("rest")
    # "the owners of a dungeon": the phrase runs through "of" only to say whose they are
    end = _PHRASE_END.search(rest)
    phrase = rest[: end.start()].strip() if end else rest.strip()
    return phrase.strip("'\"‘’“”") or None


def _joins_several(head: str) -> bool:
    """Does "and" (or "&") join several people ("Mara Lind and Ivo Rask", "Jack and Meg
    White") rather than two descriptions of one ("mathematician and writer Aner
    Shalev", "activist and philosopher Noam Chomsky")? A name touches the "and"."""
    if "&" in head:
        return True
    words = head.split()
    return any(
        word == "and" and (words[i - 1][:1].isupper() or words[i + 1][:1].isupper())
        for i, word in enumerate(words)
        if 0 < i < len(words) - 1
    )


def _name_in(phrase: str) -> str | None:
    """The person's name in a headline phrase: the capitalised words after any
    description and titles ("academic Simon Ličen", "Dr Ines Okafor", "U.S. presidential
    candidate John Smith"); None for an office ("President of the International
    Brotherhood of Magicians") or a description ("Ohio Senate candidate")."""
    words = phrase.split()
    if "of" in words:
        words = words[: words.index("of")]  # "Mario Lucero of Heaven Sent Gaming"
    # The name is the last run of capitalised words: "U.S. presidential candidate John
    # Smith", "Green Party candidate Ann Lee"; a phrase ending in lowercase names none.
    run = len(words)
    while run > 0 and _CAPITALISED.fullmatch(words[run - 1]):
        run -= 1
    words = words[run:]
    while words and (
        words[0].rstrip(".") in TITLE_WORDS
        or words[0] in _HONORIFICS
        or words[0].lower() in ROLE_NOUNS
    ):
        words.pop(0)
    if len(words) < 2 or not all(_CAPITALISED.fullmatch(w) for w in words):
        return None
    if any(w.lower() in ROLE_NOUNS or w in TITLE_WORDS for w in words):
        return None
    return " ".join(words)


def _not_one_person(words: list[str]) -> bool:
    """A group, a body, a place or plural people, not one person's name."""
    if not words:
        return True
    name = " ".join(words)
    if set(words) & (GOVERNMENT_WORDS | ORGANISATION_WORDS | MEDIA_WORDS):
        return True
    if _state_of(name) or (_is_place(name) and words[0] not in GIVEN_NAMES):
        return True
    last = words[-1].lower()
    return (
        last in _GROUP_WORDS
        or last in {"both", "all", "everyone", "together"}
        or (last.endswith("s") and last[:-1] in ROLE_NOUNS)
    )


def _initials_match(letters: str, name: str) -> bool:
    words = [w for w in re.findall(r"[\w’'-]+", name) if w[0].isupper()]
    if len(words) < 2:
        return False
    every = "".join(w[0] for w in words).upper()
    return letters.upper() in (every, (words[0][0] + words[-1][0]).upper())
