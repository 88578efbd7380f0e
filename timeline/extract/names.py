"""Comparing names across spellings: alias keys, transliteration keys and fuzzy scores."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..validate import alias_key

# The same few hundred names recur all through an article (and a load), and every
# capitalised phrase is keyed and compared with every known person: remembering the keys
# keeps that linear in the length of the text. Bounded, so a long load cannot grow it.
_CACHE_SIZE = 65536

# Transliterations of one Cyrillic name differ in these letters (Mayko/Maiko,
# Zelensky/Zelenskyy, Victor/Viktor, Kiev/Kyiv is left to the gazetteer).
_TRANSLITERATION = (
    ("ck", "k"),
    ("c", "k"),
    ("kh", "h"),
    ("w", "v"),
    ("ph", "f"),
    ("yy", "y"),
    ("iy", "y"),
    ("ij", "y"),
    ("j", "y"),
    ("y", "i"),
    ("ee", "i"),
)
FUZZY_THRESHOLD = 90


@lru_cache(maxsize=_CACHE_SIZE)
def name_key(name: str) -> str:
    """``alias_key``, remembered: tokens and names are keyed again and again."""
    return alias_key(name)


@lru_cache(maxsize=_CACHE_SIZE)
def transliteration_key(name: str) -> str:
    """Spelling-insensitive form: 'Victor Mayko' and 'Viktor Maiko' both give 'viktor maiko'."""
    key = name_key(name).replace("-", " ")
    for old, new in _TRANSLITERATION:
        key = key.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", key)


@lru_cache(maxsize=_CACHE_SIZE)
def same_name(a: str, b: str) -> bool:
    """True when two written names are one name in two transliterations."""
    key_a, key_b = transliteration_key(a), transliteration_key(b)
    if key_a == key_b:
        return True
    if len(key_a.split()) != len(key_b.split()) or min(len(key_a), len(key_b)) < 5:
        return False
    if key_a[0] != key_b[0]:  # Russia is not Prussia
        return False
    return fuzz.ratio(key_a, key_b) >= FUZZY_THRESHOLD


@lru_cache(maxsize=_CACHE_SIZE)
def same_but_middle(a: str, b: str) -> bool:
    """True when two names are one person's with and without a middle name or initial:
    "Brian E. Nelson" and "Brian Nelson", "Oleg Vladimirovich Deripaska" and "Oleg
    Deripaska" (news gives the full form once, then drops the middle). The first and last
    words must agree, and the shorter name's middle words appear in the longer's."""
    words_a, words_b = transliteration_key(a).split(), transliteration_key(b).split()
    if len(words_a) == len(words_b):
        return False
    short, long = sorted((words_a, words_b), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    middle = iter(long[1:-1])
    return all(word in middle for word in short[1:-1])


@lru_cache(maxsize=_CACHE_SIZE)
def slug(text: str) -> str:
    """A lowercase id made of the name's letters: 'Mūrat Nūrtıleu' -> 'murat-nurtileu'."""
    return re.sub(r"[^a-z0-9]+", "-", alias_key(text)).strip("-") or "x"
