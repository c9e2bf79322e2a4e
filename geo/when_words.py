"""The words a text holds, as the time rules of :mod:`geo.when_rules` need them to be skipped cheaply: a rule
runs only on a text that holds one of each set of words it declares."""

from __future__ import annotations

import re

#: the word a text holding a digit has
DIGIT = "<digit>"

_WORD = re.compile(r"[^\W\d_]+")
_ANY_DIGIT = re.compile(r"\d")
#: Letters ``re.IGNORECASE`` takes for "i" that case folding does not turn into one ("ſ" and "K" it does).
AS_I = str.maketrans({"ı": "i", "İ": "i"})
#: For ASCII text: letters lower-cased, anything else a space; and every byte but the digits (to delete them).
_ASCII_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_NOT_DIGITS = bytes(c for c in range(256) if not 48 <= c <= 57)


def cue_words(text: str) -> frozenset[str]:
    """The words of ``text`` (runs of letters), case-folded as ``re.IGNORECASE`` compares them, and
    :data:`DIGIT` when it has a digit: a rule may match only a text holding one of its words."""
    if text.isascii():  # most texts, and four times faster
        raw = text.encode("ascii")
        words = raw.translate(_ASCII_LETTERS).decode("ascii").split()
        has_digit = bool(raw.translate(None, _NOT_DIGITS))
    else:
        words = " ".join(_WORD.findall(text)).translate(AS_I).casefold().split()
        has_digit = _ANY_DIGIT.search(text) is not None
    return frozenset((*words, DIGIT) if has_digit else words)


def may_match(needs: tuple[frozenset[str], ...], words: frozenset[str]) -> bool:
    """Whether a text of these words holds one of each set of words a rule needs."""
    return all(not need.isdisjoint(words) for need in needs)
