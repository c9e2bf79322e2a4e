"""Find the places an article names: gazetteer matching over capitalised words, plus region phrases.

Recognition is gazetteer-first: an NER model tags Toretsk or Chasiv Yar as a person or an organisation,
while every settlement of the region is in the gazetteer under its folded key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.gazetteer import Gazetteer
from geo.models import Mention
from geo.names import fold

_WORD = re.compile(r"[^\W\d_](?:[\w’'\-]*\w)?")
_REGION_WORD = re.compile(r"\s+(?:region|oblast|Oblast|Region|province|Province|oblast's|region's)\b")
_REGIONS_WORD = re.compile(r"\s+(?:regions|oblasts|Oblasts|Regions|provinces)\b")
# "Donetsk and Luhansk regions": the first name of a coordinated pair is a region too.
_PAIR_OF_REGIONS = re.compile(r"\s+and\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?" + _REGIONS_WORD.pattern)
_SETTLEMENT_CUE = re.compile(
    r"(?:\b(?:village|town|city|settlement|hamlet|urban-type settlement|stronghold|hub)s?\s+(?:of\s+)?)$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9\u0400-\u04ff])|\n+")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Gen|Lt|Col|Maj|Sgt|Capt|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|No|vs|approx|U\.S|U\.K|U\.N|[A-Z])\.)$"
)

# Capitalised words that are never place names in this copy, though some fold like a village.
STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as after before since during while this that these those
    it its he she they we i you his her their our there here when where which who what why how if then than also
    however meanwhile amid according earlier later last next new old north south east west northern southern
    eastern western central president minister ministry general major colonel commander governor mayor spokesman
    spokesperson head chief secretary defence defense army forces troops military staff brigade battalion
    council parliament government security national armed air navy state republic people peoples
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december russian russians ukrainian ukrainians korean american british
    european western allies kremlin pentagon nato un eu us uk usa read more photo video reuters ap afp bbc cnn
    ap tass ria isw telegram facebook twitter x day week month year war front line frontline operation
    offensive counteroffensive region oblast district city town village settlement rayon hromada""".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article and where it starts."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences, keeping character offsets into ``text``."""
    sentences: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _ABBREVIATIONS.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        chunk = text[start : m.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(len(sentences), start + lead, m.start(), chunk.strip()))
        start = m.end()
    chunk = text[start:]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(len(sentences), start + lead, len(text), chunk.strip()))
    return sentences


def _strip_possessive(start: int, word: str) -> tuple[int, int, str]:
    if word.endswith(("'s", "’s")) and len(word) > 3:
        word = word[:-2]
    return start, start + len(word), word


def _capitalised(word: str) -> bool:
    """A capitalised word that may be (part of) a name: not "Russian-held", not a stop word."""
    if not word[:1].isupper() or word.lower() in STOPWORDS:
        return False
    last = word.rsplit("-", 1)[-1]
    return "-" not in word or last[:1].isupper()


def find_mentions(article_id: str, text: str, gazetteer: Gazetteer, *, max_words: int = 3) -> list[Mention]:
    """Every span of ``text`` that names a settlement or a region known to the gazetteer."""
    mentions: list[Mention] = []
    for sentence in split_sentences(text):
        words = [_strip_possessive(m.start() + sentence.start, m.group(0)) for m in _WORD.finditer(sentence.text)]
        i = 0
        while i < len(words):
            if not _capitalised(words[i][2]):
                i += 1
                continue
            run_end = i
            while run_end + 1 < len(words) and _capitalised(words[run_end + 1][2]) \
                    and text[words[run_end][1] : words[run_end + 1][0]] in (" ", "-"):
                run_end += 1
            consumed = _match_run(article_id, text, words[i : run_end + 1], sentence.index, gazetteer, mentions)
            i += max(consumed, 1)
    return mentions


def _match_run(article_id: str, text: str, run: list[tuple[int, int, str]], sentence_index: int,
               gazetteer: Gazetteer, out: list[Mention]) -> int:
    """Match the longest place names inside a run of capitalised words; return how many words were used."""
    j = 0
    while j < len(run):
        for n in range(min(3, len(run) - j), 0, -1):
            start, end = run[j][0], run[j + n - 1][1]
            surface = text[start:end]
            after = text[end : end + 16]
            region = _REGION_WORD.match(after) or _REGIONS_WORD.match(after) or _PAIR_OF_REGIONS.match(text, end)
            if region is not None and gazetteer.regions(surface):
                tail = _REGION_WORD.match(after)
                span_end = end + (tail.end() if tail else 0)
                out.append(Mention(article_id, start, span_end, text[start:span_end], sentence_index, kind="region"))
                j += n
                break
            if gazetteer.country(surface) and n == 1:
                j += n
                break
            if gazetteer.has_key(fold(surface)):
                if n < len(run) or not _plausible(surface, gazetteer):
                    # one word of a longer name ("Volodymyr Zelensky", "Pat Ryder") is not a place
                    continue
                cue = bool(_SETTLEMENT_CUE.search(text[max(0, start - 40) : start]))
                out.append(Mention(article_id, start, end, surface, sentence_index, typed_settlement=cue))
                j += n
                break
        else:
            j += 1
    return len(run)


def _plausible(surface: str, gazetteer: Gazetteer) -> bool:
    """Short keys ("Many" -> "man") are common words unless spelled exactly as a sizeable place."""
    if len(fold(surface)) >= 4:
        return True
    return any(p.name == surface and p.population >= 5_000 for p in gazetteer.settlements(surface))
