"""A literal prefilter for many regular expressions run over the same text.

Python's ``re`` has no fast path for a pattern such as ``\\b(?:captur(?:ed|es)|seiz(?:ed|es)|...)`` with
IGNORECASE: it tries the pattern at every position of the text. The rules of :mod:`geo.triggers` are dozens of
such patterns, run over every sentence that names a place. Most sentences can match only two or three of them.

For each pattern :func:`literal_prefixes` works out, from its parsed form, the strings any match must begin
with (up to :data:`PREFIX_LENGTH` characters, case-folded, runs of white space as one space). A
:class:`Prefilter` finds all those strings in a text in one Aho-Corasick pass (``pyahocorasick``) and names the
patterns that may match: the others cannot, so they are not run. Results are exactly those of running every
pattern; only the time differs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

#: Longest prefix worked out for a pattern; longer prefixes select better, and there are more of them.
PREFIX_LENGTH = 8
#: A pattern whose prefixes would be more than this many is cut to shorter prefixes.
MAX_PREFIXES = 256
_SPACE_CLASS = frozenset({" "})


def _chars(op: Any, av: Any, folded: bool) -> frozenset[str] | None:
    """The characters one LITERAL or IN item matches, or None when they are not a short known list."""
    if op is sre.LITERAL:
        chars = {chr(av)}
    else:
        chars = set()
        for o, a in av:
            if o is sre.LITERAL:
                chars.add(chr(a))
            elif o is sre.RANGE and a[1] - a[0] < 32:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            elif o is sre.CATEGORY and a is sre.CATEGORY_SPACE:
                chars.add(" ")
            else:  # other categories, negated sets, wide ranges: anything
                return None
    return frozenset(c.casefold() if folded else c for c in chars)


def _extend(open_: set[str], items: Any, closed: set[str]) -> set[str]:
    """Extend the prefixes still growing (``open_``) by a parsed sequence; finished ones go into ``closed``."""
    for op, av in items:
        if not open_:
            break
        if op is sre.LITERAL or op is sre.IN:
            chars = _chars(op, av, folded=True)
            if chars is None or len(open_) * len(chars) > MAX_PREFIXES:
                closed |= open_
                return set()
            grown = {p if c == " " and p.endswith(" ") else p + c for p in open_ for c in chars}  # spaces fold into one
            closed |= {p for p in grown if len(p) >= PREFIX_LENGTH}
            open_ = {p for p in grown if len(p) < PREFIX_LENGTH}
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # consumes nothing
        elif op is sre.SUBPATTERN:
            open_ = _extend(open_, av[-1], closed)
        elif op is sre.BRANCH:
            open_ = set().union(*(_extend(set(open_), alternative, closed) for alternative in av[1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = av
            current, result = set(open_), set(open_) if low == 0 else set()
            for count in range(1, min(high, PREFIX_LENGTH) + 1):
                current = _extend(current, sub, closed)
                if count >= low:
                    result |= current
                if not current:
                    break
            open_ = result
        else:  # back-references, atomic groups, anything else: stop here
            closed |= open_
            return set()
        if len(open_) + len(closed) > MAX_PREFIXES:
            closed |= open_
            return set()
    return open_


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Case-folded strings one of which begins every match of ``pattern`` (white space runs as one space), or None
    when a match may begin with anything."""
    closed: set[str] = set()
    open_ = _extend({""}, sre_parse.parse(pattern.pattern, pattern.flags), closed)
    prefixes = open_ | closed
    if "" in prefixes:
        return None
    return frozenset(p for p in prefixes if not any(p[:k] in prefixes for k in range(1, len(p))))  # the shortest suffice


@functools.lru_cache(maxsize=256)
def folded(text: str) -> str:
    """``text`` as prefixes are matched against: case-folded, white space runs as one space, a space at each end
    (several prefilters ask for the same sentence: made once)."""
    return " " + " ".join(text.casefold().split()) + " "


class Prefilter:
    """Which of ``patterns`` may match a text: all those that can, in their order. Built on first use."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._patterns = tuple(patterns)
        self._always: list[int] | None = None
        self._automaton: Any = None

    def _build(self) -> None:
        always: list[int] = []
        wanted: dict[str, set[int]] = {}
        for i, pattern in enumerate(self._patterns):
            prefixes = literal_prefixes(pattern)
            if prefixes is None:
                always.append(i)
                continue
            for prefix in prefixes:
                wanted.setdefault(prefix, set()).add(i)
        if wanted:
            self._automaton = ahocorasick.Automaton()
            for prefix, indices in wanted.items():
                self._automaton.add_word(prefix, frozenset(indices))
            self._automaton.make_automaton()
        self._always = always

    def candidates(self, text: str) -> list[int]:
        """Indices of the patterns that may match ``text``, ascending."""
        if self._always is None:
            self._build()
        found = set(self._always or ())
        if self._automaton is not None:
            for _, indices in self._automaton.iter(folded(text)):
                found |= indices
        return sorted(found)


class Quick:
    """One pattern, searched only in texts holding one of its literal prefixes."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._gate = Prefilter([pattern])

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, without running the pattern where it cannot match."""
        return self.pattern.search(text) if self._gate.candidates(text) else None
