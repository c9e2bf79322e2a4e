"""The token layer: an article's words as spaCy's tokenizer cuts them, its sentences, its places as single
tokens.

spaCy's blank English pipeline (a tokenizer, no model, nothing downloaded) with lemmas looked up in the table
``spacy-lookups-data`` ships, on the lower-cased word ("Captured" -> capture). Each place a mention names
becomes one token (``Chasiv Yar``, ``Novo-Oleksandrivka``), so a rule sees "captured PLACE and PLACE". spaCy
is imported here only, when the first article is read.
"""

from __future__ import annotations

import functools
import itertools
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from geo import settings
from geo.claims.match import Words, positions
from geo.claims.vocab import CLAUSE_MARKS
from geo.models import Article, Resolved
from geo.places.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_K = TypeVar("_K")
_V = TypeVar("_V")

#: lemmas the lookup table gets wrong for news copy ("as" -> "a", "does" -> "doe", "ground" -> "grind")
_LEMMA_OVERRIDES = {"as": "as", "'s": "'s", "’s": "’s", "more": "more", "could": "could", "first": "first",
                    "ground": "ground", "number": "number", "evening": "evening", "does": "do",
                    "wound": "wound", "left": "leave", "lines": "line", "forces": "force",
                    "fighting": "fighting", "hostilities": "hostility", "data": "data", "media": "media",
                    "remains": "remain", "positions": "position", "held": "hold", "outskirts": "outskirts",
                    "news": "news", "taking": "take", "capturing": "capture",
                    "liberating": "liberate", "storming": "storming", "retaking": "retake", "fell": "fall",
                    "fallen": "fall", "falls": "fall", "falling": "fall", "won": "win", "lost": "lose",
                    "fled": "flee", "drove": "drive", "driven": "drive", "repelled": "repel",
                    "repulsed": "repulse",
                    "beaten": "beat", "overran": "overrun", "withdrew": "withdraw", "withdrawn": "withdraw",
                    # plurals the table lacks
                    "bloggers": "blogger", "milbloggers": "milblogger", "sappers": "sapper",
                    "counteroffensives": "counteroffensive"}


@functools.cache
def pipeline() -> Language:
    """spaCy's blank English tokenizer (built once per process; no model), taking articles up to the size
    ingest accepts (spaCy's own limit of a million characters guards a parser's memory, which a tokenizer does
    not use)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = settings.MAX_ARTICLE_BYTES + 1
    return nlp


class _Remembered(dict[_K, _V]):
    """A lookup that asks ``fill`` once for each key and remembers the answer."""

    def __init__(self, fill: Callable[[_K], _V]) -> None:
        super().__init__()
        self._fill = fill

    def __missing__(self, key: _K) -> _V:
        found = self[key] = self._fill(key)
        return found


@functools.cache
def lemmatizer() -> Callable[[str], str]:
    """The lemma of a lower-cased word, from the lookup table ``spacy-lookups-data`` ships and a few
    overrides."""
    from spacy.lookups import load_lookups

    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    return _Remembered[str,
                       str](lambda word: _LEMMA_OVERRIDES.get(word) or str(table.get(word, word))).__getitem__


#: what the patterns read of one word: lower case, lemma, text, title case, like a number, punctuation
_Row = tuple[str, str, str, bool, bool, bool]


@functools.cache
def _rows() -> Callable[[int | str], _Row]:
    """The row of a word of the tokenizer's vocabulary, by its hash or its text (worked out once per word)."""
    vocab, lemma = pipeline().vocab, lemmatizer()

    def fill(key: int | str) -> _Row:
        lex = vocab[key]
        return lex.lower_, lemma(lex.lower_), lex.orth_, lex.is_title, lex.like_num, lex.is_punct

    return _Remembered[int | str, _Row](fill).__getitem__


def _words(rows: Sequence[_Row]) -> Words:
    if not rows:
        return Words((), (), (), (), (), ())
    return Words(*map(tuple, zip(*rows)))


def words_of(doc: Doc) -> Words:
    """The attributes the patterns read of a doc of :func:`pipeline`, as plain strings and flags."""
    return _words([_rows()(orth) for orth in doc.to_array("ORTH").tolist()])


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence as a token range of the article's doc, with the sentence it is."""

    sentence: Sentence
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    """An article as tokens: its words as plain strings, its sentences, the place each place token stands
    for, and clause numbers."""

    article: Article
    words: Words
    spans: tuple[Span, ...]
    places: dict[int, Resolved]
    clause: tuple[int, ...]
    #: the first token of each token's run of its clause (where ", which ..." or "but ..." opens)
    opening: tuple[int, ...]
    by_index: dict[int, Span]
    #: where each token starts and ends in the article's text
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    place_tokens: tuple[int, ...]  # the keys of ``places``, sorted

    def lower(self, i: int) -> str:
        return self.words.lower[i] if 0 <= i < len(self.words.lower) else ""

    def lemma(self, i: int) -> str:
        return self.words.lemma[i] if 0 <= i < len(self.words.lemma) else ""

    def title(self, i: int) -> bool:
        return 0 <= i < len(self.words.title) and self.words.title[i]

    def number(self, i: int) -> bool:
        return 0 <= i < len(self.words.num) and self.words.num[i]

    def text(self, a: int, b: int) -> str:
        """The article's text from token ``a`` to the end of token ``b - 1`` (clamped to the doc, as a slice
        is)."""
        a, b = max(a, 0), min(b, len(self.ends))
        return self.article.text[self.starts[a] : self.ends[b - 1]] if a < b else ""

    def names_a_place(self, span: Span) -> bool:
        """Whether a sentence holds a place token."""
        k = bisect_left(self.place_tokens, span.start)
        return k < len(self.place_tokens) and self.place_tokens[k] < span.end

    def tokens_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens that characters ``start:end`` of the article's text overlap, as a range, if any."""
        return _overlapped(self.starts, self.ends, start, end)

    def span(self, index: int) -> Span:
        """The sentence of a given index."""
        return self.by_index[index]

    def following(self, span: Span) -> Span | None:
        """The sentence after ``span``, if any."""
        return self.by_index.get(span.sentence.index + 1)

    def sentence(self, index: int) -> Sentence:
        return self.span(index).sentence


def build_doc(article: Article, resolved: Sequence[Resolved]) -> ArticleDoc:
    """Tokenise an article once, make each place mention one token, and cut sentences and clauses."""
    orths, offsets, lengths = pipeline().make_doc(article.text).to_array(["ORTH", "IDX", "LENGTH"]).T.tolist()
    starts, ends, rows = _merge_places(article.text, offsets, list(map(operator.add, offsets, lengths)),
                                       list(map(_rows(), orths)), resolved)
    words = _words(rows)
    places: dict[int, Resolved] = {}
    for r in resolved:  # the settlement or region each place token stands for
        named = _overlapped(starts, ends, r.mention.start, r.mention.end)
        if named is not None and r.place.feature in ("settlement", "region"):
            places.setdefault(named[0], r)
    sentences = []
    for s in split_sentences(article.text):
        tokens = _overlapped(starts, ends, s.start, s.end)
        if tokens is not None:
            sentences.append(Span(s, *tokens))
    clause = _clauses(words, frozenset(s.start for s in sentences))
    return ArticleDoc(article, words, tuple(sentences), places, clause, _openings(clause),
                      {s.sentence.index: s for s in sentences}, tuple(starts), tuple(ends),
                      tuple(sorted(places)))


def _overlapped(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
    """The range of tokens (by where each starts and ends) that characters ``start:end`` overlap, if any."""
    first, last = bisect_right(ends, start), bisect_left(starts, end)
    return (first, last) if first < last else None


def _merge_places(text: str, starts: list[int], ends: list[int], rows: list[_Row],
                  resolved: Sequence[Resolved]
                  ) -> tuple[list[int], list[int], list[_Row]]:
    """Each mention of more than one token as one token ("Chasiv Yar"): the longest first where mentions
    overlap, as spaCy's ``filter_spans`` keeps them. Gives where the tokens start and end, and their rows."""
    runs = {_overlapped(starts, ends, r.mention.start, r.mention.end) for r in resolved}
    taken: set[int] = set()
    merged = []
    for first, last in sorted((r for r in runs if r is not None and r[1] - r[0] > 1),
                              key=lambda r: (r[0] - r[1], r[0])):
        if taken.isdisjoint(range(first, last)):
            taken.update(range(first, last))
            merged.append((first, last))
    out_starts: list[int] = []
    out_ends: list[int] = []
    out_rows: list[_Row] = []
    i = 0
    for first, last in sorted(merged):
        out_starts += starts[i:first]
        out_ends += ends[i:first]
        out_rows += rows[i:first]
        out_starts.append(starts[first])
        out_ends.append(ends[last - 1])
        out_rows.append(_rows()(text[starts[first] : ends[last - 1]]))
        i = last
    return out_starts + starts[i:], out_ends + ends[i:], out_rows + rows[i:]


#: words after ", and" that open a clause with a subject of its own (", and that the flag was raised"), or
#: the speaker's next statement (", and added that ...")
_NEW_SUBJECT = frozenset({"the", "a", "an", "that", "it", "they", "he", "she", "we", "its", "their", "his",
                          "her", "this", "these", "those", "there", "russian", "ukrainian", "russia",
                          "ukraine", "kyiv", "moscow", "added", "said", "says", "adds", "stressed", "noted",
                          "insisted", "claimed"})
_OPENS_AFTER_COMMA = frozenset({"which", "who", "whom", "whose", "where", "while", "whereas", "although",
                                "though", "but", "saying", "adding", "insisting", "noting", "stressing",
                                "claiming",
                                "according"})


#: the words that may open or close a clause
_CLAUSE_WORDS = CLAUSE_MARKS | _OPENS_AFTER_COMMA | frozenset({"(", ")", "and"})


def _clauses(words: Words, sentence_starts: frozenset[int]) -> tuple[int, ...]:
    """A clause number per token: a new clause starts with each sentence, at ``;`` and dashes, at ",
    which|who| where|while|but|saying|...", and at "but" or "while" anywhere; a bracket is a clause of its
    own, and the words after it go on with the clause before it. Only the tokens where a clause may change are
    visited."""
    lower = words.lower
    numbers: list[int] = []
    current = fresh = done = 0
    outer: list[int] = []
    marks = (i for word in _CLAUSE_WORDS.intersection(lower) for i in positions(lower, word, 0, len(lower)))
    for i in sorted(sentence_starts.union(marks)):
        numbers += [current] * (i - done)  # the words between go on with the clause they are in
        done = i + 1
        if i in sentence_starts:
            outer.clear()
            fresh += 1
            current = fresh
        word = lower[i]
        if word not in _CLAUSE_WORDS:
            numbers.append(current)
            continue
        after_comma = i > 0 and lower[i - 1] == ","
        if word == "(":
            outer.append(current)
            fresh += 1
            current = fresh
        elif word == ")" and outer:
            numbers.append(current)
            current = outer.pop()
            continue
        elif (word in CLAUSE_MARKS
              or (word in _OPENS_AFTER_COMMA and (after_comma or word in ("but", "while", "whereas")))
              or (word == "and" and after_comma and i + 1 < len(lower) and lower[i + 1] in _NEW_SUBJECT)):
            fresh += 1
            current = fresh
        numbers.append(current)
    return tuple(numbers + [current] * (len(lower) - done))


def _openings(clause: tuple[int, ...]) -> tuple[int, ...]:
    """For each token, the first token of the unbroken run of its clause it stands in."""
    openings: list[int] = []
    for _, run in itertools.groupby(clause):
        openings += [len(openings)] * len(tuple(run))
    return tuple(openings)
