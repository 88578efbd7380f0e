"""Quotations as extraction keeps them: which spans are someone's words, and their rows.

Between finding marks (``quotes.py``) and attributing them (``speakers.py``) and the
rows a load writes, a few rules decide what is a quotation at all: a short phrase in
scare quotes is a term, a title in marks is a work's name, a nickname in marks is part
of a name, an interview answer is a quotation without marks (and the marked words
inside it are already in it). Every row says how it was found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from ..vocabulary import INTERVIEW_ANSWER, QUOTATION, STATEMENT
from .actors import ActorBook, Mention
from .headline_statements import headline_author
from .interviewees import METHOD as INTERVIEW_METHOD
from .interviewees import Interviewees
from .interviews import Answer, pull_quote_words
from .quotes import TERM_MAX_WORDS, QuoteSpan, inside
from .speakers import Attribution, attribute, governed_by_verb, statement_speakers
from .statements import Statement

# A short quotation counts as words someone said only when its speech verb is this close
# ("confirmed his country's “unconditional”"), not somewhere earlier in the sentence.
TERM_VERB_DISTANCE = 40
# Attributions that rest on a frame of the sentence itself (a speech verb and its
# subject), which a question may hold ("Your minister said “…”. Do you agree?").
_OWN_FRAMES = {
    "who-verb after",
    "verb-who",
    "name-verb after",
    "verb-name after",
    "according to",
    "according to, quoting",
    "statement",
    "who-verb before",
    "verb-who before",
    "subject before verb",
    "quoted by the teller",
    "quoted by the teller, unnamed",
    "several speakers",
}
# Attributions that rest on a speech verb (or a colon); the term rule needs one of these.
_SPOKEN = _OWN_FRAMES | {
    "attribution in next paragraph",
    "colon",
    "continues previous quotation",
    "quotation continued in the next paragraph",
    "dash-name after",
    "colon in previous paragraph",
    "subject of the paragraph before",
}
# Small words a title of a work keeps in lower case ("Scarne on Card Tricks").
_TITLE_SMALL_WORDS = {
    "a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "with",
    "vs", "vs.", "from", "into", "de", "la", "le",
}  # fmt: skip
_WORD = re.compile(r"[^\W_][\w’'.&-]*")
# A name word just before an opening mark and just after the closing one: a nickname
# inside a name, "Patricia “Patty” S. Collins", "Earvin “Magic” Johnson".
_NAME_WORD_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][\w’'-]*[ \u00a0]$")
_NAME_WORD_AFTER = re.compile(r"[ \u00a0](?:[A-Z]\.[ \u00a0])?[A-Z][\w’'-]+")


# Things words are printed on or that carry a set phrase: words in marks they name are a
# mention of that phrase (a theme, a slogan, what a banner read), not anyone's speech.
# Not "poster" (a forum's posters speak), "label" (a record label speaks) nor "words"
# ("In her words, “…”", "His last words were “…”" are hers and his).
_SET_PHRASE_NOUN = (
    r"(?i:theme|motto|slogan|tagline|catchphrase|watchword|hashtag|title|subtitle|headline"
    r"|caption|inscription)s?"
)
_PRINTED_ON_NOUN = (
    r"(?i:banner|sign|placard|(?:t-|T-)?shirt|jersey|sticker|badge|plaque|billboard"
    r"|graffiti|logo|mural|headline|caption|inscription)s?"
)
_PRINTED_NOUN = rf"(?:{_SET_PHRASE_NOUN}|{_PRINTED_ON_NOUN}|(?i:phrase|term|expression)s?)"
_PRINTING_VERB = (
    r"(?:read|reads|reading|said|says|saying|bore|bearing|bears|proclaimed|proclaiming"
    r"|declared|declaring|displayed|displaying|showed|showing|featured|featuring)"
)
# "the theme of this year's conference is “…”", "its motto: “…”", "shirts that said “…”",
# "a banner that read “…”", "signs reading “…”", "under the slogan “…”", "titled “…”".
# A set phrase may be linked by "is" or a colon; a thing words are printed on only by a
# printing verb ("The sign was “a warning,” she said" is her words).
_MENTION_FRAME = re.compile(
    rf"(?:\b{_SET_PHRASE_NOUN}(?:\s+(?:of|for)\s+[^,.;:!?“”\"]{{1,60}}?)?"
    rf"(?:\s*[,:]|\s+(?:is|was|are|were|became|remains))"
    rf"|\b{_PRINTED_ON_NOUN}(?:\s+(?:that|which))?\s+{_PRINTING_VERB}(?:\s+the\s+words)?[,:]?"
    rf"|\b(?:the|a|an|its|their|his|her|our)\s+(?:[a-z-]+\s+)?{_PRINTED_NOUN}"
    rf"|\b(?:the|these|those)\s+(?:very\s+)?words"
    rf"|\b(?:titled|entitled|headlined|captioned|emblazoned\s+with|printed\s+with"
    rf"|inscribed\s+with|with\s+the\s+words))\s*$"
)


@dataclass
class ExtractedQuote:
    start: int
    end: int
    text: str
    speaker_id: str | None
    method: str  # how the speaker was found
    basis: str = ""  # the words the speaker was read from
    answer: bool = False  # an interview answer paragraph (no quotation marks)
    statement: bool = False  # a paragraph of a statement printed without marks


def is_title_of_work(text: str) -> bool:
    """Words in marks that are a title or a name, not someone's words: every word
    capitalised but the small ones ("Scarne on Card Tricks", "The Internet Explorer 6
    Countdown", "Better Idea of Afghan Girls,"), no sentence inside."""
    words = _WORD.findall(text.rstrip(",.;:"))
    if len(words) < 2 or len(words) > 8 or re.search(r"[.!?;:]\s", text):
        return False
    if words[0].lower() == "i" or words[0] in ("We", "You", "It", "This", "That", "There"):
        return False  # "It Was Fine" is not a title; "We Will Win" a slogan someone said
    return (
        all(
            word[0].isupper() or word[0].isdigit() or word.lower() in _TITLE_SMALL_WORDS
            for word in words
        )
        and sum(word[0].isupper() for word in words) >= 2
    )


def is_mention(text: str, quote: QuoteSpan) -> bool:
    """Words in marks that a theme, motto, slogan, title or something printed carries
    (“the theme of this year's conference is “…””, “shirts that said “…””, “a banner
    that read “…””): a mention of the words, not speech, whoever chose them."""
    sentence_start = max(
        text.rfind(stop, max(0, quote.mark_start - 120), quote.mark_start) for stop in ".!?\n"
    )
    before = text[max(0, quote.mark_start - 120, sentence_start + 1) : quote.mark_start]
    return bool(_MENTION_FRAME.search(before))


def is_nickname(text: str, quote: QuoteSpan) -> bool:
    """A word or two in marks between a first name and a surname: part of a name."""
    return (
        quote.words <= 2
        and quote.text[:1].isupper()
        and bool(_NAME_WORD_BEFORE.search(text, max(0, quote.mark_start - 40), quote.mark_start))
        and bool(_NAME_WORD_AFTER.match(text, quote.mark_end))
    )


def extract_quotes(
    text: str,
    paragraphs,
    spans: list[QuoteSpan],
    answers: list[Answer],
    mentions: list[Mention],
    book: ActorBook,
    title: str | None = None,
    statements: list[Statement] = (),
) -> list[ExtractedQuote]:
    """Quotations with speakers, the term rule applied, interview answers and statements
    printed without marks (``statements.py``) included."""
    top = [q for q in spans if q.depth == 0]
    # Who answers is decided first: a label's words are then its person's mention.
    interviewees = Interviewees(
        text, answers, mentions, book, title, answers[0].interviewer if answers else None
    )
    attributions = attribute(text, paragraphs, top, mentions, book)
    found: list[ExtractedQuote] = []
    terms: list[QuoteSpan] = []  # short phrases the term rule left out
    answer_starts = [a.start for a in answers]  # answers are disjoint, in text order
    for quote, attribution in zip(top, attributions, strict=True):
        position = bisect_right(answer_starts, quote.start) - 1
        in_answer = (
            answers[position] if position >= 0 and quote.start < answers[position].end else None
        )
        spoken = (
            attribution is not None
            and attribution.method in _SPOKEN
            and (attribution.distance <= TERM_VERB_DISTANCE or _sentence_after_colon(text, quote))
            # a split quotation goes on with a sentence of its own ("“…,” X said. “Trade
            # will follow.”"); words in marks inside a sentence (to “route out”) are terms
            and (
                attribution.method != "continues previous quotation"
                or _opens_sentence(text, quote)
                or governed_by_verb(text, quote.mark_start, TERM_VERB_DISTANCE)
            )
        )
        fragment = (
            _is_fragment(quote.text)
            and attribution is not None
            and attribution.method in _SPOKEN
            and attribution.actor_id is not None
        )
        # "The court described the values as “massive”": a speech verb governs the words
        # though nobody the article names says them (not in a question: "Would you
        # describe it as “fun”?" offers a word, it quotes nobody)
        unattributed = (
            (attribution is None or attribution.actor_id is None)
            and governed_by_verb(text, quote.mark_start, TERM_VERB_DISTANCE)
            and not interviewees.in_question(quote.start)
        )
        if quote.words <= TERM_MAX_WORDS and not spoken and not fragment and not unattributed:
            terms.append(quote)
            continue  # the term rule: a short phrase in scare quotes
        if is_nickname(text, quote) or (quote.words <= 8 and is_title_of_work(quote.text)):
            continue
        if is_mention(text, quote):
            continue
        if in_answer is None and (who := _pull_quote(text, quote, interviewees)):
            # An answer's words again in marks, a paragraph of their own: the answer's.
            found.append(
                ExtractedQuote(
                    quote.start, quote.end, quote.text, who.actor_id, "pull quote of an "
                    "interview answer", who.evidence,
                )
            )  # fmt: skip
        elif interviewees.in_question(quote.start) and not _asked_about(attribution, interviewees):
            # Words in marks inside a question are not the interviewee's, nor the asker's
            # for the label before them: only a frame of the question's own says whose.
            if not _reported(text, quote, attribution):
                continue  # "What about the adage “…”?": a mention the asker makes
            found.append(
                ExtractedQuote(
                    quote.start, quote.end, quote.text, None, "inside an interview question"
                )
            )
        elif in_answer is not None and _reported_in_answer(text, quote, attribution):
            # Words the interviewee reports as said ("everyone would say, “Hey …”",
            # "she told me: “Thank you”") are part of the answer, which already is the
            # quotation: they are not quoted again, nor given to whoever a pronoun of
            # the answer might stand for.
            continue
        elif in_answer is not None:
            # A phrase in marks inside an answer is the interviewee's (the seeds' curators
            # keep them as quotations of their own; titles of works are cut above).
            who = interviewees.of(in_answer.label)
            found.append(
                ExtractedQuote(
                    quote.start,
                    quote.end,
                    quote.text,
                    who.actor_id,
                    "inside an interview answer",
                    who.evidence,
                )
            )
        elif attribution and attribution.actor_id:
            found.append(ExtractedQuote(quote.start, quote.end, quote.text, *_pair(attribution)))
        else:
            method = attribution.method if attribution else "no attribution found"
            basis = attribution.basis if attribution else ""
            found.append(ExtractedQuote(quote.start, quote.end, quote.text, None, method, basis))
    top_starts = [q.mark_start for q in top]  # top-level quotes never overlap
    kept = {f.start: f for f in found}
    found.extend(_coordinated_terms(text, top, top_starts, terms, kept))
    for quote in spans:
        if quote.depth == 0 or quote.words <= TERM_MAX_WORDS:
            continue
        position = bisect_left(top_starts, quote.mark_start) - 1
        parent = top[position] if position >= 0 and inside(quote, top[position]) else None
        outer = kept.get(parent.start) if parent else None
        if outer:
            found.append(
                ExtractedQuote(
                    quote.start, quote.end, quote.text, outer.speaker_id, "nested quotation"
                )
            )
    previous_question: int | None = None
    for answer in answers:
        # The first paragraph after a question is its answer however short ("Yes.",
        # "Oh really."), when it is a sentence; a short paragraph further on may be a
        # caption or a credit.
        first = answer.question_start != previous_question
        previous_question = answer.question_start
        if (
            len(answer.text.split()) <= TERM_MAX_WORDS
            and not answer.opens_turn
            and not (first and _is_short_sentence(answer.text))
        ):
            continue
        who = interviewees.of(answer.label)
        evidence = f"{who.rule}: “{who.evidence}”" if who.evidence else who.rule
        if answer.question:
            evidence += f"; answer to “{answer.question[:150]}”"
        found.append(
            ExtractedQuote(
                answer.start,
                answer.end,
                answer.text,
                who.actor_id,
                INTERVIEW_METHOD,
                evidence,
                answer=True,
            )
        )
    if author := headline_author(title, book):
        # "Statement by Treasury Secretary Jacob J. Lew on …" over a body of quotation
        # paragraphs no frame attributes: the headline's author speaks them
        for quote in found:
            # only quotations that open a paragraph, the statement's own layout: words in
            # marks inside a speech's sentences ("Friends described her as “sharp as a
            # tack.”", "As outlined in its founding documents, “…”") are others'
            opens_paragraph = text[: quote.start].rstrip("“\"‘' \u00a0")[-1:] in ("", "\n")
            if (
                quote.speaker_id is None
                and quote.method == "no attribution found"
                and opens_paragraph
            ):
                quote.speaker_id, quote.method = author[0], "the author the headline names"
                quote.basis = f"headline: “{title}”"
    issuers = statement_speakers(
        text, paragraphs, top, mentions, book, [s.intro for s in statements]
    )
    for statement, issuer in zip(statements, issuers, strict=True):
        if issuer.actor_id is None and not statement.intro.names_document:
            continue  # "Previous releases:" names nobody's words
        for paragraph in statement.paragraphs:
            found.append(
                ExtractedQuote(
                    paragraph.start,
                    paragraph.end,
                    paragraph.text,
                    *_pair(issuer),
                    statement=True,
                )
            )
    return found


# Only a conjunction between two quotations, perhaps after a short note in brackets (a
# translation, a language): "called it “reckless” and “dangerous”", "“pericoloso”
# (dangerous) and “ideologico”".
_COORDINATION = re.compile(r"\s*(?:\(+[^()\n]{1,30}\)+\s*)?(?:,\s*)?(?:and|or|nor|but|with)?\s*")


def _coordinated_terms(text, top, top_starts, terms, kept) -> list[ExtractedQuote]:
    """A short phrase the term rule left out, joined by a conjunction to a quotation kept
    next to it, is that quotation's speaker's words too ("has called the sentence
    “dangerous” and “ideological”", "without which “increasing trade turnover” or “the
    need to increase Ukrainian exports” remain just words", "a “disaster” with “no end” in
    sight"): one frame governs both; also when the quotation kept has no speaker the
    article names but a speech verb governs it ("Japanese authorities have warned the
    crisis is now a “major accident” with “wider consequences”")."""
    found = []
    for term in terms:
        index = bisect_left(top_starts, term.mark_start)  # top[index] is the term
        for neighbour in top[max(0, index - 1) : index] + top[index + 1 : index + 2]:
            if (partner := kept.get(neighbour.start)) is None:
                continue
            if partner.answer or partner.statement:
                continue
            if partner.speaker_id is None and not governed_by_verb(
                text, neighbour.mark_start, TERM_VERB_DISTANCE
            ):
                continue  # a kept quotation nobody speaks and no verb governs: no frame
            low, high = sorted((neighbour, term), key=lambda q: q.mark_start)
            if _COORDINATION.fullmatch(text, low.mark_end, high.mark_start) and (
                text[low.mark_end : high.mark_start].strip(" ,")
            ):
                found.append(
                    ExtractedQuote(
                        term.start, term.end, term.text, partner.speaker_id,
                        "coordinated with a quotation", partner.basis,
                    )
                )  # fmt: skip
                break
    return found


def _asked_about(attribution: Attribution | None, interviewees: Interviewees) -> bool:
    """Does a quotation inside a question have a frame of its own, naming someone other
    than the asker (whose label is no speech verb)?"""
    return (
        attribution is not None
        and attribution.actor_id is not None
        and attribution.method in _OWN_FRAMES
        and attribution.actor_id != interviewees.interviewer_actor
    )


def _reported(text: str, quote: QuoteSpan, attribution: Attribution | None) -> bool:
    """Does a frame of the sentence or a speech verb right before make words in marks
    somebody's words, named or not ("Your predecessor said “…”")?"""
    if attribution is not None and attribution.method in _OWN_FRAMES:
        return True
    return governed_by_verb(text, quote.mark_start, TERM_VERB_DISTANCE)


def _reported_in_answer(text: str, quote: QuoteSpan, attribution: Attribution | None) -> bool:
    """Are words in marks inside an answer an utterance the answer reports, anyone's,
    the interviewee's own included ("they say, ‘Hey Frank …’", "I said, “…”", "it's sort
    of like," Hmmm …"")? So they are when a frame of the sentence or a speech verb right
    before governs them, or a lead-in's comma or colon stands just before the mark. A
    phrase inside a sentence ("without which “increasing trade turnover” remains just
    words") is the interviewee's own wording, not a report."""
    if _reported(text, quote, attribution):
        return True
    before = text[max(0, quote.mark_start - 3) : quote.mark_start].rstrip(" \u00a0")
    return before[-1:] in (",", ":")


def _pull_quote(text: str, quote: QuoteSpan, interviewees: Interviewees):
    """The interviewee whose answer a paragraph made of this one quotation repeats."""
    line_start = text.rfind("\n", 0, quote.mark_start) + 1
    line_end = text.find("\n", quote.mark_end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if pull_quote_words(line) is None:
        return None
    who = interviewees.pull_quote(quote.text)
    return who if who is not None and who.actor_id else None


def _is_short_sentence(text: str) -> bool:
    """A few words that make a sentence of their own ("Yes.", "Oh really.", "[Laughs]
    No!"): a capital or a bracket first, closing punctuation last."""
    words = text.strip().rstrip("”\"’')]*")
    return bool(re.match(r"[\[(]?[A-Z]", words)) and words[-1:] in (".", "!", "?", "…")


def _sentence_after_colon(text: str, quote: QuoteSpan) -> bool:
    """A whole sentence in marks after a colon ("X told reporters gathered outside the
    hall after the vote: “We will rebuild.”"): the lead-in introduces it however far its
    speech verb is, as no term is introduced with a colon and closing punctuation."""
    before = text[max(0, quote.mark_start - 3) : quote.mark_start].rstrip(" \u00a0")
    return before[-1:] == ":" and _is_short_sentence(quote.text)


def _opens_sentence(text: str, quote: QuoteSpan) -> bool:
    """Does the quotation open a sentence (its paragraph, or after a full stop)?"""
    before = text[max(0, quote.mark_start - 3) : quote.mark_start].rstrip(" \u00a0")
    return not before or before[-1] in ".!?:\n"


def _is_fragment(text: str) -> bool:
    """Quoted wording cut from a sentence, not a name: names and terms have no comma inside
    (‘balanced, rational’ is someone's words; the “Middle Corridor” is a name)."""
    return "," in text.rstrip(",.;:!? ")


def _pair(attribution: Attribution) -> tuple[str | None, str, str]:
    return attribution.actor_id, attribution.method, attribution.basis


def quote_rows(source_id: str, article_text: str, quotes: list[ExtractedQuote]):
    """The ``quotes`` rows, in text order, each with how it was found; yields (row, method)."""
    for number, quote in enumerate(sorted(quotes, key=lambda q: (q.start, q.end)), 1):
        if quote.answer:
            found_by = "interview answer paragraph"
            basis = quote.basis or "an answer paragraph of an interview"
        elif quote.statement:
            found_by = "statement block"
            basis = quote.basis  # the sentence that introduces the statement
        else:
            found_by = "quotation marks"
            # The frame's words; with none, the marks that delimit the quotation.
            basis = (
                quote.basis
                or f"{article_text[quote.start - 1 : quote.start]}…"
                f"{article_text[quote.end : quote.end + 1]}"
            )
        row: dict[str, Any] = {
            "id": f"x-{source_id}-q{number}",
            "text": article_text[quote.start : quote.end],
            "speaker_id": quote.speaker_id,
            "source_id": source_id,
            "start_offset": quote.start,
            "end_offset": quote.end,
            "event_id": None,
            "notes": f"extracted; speaker by {quote.method}",
            # An answer paragraph and a statement have no quotation marks; a marked
            # quotation inside an answer is still a quotation.
            "kind": (
                INTERVIEW_ANSWER if quote.answer else STATEMENT if quote.statement else QUOTATION
            ),
            "origin": "extracted",
            "extraction_method": f"{found_by}; speaker: {quote.method}",
            "extraction_basis": basis,
        }
        yield row, quote.method
