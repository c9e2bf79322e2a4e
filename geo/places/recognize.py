"""Find the places an article names: gazetteer matching over capitalised words, plus region phrases.

Recognition is gazetteer-first: an NER model tags Toretsk or Chasiv Yar as a person or an organisation,
while every settlement of the region is in the gazetteer under its folded key.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import takewhile
from typing import Literal

from geo import settings
from geo.models import Mention
from geo.names import fold
from geo.places.gazetteer import Gazetteer
from geo.places.sentences import Sentence, split_sentences

_WORD = re.compile(r"[^\W\d_](?:[\w’'\-]*\w)?")
# The words of _WORD that may begin with a capital, as group 1 (the others are passed over by the regex
# engine, not by Python): a run of word characters, apostrophes and hyphens holds one word of _WORD, from its
# first letter to its last word character, and here that letter must be no ASCII lower-case one.
_CAPITAL_WORD = re.compile(r"(?<![\w’'\-])[\d_’'\-]*([^\W\d_a-z](?:[\w’'\-]*\w)?)")
_REGION_WORD = re.compile(r"\s+(?:border\s+)?(?:region|oblast|Oblast|Region|province|Province|oblast's|"
                          r"region's|People['’]s\s+Republic)\b")
_RAION_WORD = re.compile(r"\s+(?:district|raion|rayon)s?\b", re.IGNORECASE)
_REGIONS_WORD = re.compile(r"\s+(?:regions|oblasts|Oblasts|Regions|provinces)\b")
# "Donetsk and Luhansk regions", "the Kharkiv, Donetsk, Luhansk and Kherson oblasts": every name of the list
# is a region.
_PAIR_OF_REGIONS = re.compile(
    r"(?:\s*,\s*[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)*,?\s+and\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?"
    + _REGIONS_WORD.pattern)
_SETTLEMENT_CUE = re.compile(
    r"(?:\b(?:village|town|city|settlement|hamlet|urban-type settlement|stronghold|hub)s?\s+(?:of\s+)?)$",
    re.IGNORECASE
)
# The object of a verb of taking ground is a place even when no gazetteer knows it ("entered Snagost").
_TAKEN_CUE = re.compile(r"\b(?:captured|seized|liberated|retook|recaptured|entered|stormed|encircled|"
                        r"took\s+control\s+of)\s+$",
                        re.IGNORECASE)
# Words that open a place name though they are stop words on their own ("New York", the Donetsk village).
_NAME_OPENERS = frozenset({"New", "Old", "North", "South", "East", "West", "Upper", "Lower", "Great",
                           "Little"})
# A name followed by these is a unit, group or outlet ("Khortytsia group", "Azov brigade", "Kyiv Post").
_NOT_A_PLACE_AFTER = re.compile(
    r"[\"'’”]?\s+(?:operational(?:-strategic)?|group(?:ing)?|battalion|brigade|regiment|corps|division|"
    r"defen[cs]e\s+forces|forces\s+group(?:ing)?|times|post|independent|"
    r"institute|university|sea|nuclear\s+power\s+plant|npp|hpp|dam|reservoir|river|stadium|(?:defen[cs]e\s+)?plant|"
    r"factory|airport|airfield|air\s+base|railway\s+station|telegram|channel|news|media|agency|tv|newspaper|blog|"
    r"website)\b", re.IGNORECASE)
# A name after these is a water, a channel, an outlet or a unit ("the Telegram channel Rybar", "the news site
# Strana", "the milblogger Dva Mayora"), not a place.
_NOT_A_PLACE_BEFORE = re.compile(
    r"\b(?:(?:sea|gulf|bay|river|lake|strait)\s+of|(?:telegram|youtube|tv|television|news)?\s*(?:channel|outlet|newspaper|"
    r"website|site|agency|publication|blog|account|milblogger|blogger|podcast|broadcaster)|call\s+sign)\s+[\"'‘“]?$",
    re.IGNORECASE)
# Titles before a surname ("President Zelensky", "spokesman Voloshyn").
_TITLE_BEFORE = re.compile(
    r"\b(?:president|minister|gen\.?|general|governor|mayor|spokesman|spokeswoman|spokesperson|commander|colonel|"
    r"col\.?|lt\.?|major|sgt\.?|mr\.?|mrs\.?|ms\.?|dr\.?|chief|head|leader|analyst|blogger|lawmaker|MP|official|"
    r"representative|adviser|advisor|deputy|chairman|secretary|envoy|ambassador|officer)\s+$", re.IGNORECASE)
# What makes a capital a place ("in Kyiv", "attacked Kyiv") rather than its government ("Kyiv said", "Moscow's
# forces", "cost Moscow dearly").
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|into|near|from|towards?|outside|around|over|on|of|across|through|via|inside|beyond|between|"
    r"attack(?:ed|s)?|hit|struck|strikes?|shell(?:ed|s)?|bomb(?:ed|s)?|target(?:ed|s)?|enter(?:ed|s)?|reach(?:ed|es)?|"
    r"captured?|took|take|visit(?:ed|s)?|left|fled|approach(?:ed|es)?|encircled?|surround(?:ed|s)?)"
    r"\s+(?:the\s+)?(?:city\s+of\s+|capital\s*,?\s+)?$", re.IGNORECASE)
# English word forms that open sentences ("Retaking Makariv", "Reportedly Russian ...").
_ENGLISH_FORM = re.compile(r"[A-Z][a-z]+(?:ing|ed|ly)")
# "Velyka and Mala Oleksandrivka"
_ELIDED_PAIR = re.compile(r"\s+(?:and|or|&)\s+([A-Z][\w’'\-]+)\s+([A-Z][\w’'\-]+)")
# Lists of settlements: "the following settlements in Kharkiv region: A, B", "the villages of A, B and C".
_LIST_INTRO = re.compile(r"\b(?:settlements|villages|towns|localities|"
                         r"hamlets)\b[^.;:]{0,60}:\s*(?:the\s+villages?\s+of\s+)?$", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)\s*")
_AND = re.compile(r",?\s+(?:and|or)\s+")
# "Snagost, a village in the Kursk region": a name presented as a settlement.
_TYPED_AFTER = re.compile(r",\s+(?:a|the)\s+(?:small\s+)?(?:village|town|city|settlement|hamlet)\b",
                          re.IGNORECASE)


# Capitalised words that are never place names in this copy, though some fold like a village.
STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as after before since during while this that these
    those it its he she they we i you his her their our there here when where which who what why how if then
    than also however meanwhile amid according earlier later last next new old north south east west northern
    southern eastern western central president minister ministry general major colonel commander governor
    mayor spokesman spokesperson head chief secretary defence defense army forces troops military staff
    brigade battalion council parliament government security national armed air navy state republic people
    peoples monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december russian russians ukrainian ukrainians korean american
    british european western allies kremlin pentagon nato un eu us uk usa read more photo video reuters ap afp
    bbc cnn ap tass ria isw telegram facebook twitter x day week month year war front line frontline operation
    offensive counteroffensive region oblast district city town village settlement rayon hromada""".split()
)


#: A word of a sentence: (start, end, text), offsets into the article.
Word = tuple[int, int, str]
#: Capitalised words in a row.
Run = tuple[Word, ...]


def _strip_possessive(start: int, word: str) -> Word:
    if word.endswith(("'s", "’s")) and len(word) > 3:
        word = word[:-2]
    return start, start + len(word), word


def _capitalised(word: str) -> bool:
    """A capitalised word that may be (part of) a name: not "Russian-held", not a stop word."""
    if not word[:1].isupper() or word.lower() in STOPWORDS:
        return False
    last = word.rsplit("-", 1)[-1]
    return "-" not in word or last[:1].isupper()


@functools.lru_cache(maxsize=512)
def _runs(sentence: Sentence) -> tuple[Run, ...]:
    """Runs of capitalised words of a sentence, as (start, end, word) with offsets into the article text.

    A name-forming word ("New", "North") may open a run when a capitalised word follows ("New York"). Asked
    twice for each sentence (for its mentions and for its candidate names), computed once.
    """
    # only the words that begin with a capital can be in a run; "adjacent" is measured in characters, so
    # leaving the others out changes nothing: a word between two capitalised ones keeps them apart either way
    words = [_strip_possessive(m.start(1) + sentence.start, w) for m in _CAPITAL_WORD.finditer(sentence.text)
             if (w := m.group(1))[:1].isupper()]
    runs, i = [], 0
    while i < len(words):
        opener = words[i][2] in _NAME_OPENERS and i + 1 < len(words) and _capitalised(words[i + 1][2]) \
            and words[i + 1][0] - words[i][1] == 1
        if not (_capitalised(words[i][2]) or opener):
            i += 1
            continue
        end = i
        while end + 1 < len(words) and _capitalised(words[end + 1][2]) \
                and words[end + 1][0] - words[end][1] == 1 \
                and sentence.text[words[end][1] - sentence.start] in " -":
            end += 1
        runs.append(tuple(words[i : end + 1]))
        i = end + 1
    return tuple(runs)


def find_mentions(article_id: str, text: str, gazetteer: Gazetteer, *, max_words: int = 3) -> list[Mention]:
    """Every span of ``text`` that names a settlement or a region, known to the gazetteer or introduced by a
    cue.

    Names the gazetteer lacks but the text presents as a place ("the village of Snagost") come back as
    mentions too; the resolver reports them as unresolved.
    """
    sentences = [(s, [t for t in (_trim(text, r, gazetteer) for r in _runs(s)) if t])
                 for s in split_sentences(text)]
    people = _person_names(text, [r for _, runs in sentences for r in runs], gazetteer)
    mentions: list[Mention] = []
    for sentence, runs in sentences:
        for run in runs:
            before = text[max(sentence.start, run[0][0] - 90) : run[0][0]]
            listed = (bool(_LIST_INTRO.search(before))
                      or _continues_list(text, mentions, sentence.index, run[0][0]))
            paired = listed or _coordinated(text, mentions, sentence.index, run, gazetteer)
            _match_run(article_id, text, run, sentence.index, gazetteer, people, mentions, max_words, listed,
                       paired)
    return _recurring(article_id, text, [s for s, _ in sentences], mentions, gazetteer)


def _recurring(article_id: str, text: str, sentences: Sequence[Sentence], mentions: list[Mention],
               gazetteer: Gazetteer) -> list[Mention]:
    """A name no gazetteer knows that the text introduced as a settlement ("the village of Zaporizhske") names
    it again wherever it recurs ("its forces took Zaporizhske on Monday")."""
    introduced = {m.surface for m in mentions
                  if m.typed_settlement and m.kind == "plain" and not gazetteer.knows(m.surface)}
    if not introduced:
        return mentions
    starts, ends = [m.start for m in mentions], [m.end for m in mentions]
    openings = [s.start for s in sentences]
    found = list(mentions)
    for m in re.finditer(r"\b(?:" + "|".join(re.escape(n) for n in sorted(introduced, key=len, reverse=True))
                         + r")\b", text):
        i = bisect_right(starts, m.start())
        if (i and ends[i - 1] > m.start()) or (i < len(starts) and starts[i] < m.end()):
            continue  # inside a mention found already
        sentence = sentences[max(0, bisect_right(openings, m.start()) - 1)]
        found.append(_mention(article_id, text, m.start(), m.end(), sentence.index, typed_settlement=True))
    return sorted(found, key=lambda m: m.start)


def candidate_names(text: str, *, max_words: int = 3) -> set[str]:
    """Every run of up to ``max_words`` capitalised words of a text: the names a gazetteer might know. When
    the gazetteer changes, an article is read again only if one of these names now means something else."""
    names = set()
    for sentence in split_sentences(text):
        for run in _runs(sentence):
            for i in range(len(run)):
                for j in range(i, min(i + max_words, len(run))):
                    names.add(text[run[i][0] : run[j][1]])
    return names


def _continues_list(text: str, mentions: Sequence[Mention], sentence_index: int, start: int) -> bool:
    """Whether a name at ``start`` goes on a list of settlements: after a settlement introduced as one ("the
    villages of Melovoy, Podol and ..."), or after two or more places in a row ("Viktorovka, Nikolayevka and
    Staraya Sorochina")."""
    chain: list[Mention] = []
    end = start
    for m in reversed(mentions):
        if (m.sentence_index != sentence_index or m.kind != "plain"
            or not _LIST_SEPARATOR.fullmatch(text[m.end : end])):
            break
        chain.append(m)
        end = m.start
    return bool(chain) and (chain[0].typed_settlement or len(chain) >= 2)


def _coordinated(text: str, mentions: Sequence[Mention], sentence_index: int, run: Run,
                 gazetteer: Gazetteer) -> bool:
    """Whether a run is joined by "and" or "or" to a place before it or to a known name after it ("near Tykhe
    and Vovchanski Khutory", "Tykhe and Chasiv Yar"): a short name is then a place too. A comma alone joins no
    more than a name to its apposition ("Olga, a Kharkiv resident")."""
    last = mentions[-1] if mentions else None
    if (last is not None and last.sentence_index == sentence_index
        and _AND.fullmatch(text[last.end : run[0][0]])):
        return True
    joined = _AND.match(text, run[-1][1])
    if joined is None:
        return False
    following = [m.group(0) for m in _WORD.finditer(text[joined.end() : joined.end() + 40])][:3]
    name = list(takewhile(lambda word: word[:1].isupper(), following))  # the capitalised words after "and"
    return any(gazetteer.knows(n) and not gazetteer.is_common_word(n)
               for n in (" ".join(name[:k]) for k in range(len(name), 0, -1)))


def _trim(text: str, run: Run, gazetteer: Gazetteer) -> Run:
    """Drop capitalised common words that open a run ("Near Avdiivka", "Heavy fighting"), unless the run is a
    name: a known place, or a person after a title ("Health Minister Viktor Lyashko")."""
    if _titled(text, run[0][0]):
        return run
    while len(run) > 1 and (gazetteer.is_common_word(run[0][2]) or _ENGLISH_FORM.fullmatch(run[0][2])) \
            and run[0][2] not in _NAME_OPENERS and not gazetteer.knows(text[run[0][0] : run[-1][1]]):
        run = run[1:]
    return run


@functools.lru_cache(maxsize=1024)
def _before(cue: re.Pattern[str], text: str, start: int) -> bool:
    """Whether the 40 characters before ``start`` end with ``cue`` (asked for each name a run's words may
    make, of the same words before it: answered once)."""
    return cue.search(text[max(0, start - 40) : start]) is not None


@functools.lru_cache(maxsize=1024)
def _titled(text: str, start: int) -> bool:
    """Whether a title ("President", "Gen.") stands right before ``start`` (asked when a run is trimmed and
    again when surnames are collected: answered once)."""
    return _TITLE_BEFORE.search(text[max(0, start - 30) : start]) is not None


def _person_names(text: str, runs: list[Run], gazetteer: Gazetteer) -> set[str]:
    """Surnames of the article: the last word of "Oleksandr Syrskyi" or of "President Zelensky".

    Later, a bare "Syrskyi" is the person again, not the village it happens to fold like.
    """
    people = set()
    for run in runs:
        first = run[0]
        titled = _titled(text, first[0])
        last = run[-1][2]
        if len(run) in (2, 3) and not gazetteer.knows(text[first[0] : run[-1][1]]) \
                and run[0][2] not in _NAME_OPENERS \
                and not _large_place(last, gazetteer):
            people.add(last)
        elif titled and len(run) == 1:
            people.add(first[2])
    return people


def _match_run(article_id: str, text: str, run: Run, sentence_index: int, gazetteer: Gazetteer,
               people: set[str], out: list[Mention], max_words: int, listed: bool = False,
               paired: bool = False) -> None:
    """Match the longest place names inside a run of capitalised words; ``listed``: the run is an item of a
    list of settlements ("liberated the settlements of Melovoy, Podol and Sudzha"); ``paired``: it is joined
    to a place ("near Tykhe and Vovchanski Khutory"), so a short name spelled as a place and no English word
    is a place."""
    j = 0
    while j < len(run):
        for n in range(min(max_words, len(run) - j), 0, -1):
            if _took(article_id, text, run[j : j + n], n == len(run) - j, j == 0, sentence_index, gazetteer,
                     people, out, listed, paired):
                j += n
                break
        else:
            j += 1


def _took(article_id: str, text: str, words: Run, last: bool, first: bool, sentence_index: int,
          gazetteer: Gazetteer, people: set[str], out: list[Mention], listed: bool, paired: bool) -> bool:
    """Whether ``words`` of a run (``first``: its start, ``last``: to its end) are taken: added to ``out`` as
    a mention, or passed over as no place at all; False: try fewer words."""
    start, end = words[0][0], words[-1][1]
    surface, n = text[start:end], len(words)
    if n == 1 and (surface.lower() in STOPWORDS or surface in people):
        return False
    if _NOT_A_PLACE_AFTER.match(text, end) or _before(_NOT_A_PLACE_BEFORE, text, start):
        return True
    area = _area_mention(article_id, text, start, end, sentence_index, gazetteer) if last else None
    if area is not None:
        out.append(area)
        return True
    if gazetteer.country(surface) and n == 1:
        return True
    elided = _ELIDED_PAIR.match(text, end) if n == 1 else None
    if (elided and gazetteer.knows(f"{surface} {elided.group(2)}")
            and gazetteer.knows(f"{elided.group(1)} {elided.group(2)}")):
        # "Velyka and Mala Oleksandrivka": two places sharing their last word
        out.append(_mention(article_id, text, start, end, sentence_index,
                            surface=f"{surface} {elided.group(2)}"))
        return True
    cue = _before(_SETTLEMENT_CUE, text, start) or (listed and first)
    if gazetteer.knows(surface):
        if not (first and last) or not _plausible(surface, gazetteer,
                                                  cue or (paired and _spelled_place(surface, gazetteer))):
            return False  # a name inside a longer run ("Volodymyr Zelensky", "Pat Ryder") is not a place
        out.append(_mention(article_id, text, start, end, sentence_index, typed_settlement=cue))
        return True
    if gazetteer.regions(surface) and last:
        out.append(_mention(article_id, text, start, end, sentence_index, kind="region"))  # "Crimea"
        return True
    if last and (cue or _TYPED_AFTER.match(text, end)
                 or (first and _TAKEN_CUE.search(text[max(0, start - 30) : start]))):
        out.append(_mention(article_id, text, start, end, sentence_index, typed_settlement=True))
        return True
    return False


def _area_mention(article_id: str, text: str, start: int, end: int, sentence_index: int,
                  gazetteer: Gazetteer) -> Mention | None:
    """A name followed by "district" or "raion" that names a raion, or by "region", "oblast", "regions" (or
    closing a list of regions) that names a region: the mention of that area."""
    surface, after = text[start:end], text[end : end + 20]
    raion = _RAION_WORD.match(after)
    if raion and gazetteer.raions(surface):
        return _mention(article_id, text, start, end + raion.end(), sentence_index, kind="raion")
    region = _REGION_WORD.match(after) or _REGIONS_WORD.match(after) or _PAIR_OF_REGIONS.match(text, end)
    if region is not None and (gazetteer.regions(surface) or gazetteer.regions_like(surface)):
        tail = _REGION_WORD.match(after)
        return _mention(article_id, text, start, end + (tail.end() if tail else 0), sentence_index,
                        kind="region")
    return None


def _mention(article_id: str, text: str, start: int, end: int, sentence_index: int, *,
             surface: str | None = None, kind: Literal["plain", "region", "raion"] = "plain",
             typed_settlement: bool = False) -> Mention:
    return Mention(article_id, start, end, surface or text[start:end], sentence_index, kind=kind,
                   typed_settlement=typed_settlement,
                   as_actor=(not _PLACE_BEFORE.search(text[max(0, start - 30) : start])
                             or text.startswith(("'s", "’s"), end)))


def _large_place(name: str, gazetteer: Gazetteer) -> bool:
    """True when ``name`` is spelled exactly as a city of 50,000+ people of the region (never a surname or a
    word)."""
    spelled = gazetteer.spelled(name)
    return any(p.population >= 50_000 and p.country in settings.GAZETTEER_COUNTRIES
               for p in gazetteer.settlements(name) if p.place_id in spelled)


def _spelled_place(surface: str, gazetteer: Gazetteer) -> bool:
    """A name spelled exactly as a place, and no English word ("Tykhe"; not "Bukha", which only folds like
    Buhai)."""
    return bool(gazetteer.spelled(surface)) and not gazetteer.is_common_word(surface)


def _plausible(surface: str, gazetteer: Gazetteer, cue: bool) -> bool:
    """Common words ("Police", "Most") and short keys are places only when spelled exactly as one."""
    if cue:
        return True
    exact = gazetteer.spelled(surface)
    if " " not in surface and gazetteer.is_common_word(surface) and not _large_place(surface, gazetteer):
        return False
    if len(fold(surface)) >= 4:
        return True
    return any(p.population >= 5_000 for p in gazetteer.settlements(surface) if p.place_id in exact)
