"""A matcher of declared token patterns, in the pattern language of spaCy's ``Matcher``.

A pattern is a tuple of token specs: ``LOWER``, ``LEMMA``, ``ORTH`` (a value, ``{"IN": [...]}`` or
``{"NOT_IN": [...]}``), ``TEXT`` (``{"REGEX": ...}``), ``IS_TITLE``, ``LIKE_NUM``, ``IS_PUNCT``, ``{}`` (any
token), and the operators ``?``, ``{,k}``, ``{m,n}`` and ``{m}`` (never ``*`` or ``+``: every pattern is
bounded, so a sentence costs linear time). spaCy's Matcher tests every pattern's sets at every token in
Python; this one indexes the patterns by the words they can start with, so a sentence costs one dictionary
lookup per token, and a short bounded search only where a pattern can begin (about ten times faster on the
rows of :mod:`geo.claims.rules`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

Pattern = Sequence[Mapping[str, object]]
Test = Callable[["Words", int], bool]


@dataclass(frozen=True, slots=True)
class Words:
    """The attributes patterns read, one entry per token of a document."""

    lower: tuple[str, ...]
    lemma: tuple[str, ...]
    text: tuple[str, ...]
    title: tuple[bool, ...]
    num: tuple[bool, ...]
    punct: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class _Spec:
    test: Test
    low: int
    high: int
    index: tuple[str, frozenset[str]] | None  # (attribute, values) a token must have to match, when known
    flag: tuple[str, bool] | None = None  # (flag, value) a token must have to match, when known


@dataclass(frozen=True, slots=True)
class _Variant:
    """A pattern with a required first spec, and the spec it is looked up by: the first indexed one whose
    offset from the start is fixed (``offset`` tokens in)."""

    key: str
    specs: tuple[_Spec, ...]
    offset: int
    #: word sets a match must draw on besides the one it is looked up by (a sentence without them is skipped)
    required: tuple[tuple[str, frozenset[str]], ...] = ()


_ATTRS = {"LOWER": "lower", "LEMMA": "lemma", "ORTH": "text", "TEXT": "text"}
_FLAGS = {"IS_TITLE": "title", "LIKE_NUM": "num", "IS_PUNCT": "punct"}
_OP = re.compile(r"\{(\d*),?(\d*)\}")


def _bounds(op: object) -> tuple[int, int]:
    """How many tokens an operator lets a spec take."""
    if op is None:
        return 1, 1
    if op == "?":
        return 0, 1
    m = _OP.fullmatch(str(op))
    if m is None or ("," in str(op) and not m.group(2)):
        raise ValueError(f"unbounded or unknown operator {op!r}: patterns must be bounded")
    low = int(m.group(1) or 0)
    return low, int(m.group(2)) if m.group(2) else low


def _value_test(attr: str, value: object) -> tuple[Test, frozenset[str] | None]:
    """A test of one attribute, and the values it accepts when they are a finite set."""
    if isinstance(value, str):
        return (lambda w, i: getattr(w, attr)[i] == value), frozenset({value})
    if isinstance(value, Mapping) and "IN" in value:
        accepted = frozenset(str(v) for v in value["IN"])
        return (lambda w, i: getattr(w, attr)[i] in accepted), accepted
    if isinstance(value, Mapping) and "NOT_IN" in value:
        refused = frozenset(str(v) for v in value["NOT_IN"])
        return (lambda w, i: getattr(w, attr)[i] not in refused), None
    if isinstance(value, Mapping) and "REGEX" in value:
        rx = re.compile(str(value["REGEX"]))
        return (lambda w, i: rx.search(getattr(w, attr)[i]) is not None), None
    raise ValueError(f"unsupported pattern value {value!r}")


def _spec(token: Mapping[str, object]) -> _Spec:
    """One token spec, compiled."""
    tests: list[Test] = []
    index: tuple[str, frozenset[str]] | None = None
    flagged: tuple[str, bool] | None = None
    for key, value in token.items():
        if key == "OP":
            continue
        if key in _FLAGS:
            flag, wanted = _FLAGS[key], bool(value)
            tests.append(lambda w, i, flag=flag, wanted=wanted: getattr(w, flag)[i] is wanted)  # type: ignore[misc]
            flagged = (flag, wanted)
        elif key in _ATTRS:
            test, values = _value_test(_ATTRS[key], value)
            tests.append(test)
            if values is not None and index is None:
                index = (_ATTRS[key], values)
        else:
            raise ValueError(f"unsupported pattern attribute {key!r}")
    low, high = _bounds(token.get("OP"))
    if len(tests) == 1:
        return _Spec(tests[0], low, high, index, flagged)
    return _Spec(lambda w, i: all(t(w, i) for t in tests), low, high, index, flagged)


def _anchor(specs: tuple[_Spec, ...]) -> tuple[int, int] | None:
    """(spec number, token offset) of the indexed spec every match has at a fixed offset that accepts the
    fewest words ("occupied" rather than "the|in|of|..."), if any."""
    offset, found = 0, []
    for n, spec in enumerate(specs):
        if spec.index is not None and spec.low >= 1:
            found.append((len(spec.index[1]), n, offset))
        if spec.low != spec.high:
            break
        offset += spec.low
    return min(found)[1:] if found else None


def _variants(specs: tuple[_Spec, ...]) -> Iterable[tuple[_Spec, ...]]:
    """The pattern as variants whose first spec is required (so it can be indexed by its first word)."""
    if not specs:
        return
    first = specs[0]
    if first.low >= 1:
        yield specs
        return
    if first.high >= 1:
        yield (_Spec(first.test, 1, first.high, first.index, first.flag), *specs[1:])
    yield from _variants(specs[1:])


class Matcher:
    """Declared patterns under keys; :meth:`__call__` gives every (key, start, end) of the longest match of
    each pattern at each start, sorted."""

    def __init__(self) -> None:
        #: the variants by the attribute, then the word, they are looked up by
        self._by_word: dict[str, dict[str, list[_Variant]]] = defaultdict(lambda: defaultdict(list))
        self._anywhere: list[_Variant] = []

    def add(self, key: str, patterns: Iterable[Pattern]) -> None:
        for pattern in patterns:
            for specs in _variants(tuple(_spec(t) for t in pattern)):
                anchor = _anchor(specs)
                if anchor is None:
                    self._anywhere.append(_Variant(key, specs, 0))
                    continue
                attr, values = specs[anchor[0]].index  # type: ignore[misc]
                required = tuple(spec.index for n, spec in enumerate(specs)
                                 if spec.index is not None and spec.low >= 1 and n != anchor[0])
                for value in values:
                    self._by_word[attr][value].append(_Variant(key, specs, anchor[1], required))

    def __call__(self, words: Words, start: int, end: int) -> list[tuple[str, int, int]]:
        found: set[tuple[str, int, int]] = set()
        present: dict[str, set[str]] = {}  # the words of the range, by attribute, read when first needed

        def has_all(required: tuple[tuple[str, frozenset[str]], ...]) -> bool:
            for attr, values in required:
                if attr not in present:
                    present[attr] = set(getattr(words, attr)[start:end])
                if values.isdisjoint(present[attr]):
                    return False
            return True

        for attr, by_value in self._by_word.items():
            column = getattr(words, attr)
            if attr not in present:
                present[attr] = set(column[start:end])
            # the variants anchored on a word of the range whose other required words the range holds too;
            # each word's places are found by the tuple's own search, not by a loop over every token in Python
            for w in by_value.keys() & present[attr]:
                variants = [v for v in by_value[w] if not v.required or has_all(v.required)]
                if variants:
                    for i in positions(column, w, start, end):
                        for v in variants:
                            first = i - v.offset
                            if first >= start:
                                stop = _longest(v.specs, words, first, end)
                                if stop > first:
                                    found.add((v.key, first, stop))
        self._unanchored(words, start, end, found)
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _unanchored(self, words: Words, start: int, end: int, found: set[tuple[str, int, int]]) -> None:
        """Add to ``found`` the matches of the variants with no word to anchor them, tried at every token
        their first spec's flag (if any) holds for."""
        for v in self._anywhere:
            first_spec = v.specs[0]  # every variant's first spec is required
            flag = first_spec.flag
            candidates = (positions(getattr(words, flag[0]), flag[1], start, end) if flag is not None
                          else range(start, end))
            for i in candidates:
                if not first_spec.test(words, i):
                    continue
                stop = _longest(v.specs, words, i, end)
                if stop > i:
                    found.add((v.key, i, stop))


def positions(column: Sequence[object], value: object, start: int, end: int) -> list[int]:
    """Where ``column[start:end]`` holds ``value`` (compared with ``==``), in order."""
    out: list[int] = []
    index = column.index
    i = start - 1
    whole = start == 0 and end >= len(column)
    for _ in range(column.count(value) if whole else column[start:end].count(value)):
        i = index(value, i + 1, end)
        out.append(i)
    return out


def _longest(specs: tuple[_Spec, ...], words: Words, i: int, end: int) -> int:
    """The end of the longest match of ``specs`` from token ``i`` (not past ``end``), or -1: the positions
    each spec can reach from those the specs before it reached (one, mostly), the furthest of the last."""
    ends: Iterable[int] = (i,)
    for spec in specs:
        test, low, high = spec.test, spec.low, spec.high
        reached = []
        for p in ends:
            q, least, most = p, p + low, min(end, p + high)
            while q < least and q < end and test(words, q):
                q += 1
            if q < least:
                continue
            reached.append(q)
            while q < most and test(words, q):
                q += 1
                reached.append(q)
        if not reached:
            return -1
        ends = reached if len(reached) == 1 else set(reached)
    return max(ends)
