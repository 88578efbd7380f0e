"""The gender a given name shows ("Anna" a woman, "Ivan" a man), for pronoun resolution.

News often tells a person's gender only by the given name: "said Anna Kowal", then "she
added" after a man was named. The shipped table data/given_name_genders.txt holds the
names of the given-names table that at least 99% of the U.S. Social Security births
given them were of one sex (public domain, built by tools/make_given_name_genders_table.py
from the same source as data/given_names.txt); a name given to both ("Jordan", "Jean")
is not in it and says nothing.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from .given_names import sorted_table_line

_END_OF_HEADER = "\n# end of header\n"


@cache
def _table_text() -> str:
    """The table's sorted ``Name<TAB>f|m`` lines as one string: read once, searched by
    halving, as data/given_names.txt is (no set of thousands of names per load)."""
    text = (
        resources.files("timeline.extract")
        .joinpath("data/given_name_genders.txt")
        .read_text(encoding="utf-8")
    )
    return text[text.index(_END_OF_HEADER) + len(_END_OF_HEADER) :]


@lru_cache(maxsize=4096)
def given_name_gender(word: str) -> str | None:
    """ "f" or "m" when the table gives this given name one sex, else None."""
    if not word.isalpha():
        return None
    line = sorted_table_line(_table_text(), word)
    return line.partition("\t")[2] if line is not None else None
