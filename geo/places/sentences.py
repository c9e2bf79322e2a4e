"""An article's sentences: cut at sentence ends (not after an abbreviation or an initial), and a sentence
longer than ``settings.MAX_SENTENCE_CHARS`` cut again at clauses, so that reading any text takes time linear
in its length."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from geo import settings

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9\u0400-\u04ff])|\n+")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Gen|Lt|Col|Maj|Sgt|Capt|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|No|vs|approx|U\.S|U\.K|U\.N|[A-Z])\.)$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article and where it starts."""

    index: int
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=16)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each sentence of ``text``, whole."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if (m.group(0).strip() == "" and "\n" not in m.group(0)
            and _ABBREVIATIONS.search(text[max(0, m.start() - 6) : m.start()])):
            continue
        spans.append((start, m.start()))
        start = m.end()
    return (*spans, (start, len(text)))


@functools.lru_cache(maxsize=16)
def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split text into sentences, keeping character offsets into ``text`` (recognition and claims split the
    same article: the second time is free). A sentence longer than ``settings.MAX_SENTENCE_CHARS`` is cut into
    pieces at clause boundaries (see :func:`long_sentences`)."""
    sentences: list[Sentence] = []
    for begin, end in (piece for start, stop in _spans(text) for piece in _pieces(text, start, stop)):
        chunk = text[begin:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(len(sentences), begin + lead, end, chunk.strip()))
    return tuple(sentences)


# where a sentence too long to read whole is cut: after a semicolon, a comma or before "and", else after a
# space
_CUTS = (re.compile(r";\s"), re.compile(r",\s"), re.compile(r"\s(?=and\s)"), re.compile(r"\s"))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of a sentence, or of pieces of at most ``settings.MAX_SENTENCE_CHARS`` when it is
    longer, each cut at the last clause boundary that fits (the work on a sentence grows faster than its
    length)."""
    limit = settings.MAX_SENTENCE_CHARS
    pieces = []
    while end - start > limit:
        window = text[start : start + limit]
        cut = next((m.end() for rx in _CUTS for m in [_last(rx, window)] if m and m.end() > limit // 4),
                   limit)
        pieces.append((start, start + cut))
        start += cut
    return [*pieces, (start, end)]


def _last(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``rx`` in ``text``."""
    matches = list(rx.finditer(text))
    return matches[-1] if matches else None


def long_sentences(text: str) -> int:
    """How many sentences of ``text`` are longer than ``settings.MAX_SENTENCE_CHARS`` (and read in pieces)."""
    return sum(1 for start, end in _spans(text) if len(text[start:end].strip()) > settings.MAX_SENTENCE_CHARS)
