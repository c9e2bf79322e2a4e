"""Where the text itself says a name lies: the region or the country named with it.

A cue binds a name to its region or country, so that a namesake elsewhere is never chosen:

- a region (or a raion: "the Pokrovsk district") named right after the name, or after a list the name is in:
  "Stepove in the Dnipropetrovsk region", "Snagost, a village in the Kursk region", "Krasnopillia in the
  northeastern Sumy region", "A, B and C in Russia's Belgorod region";
- a region that opens a list: "Kursk region villages of A, B and C", "in the Kharkiv region: A, B";
- a region that opens the sentence, for the clause it governs: "In Russia's Kursk region, near Sudzha, troops
  took Viktorovka" (a weak cue: it does not move a town the reader knows);
- a country named with it: "the Russian border village of Tyotkino", "Tyotkino, Russia";
- a region it lies beside, not in: "Oleshnya, just across from Ukraine's Sumy region" (across a border: the
  other country).

Each construction was seen in at least two articles of the development corpora, or is the issue's own ("a
region named with or near the name"); a wording seen once is not a rule. Rules are expressions over the few
characters between a name and its region; the region must be a region mention of the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.models import Mention
from geo.places.sentences import split_sentences

_DIRECTION = (
    r"(?:(?:north|south)[\s-]?(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|central|border(?:ing)?|"
    r"front[\s-]?line)"
)
_COUNTRY_OWNER = r"(?:(?:Russia|Ukraine)['’]s\s+|Russian\s+|Ukrainian\s+)"
#: Between a name (or the last name of a list) and the region it lies in: "in the northeastern", ", a village
#: in Russia's", ", Donetsk Oblast" (nothing but a comma).
_TO_REGION_AFTER = re.compile(
    rf"(?:\s*,\s*(?:an?\s+(?:small\s+)?(?:\w+\s+)?(?:village|town|city|settlement|hamlet)s?\s+)?|\s+)"
    rf"(?:(?:in|of|near|from|inside|within)\s+)?(?:the\s+)?(?:{_DIRECTION}\s+)*{_COUNTRY_OWNER}?(?:{_DIRECTION}\s+)*",
    re.IGNORECASE)
#: Between a region and the list it opens: "Kursk region villages of", "in the Kharkiv region:", "Kursk
#: region, the villages of".
_REGION_OPENS_LIST = re.compile(r"\s*(?::|,?\s*(?:the\s+)?(?:villages?|towns?|settlements?|localities|"
                                r"hamlets)(?:\s+of)?\s*:?)\s*(?:the\s+)?(?:(?:villages?|towns?|city|"
                                r"settlements?|localities)\s+of\s+)?", re.IGNORECASE)
#: What follows a region that locates the name before it: the end of the apposition ("Bilohorivka, Luhansk
#: region, the governor said"), not more of a clause ("around X, in the Kharkiv region further north").
_LOCATOR_ENDS = re.compile(r"\s*(?:[,.;:)]|and\b|or\b|$)")
#: Between a name and a region it lies beside, not in: "just across from Ukraine's Sumy region", "near the
#: border with the Donetsk region".
_BESIDE_REGION = re.compile(
    rf",?\s+(?:just\s+)?(?:(?P<across>across\s+(?:the\s+border\s+)?from)|opposite|bordering|on\s+the\s+border\s+(?:of|with)|"
    rf"near\s+the\s+border\s+(?:of|with))\s+(?:the\s+)?(?:{_DIRECTION}\s+)*(?P<owner>{_COUNTRY_OWNER})?(?:{_DIRECTION}\s+)*",
    re.IGNORECASE)
#: What opens a sentence before the region that governs it: "In Russia's", "Across the southern".
_OPENS_SENTENCE = re.compile(r"\s*(?:(?:In|Inside|Across|Within|"
                             rf"Throughout)\s+)(?:the\s+)?(?:{_DIRECTION}\s+)*{_COUNTRY_OWNER}?"
                             rf"(?:{_DIRECTION}\s+)*", re.IGNORECASE)
#: Between two names of one list: ", ", " and ", ", and ".
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)\s*")
_COUNTRY_BEFORE = re.compile(r"\b(?P<side>Russia['’]s|Russian|Ukraine['’]s|Ukrainian)\s+(?:border\s+|"
                             r"frontier\s+)?(?:village|town|city|settlement|hamlet|"
                             r"locality)\s+(?:of\s+)?$", re.IGNORECASE)
# "Tyotkino, Russia." but not "Toretsk, Russia said" (the country is the speaker there)
_COUNTRY_AFTER = re.compile(r",?\s+(?:in\s+)?(?P<side>Russia|Ukraine)(?=\s*(?:[,.;:)]|and\b|or\b|"
                            r"$))(?!,\s*(?:said|says|claimed|claims|reported|announced|"
                            r"added))", re.IGNORECASE)
#: Where the clause a sentence-opening region governs ends: "In the Kursk region, troops held Sudzha,
#: while ...".
_CLAUSE_ENDS = re.compile(r";|,?\s+(?:while|whereas|but|although|though)\b|,\s+and\s+(?=[a-z]+\s)|\.\s",
                          re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    """What the text binds a name to: the region mention it lies in, and the country (``RU``, ``UA``) it is
    said to be in; ``why`` quotes the rule."""

    region: Mention | None = None
    country: str | None = None
    why: str = ""
    beside: Mention | None = None  # a region the name lies beside, not in ("across from the Sumy region")
    #: a weak cue (a region that opens the sentence) does not bind a town of 10,000 people or more elsewhere
    weak: bool = False


def _side(word: str) -> str:
    return "RU" if word.lower().startswith("russia") else "UA"


def _chains(plain: Sequence[Mention], text: str) -> list[list[Mention]]:
    """The plain mentions grouped into lists: names of one sentence separated only by commas and "and"."""
    chains: list[list[Mention]] = []
    for m in plain:
        last = chains[-1][-1] if chains else None
        if (last is not None and last.sentence_index == m.sentence_index
            and _LIST_SEPARATOR.fullmatch(text[last.end : m.start])):
            chains[-1].append(m)
        else:
            chains.append([m])
    return chains


def _region_after(chain: list[Mention], regions: Sequence[Mention], text: str,
                  gap: re.Pattern[str] = _TO_REGION_AFTER) -> Mention | None:
    last = chain[-1]
    after = next((r for r in regions if r.start >= last.end), None)
    if after is not None and after.sentence_index == last.sentence_index \
            and gap.fullmatch(text[last.end : after.start]) \
            and (gap is _BESIDE_REGION or "," not in text[last.end : after.start]
                 or _LOCATOR_ENDS.match(text, after.end)):
        return after
    return None


def _region_before(chain: list[Mention], regions: Sequence[Mention], text: str) -> Mention | None:
    first = chain[0]
    before = next((r for r in reversed(regions) if r.end <= first.start), None)
    if (before is not None and before.sentence_index == first.sentence_index
        and _REGION_OPENS_LIST.fullmatch(text[before.end : first.start])):
        return before
    return None


def _opening_region(chain: list[Mention], regions: Sequence[Mention], text: str) -> Mention | None:
    """The region that opens the sentence of ``chain`` ("In Russia's Kursk region, ..."), when the chain
    stands in the clause it governs."""
    sentence = next((s for s in split_sentences(text) if s.index == chain[0].sentence_index), None)
    region = next((r for r in regions if r.sentence_index == chain[0].sentence_index), None)
    if sentence is None or region is None or region.end > chain[0].start:
        return None
    if not (_OPENS_SENTENCE.fullmatch(text[sentence.start : region.start])
            and text[region.end : region.end + 1] == ","):
        return None
    return None if _CLAUSE_ENDS.search(text[region.end + 1 : chain[0].start]) else region


def _country(m: Mention, text: str) -> tuple[str | None, str]:
    before = _COUNTRY_BEFORE.search(text[max(0, m.start - 40) : m.start])
    if before:
        return _side(before.group("side")), f"named as in {before.group(0).strip()!r}"
    after = _COUNTRY_AFTER.match(text, m.end)
    if after:
        return _side(after.group("side")), f"named with {after.group('side')}"
    return None, ""


def find_cues(mentions: Sequence[Mention], text: str) -> list[Cue | None]:
    """The cue of each mention (aligned with ``mentions``): what the text binds a plain mention to, or
    None."""
    ordered = sorted(mentions, key=lambda m: m.start)
    regions = [m for m in ordered if m.kind in ("region", "raion")]
    cues: dict[int, Cue] = {}
    for chain in _chains([m for m in ordered if m.kind == "plain"], text) if text else []:
        cues.update((m.start, cue) for m, cue in zip(chain, _chain_cues(chain, regions, text))
                    if cue is not None)
    return [cues.get(m.start) if m.kind == "plain" else None for m in mentions]


def _chain_cues(chain: list[Mention], regions: Sequence[Mention], text: str) -> list[Cue | None]:
    """The cue of each name of one list."""
    weak = False
    region, why = _region_after(chain, regions, text), "the region named after it"
    if region is None:
        region, why = _region_before(chain, regions, text), "the region that opens its list"
    if region is None:
        region, why, weak = _opening_region(chain, regions, text), "the region that opens its sentence", True
    beside = _region_after(chain, regions, text, _BESIDE_REGION) if region is None else None
    across = _BESIDE_REGION.fullmatch(text[chain[-1].end : beside.start]) if beside else None
    out: list[Cue | None] = []
    for m in chain:
        country, said = _country(m, text)
        if across and across.group("across") and across.group("owner") and country is None:
            # "across from Ukraine's Sumy region": on the other side of the border
            country, said = ("UA" if _side(across.group("owner")) == "RU" else "RU"), "across the border"
        if region is None and country is None and beside is None:
            out.append(None)
            continue
        why_beside = f"beside, not in, {beside.surface!r}" if beside else ""
        reasons = (f"{why}: {region.surface!r}" if region else "", said, why_beside)
        out.append(Cue(region, country, "; ".join(w for w in reasons if w), beside, weak and country is None))
    return out
