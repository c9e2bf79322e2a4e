"""The claim engine's own pattern matcher (geo/claims/match.py): the spaCy Matcher's pattern language,
bounded."""

from __future__ import annotations

from collections import defaultdict

import pytest
from spacy.matcher import Matcher as SpacyMatcher

from geo.claims.counters import COUNTERS
from geo.claims.examples import EXAMPLES
from geo.claims.match import Matcher, Words
from geo.claims.rules import RULES
from geo.claims.sides import _ROWS
from geo.claims.tokens import pipeline
from geo.claims.tokens import words_of as tokens_words


def words_of(text: str) -> tuple[Words, object]:
    """The words of a text, and its spaCy doc with the same lemmas set (for spaCy's own Matcher)."""
    doc = pipeline()(text)
    words = tokens_words(doc)
    for token, lemma in zip(doc, words.lemma):
        token.lemma_ = lemma
    return words, doc


def test_operators_sets_and_flags() -> None:
    m = Matcher()
    m.add("fell",
          [({"LEMMA": "fall"}, {"LOWER": {"IN": ["to", "under"]}}, {"OP": "{,2}"}, {"LOWER": "control"})])
    m.add("took",
          [({"LOWER": "the", "OP": "?"}, {"LEMMA": {"IN": ["take"]}, "LOWER": {"NOT_IN": ["takes"]}})])
    m.add("ordinal", [({"TEXT": {"REGEX": r"^\d+(st|nd|rd|th)$"}}, {"IS_TITLE": True, "OP": "{1,2}"})])
    words, _ = words_of("Avdiivka fell under Russian military control; the 47th Mechanised Brigade took it, "
                        "she takes.")
    found = {(k, words.text[a], words.text[b - 1]) for k, a, b in m(words, 0, len(words.text))}
    assert found == {("fell", "fell", "control"), ("took", "took", "took"), ("ordinal", "47th", "Brigade")}


@pytest.mark.parametrize("op", ["*", "+", "{2,}", "!"])
def test_unbounded_operators_are_refused(op: str) -> None:
    with pytest.raises(ValueError):
        Matcher().add("x", [({"LOWER": "a", "OP": op},)])


def _longest_by_start(found: list[tuple[str, int, int]]) -> dict[tuple[str, int], int]:
    best: dict[tuple[str, int], int] = defaultdict(int)
    for key, a, b in found:
        best[(key, a)] = max(best[(key, a)], b)
    return dict(best)


def test_the_rows_match_as_spacy_matches_them() -> None:
    """On every example and counter sentence, the longest match of every rule and actor row at every start is
    the one spaCy's own Matcher finds."""
    ours, theirs = Matcher(), SpacyMatcher(pipeline().vocab, validate=True)
    for key, patterns in [*((r.id, r.patterns) for r in RULES), *_ROWS]:
        ours.add(key, patterns)
        theirs.add(key, [[dict(t) for t in p] for p in patterns])
    texts = ([e.text for rows in EXAMPLES.values() for e in rows]
             + [c.text for rows in COUNTERS.values() for c in rows])
    assert len(texts) > 60
    for text in texts:
        words, doc = words_of(text)
        expected = _longest_by_start([(doc.vocab.strings[k], a, b) for k, a, b in theirs(doc)])  # type: ignore[operator, attr-defined]
        assert _longest_by_start(ours(words, 0, len(words.text))) == expected, text
