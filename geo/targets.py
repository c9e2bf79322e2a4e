"""Targets: the places a trigger is about.

The place is named after an active trigger or a noun ("captured Avdiivka", "the capture of Avdiivka"), before a
passive one ("Avdiivka fell", "Robotyne, about 15 km south of Orikhiv, was liberated"), with the list it opens
("Neskuchne, Blahodatne and Makarivka", "three villages: ...", "30 settlements, including ...") or that a fight
runs on through ("in Vovchansk, ..., particularly near Tykhe and Vovchanski Khutory"). Or it is referred to:
"the city itself", "it" or "there" (the last settlement of fitting size named), "the settlements" (the last list
claimed), "both cities" (the last two), "a village" the next sentence names.

Places that only locate another are not targets: "north of X", "near X", "the Lyptsi direction", "a village in
the Kursk region", "Stepove in the Dnipropetrovsk region"; but gains counted and not named ("dozens of settlements
in the Kharkiv region") are a claim on the region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.models import Place, Resolved
from geo.recognize import Sentence
from geo.triggers import Trigger


_BOUNDARY = re.compile(
    r"[;:()]|—|–|\s-\s|,\s*and\s+(?:then\s+)?[a-z]+ed\b|\b(?:but|while|whereas|which|who|whom|where|when|after|before|because|although|though|since the|as|amid|"
    r"said|says|according)\b",
    re.IGNORECASE,
)

_TARGET_GAP_BLOCK = re.compile(
    r"\b(?:near|outside|around|towards?|close to|approach(?:es)?|outskirts|suburbs?|direction|km|kilometers?|kilometres?|miles?|bank|coast|shore|"
    r"could|would|might|may|will|route|way|road|and\s+with|directions?|flags?|sign|banner|"
    r"from)\b|\b(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+of\b",
    re.IGNORECASE,
)

# fighting "near" or "around" a place is fighting for it; and it goes on "in X, ..., particularly near Y and Z"
_FIGHT_GAP_BLOCK = re.compile(r"\b(?:could|would|might|may|will|route|road|from|km|kilometers?|kilometres?|miles?|towards?|that|told)\b|"
                              r"\b(?:territor(?:y|ies)|areas?|lines?|fields?)\s+(?:around|near|outside)\b|"
                              r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\b", re.IGNORECASE)

_FIGHT_GOES_ON = re.compile(r"^(?:,\s+[^,;]{0,40},)?[^;.()]{0,120}?\b(?:especially|particularly|notably|mainly|including|and)\s+"
                            r"(?:(?:near|around|in|at|inside)\s+)?(?:the\s+(?:(?:villages?|towns?|settlements?)\s+of\s+)?)?$", re.IGNORECASE)

_LIST_GAP = re.compile(r"^(?:\s+in\s+(?:the\s+)?[A-Z][\w’'\-]+\s+(?:region|oblast|Oblast|Region|district))?(?:\s*(?:,|and|or|&|as well as|plus|together with|along with)\s*(?:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?(?=\s*(?:,|and\b|or\b)))?)+(?:(?:most|much|part|parts|all|half|the\s+rest)\s+of\s+)?(?:the\s+)?(?:entire\s+|whole\s+)?(?:the\s+)?(?:(?:villages?|towns?|settlements?|cities|city|hamlets?)\s+(?:of\s+)?)?(?:[A-Z][\w’'\-]+\s+)?$", re.IGNORECASE)

_LOCATED_IN = re.compile(
    r"\b(?:villages?|settlements?|towns?|city|cities|hamlets?|localit(?:y|ies)|positions?|communit(?:y|ies)|hubs?|junctions?|cent(?:re|er)s?)\b"
    r"(?:\s+[\w’'\-]+){0,3}\s+in\s+(?:the\s+|its\s+|their\s+|(?:Ukraine|Russia)(?:'s|’s)\s+)?(?:[a-z]+(?:ern)?\s+){0,2}$")

# "dozens of settlements in the Kharkiv region", "46 settlements in Kherson Oblast": gains counted, not named, are a
# claim on (part of) the region; "three villages in the Kursk region" are named next, the region only locates them
_COUNTED_IN = re.compile(
    r"\b(?:dozens|hundreds|scores|a\s+number|several|many|numerous|1[1-9]|[2-9]\d|\d{3,}|(?:more|over)\s+than\s+\d+|(?:twenty|thirty|forty|fifty|sixty)[\w-]*)\s+"
    r"(?:of\s+)?(?:other\s+)?(?:settlements|villages|towns(?:\s+and\s+villages)?|localities|square\s+(?:kilometers|kilometres|miles)|sq\.?\s*km)\b"
    r"[^.;]{0,40}?\b(?:in|of)\s+(?:the\s+|its\s+|(?:Ukraine|Russia)(?:'s|’s)\s+)?(?:[a-z]+\s+){0,2}$", re.IGNORECASE)

# "in the Lyptsi direction", "the Bakhmut axis": a sector of the front named after a place, not the place
AXIS = re.compile(r"(?:\s+and\s+[A-Z][\w’'\-]+)?[\s-]+(?:direction|axis|sector|salient)s?\b", re.IGNORECASE)

_REGION_AS_ADJECTIVE = re.compile(r"\s+(?:city|town|village|settlement)\b")

# "gained control of the following settlements in Kharkiv region: Borisovka, ..."
_LIST_INTRO = re.compile(r"^[^;.]{0,80}?\b(?:settlements?|villages?|towns?|localities|hamlets|positions)\b[^;.:]{0,60}:\s*(?:the\s+(?:villages?|towns?)\s+of\s+)?$", re.IGNORECASE)

# the relative clause has its own subject: "which Ukrainian soldiers took" (not "which took five hours")
# "taken five settlements near Liman, among them the town of Yampil": the ones the list names
_INCLUDING = re.compile(r"^[^;.]{0,40}?\b(?:settlements|villages|towns|localities)\b[^.;]{0,60}?(?:,\s*)?(?:among\s+them|including|such\s+as)\s+"
                        r"(?:the\s+(?:town|village|city|settlement)s?\s+of\s+)?$", re.IGNORECASE)

_RELATIVE_SUBJECT = re.compile(r"(?:\b(?:which|that)\s+|\b(?:town|city|village|settlement|hub|stronghold)\s+)(?:the\s+)?"
                               r"(?:[A-Z][\w’'\-]*|Russian|Ukrainian|its|their|our|they|we|it)\b")

# "Staromaiorske, which Ukrainian soldiers took", "Avdiivka, a town Russia took in February"
_RELATIVE = re.compile(r"^,?\s*(?:(?:is|was|remains)\s+)?(?:(?:which|that)\s+|(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}(?:town|city|village|settlement|hub|stronghold)\s+"
                       r"(?:in\s+(?:the\s+)?[^,;:]{0,30}?\s+)?(?:that\s+|which\s+)?)[^,;:]{0,60}$", re.IGNORECASE)

# "the city itself remains", "the strategically important city in southern Ukraine was freed"
_ANAPHOR_BEFORE = re.compile(r"\b(?:the|this)\s+(?:[\w\-]+\s+){0,3}?(?P<noun>city|town|village|settlement|island)(?:\s+itself)?"
                             r"(?:\s+(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w\-]*)?\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

_ANAPHOR_AFTER = re.compile(r"\s*(?:back\s+)?(?:(?:\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)|most|much|part|all|half)\s+of\s+)?(?:(?:the|this)\s+(?:[A-Z][\w\-]*\s+){0,2}(?P<noun>city|town|village|settlement|island)\b|it\b(?!\s+(?:was|is|had|has|would|will)\b))",
                            re.IGNORECASE)

# "the settlements the ministry claimed are still in the grey zone", "retook these villages": the last list claimed
_PLURAL_BEFORE = re.compile(r"\b(?:the|these|those|all|both|all\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten))\s+"
                            r"(?:\w+\s+)?(?:settlements|villages|towns|localities|places)\b[^;:]{0,80}$", re.IGNORECASE)

_BOTH = re.compile(r"\s*\bboth\s+(?:the\s+)?(?P<noun>cities|towns|villages|settlements)\b", re.IGNORECASE)

_PLURAL_AFTER = re.compile(r"\s*(?:back\s+)?(?:the|these|those|all|both)\s+(?:\w+\s+)?(?:settlements|villages|towns|localities)\b(?!\s+of\b)",
                           re.IGNORECASE)

# "taken a village in the Donetsk region." followed by "Kalynove is southeast of Pokrovsk": the village named next
_INDEFINITE_AFTER = re.compile(r"\s*(?:control\s+of\s+)?(?:a|another|one\s+more)\s+(?:\w+\s+){0,2}?(?:village|settlement|town|locality)\b"
                               r"(?:\s+(?:in|of|near)\s+[^,;.]{0,50})?\s*[.;]?\s*$", re.IGNORECASE)

_APPOSITION = re.compile(r"^\s*,[^;]{0,160},\s*(?:\w+ly\s+)?$")

RELATIVE_LOCATION = re.compile(r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\bnear|\bfrom|\boutside|\bacross|\bthroughout|\bkm\s+(?:from|of)|\b(?:bank|coast|shore)\s+of(?:\s+the)?|"
                                r"\b(?:suburbs?|outskirts|edge|part|district|capital)\s+of)\s+(?:the\s+(?:\w+\s+)?(?:city|town|village|settlement)\s+of\s+)?$", re.IGNORECASE)

_ALSO = re.compile(r"\b(?:in addition to|as well as|along with|alongside|besides|together with)\s+$", re.IGNORECASE)

def clause_break(text: str) -> bool:
    return bool(_BOUNDARY.search(text))

@dataclass(frozen=True, slots=True)
class Around:
    """What the sentences around a sentence say, for the places it refers to without naming them."""

    earlier: Sequence[Resolved] = ()  # settlements named before, for "the city", "the village", "it", "there"
    listed: Sequence[Resolved] = ()  # the places of the last list claimed, for "the settlements", "these villages"
    following: Resolved | None = None  # the place that opens the next sentence, for "a village" it then names

def targets_of(trigger: Trigger, text: str, mentions: Sequence[tuple[int, int, Resolved]],
             around: Around = Around()) -> list[tuple[int, int, Resolved]]:
    """The places a trigger is about. When the sentence names none for it: "the city itself", "the village", "it"
    or "there" stand for the last settlement of fitting size named before (in this sentence, else in earlier ones);
    "the settlements" for the places of the last list claimed; "a village" for the place the next sentence opens
    with ("... taken a village. Kalynove is southeast of Pokrovsk")."""
    found = _named_targets(trigger, text, mentions)
    if found:
        return found
    here = (trigger.start, trigger.end)
    head, tail = text[: trigger.start], text[trigger.end :]
    if around.listed and (_PLURAL_BEFORE.search(head) if trigger.voice in ("passive", "anaphor") else _PLURAL_AFTER.match(tail)):
        return [(*here, r) for r in around.listed]
    both = _BOTH.search(head) if trigger.voice in ("passive", "anaphor") else _BOTH.match(tail)
    if both:  # "the defense of both cities": the last two settlements named
        noun = both.group("noun").lower().removesuffix("s").replace("citie", "city")
        latest = {r.place.place_id: r for r in around.earlier if _fits(noun, r.place)}  # keyed by place, last mention wins
        pair = sorted(latest.values(), key=lambda r: r.mention.start)[-2:]
        return [(*here, r) for r in pair] if len(pair) == 2 else []
    if around.following and trigger.voice in ("active", "noun") and _INDEFINITE_AFTER.match(tail):
        return [(*here, around.following)]
    noun = (_ANAPHOR_BEFORE.search(head) if trigger.voice in ("passive", "anaphor") else
            _ANAPHOR_AFTER.match(tail) if trigger.voice in ("active", "noun") else None)
    if noun is None and not (trigger.voice == "anaphor" and not mentions):
        return []
    kind = (noun.group("noun") or "it").lower() if noun else "it"
    before = [r for s, _, r in mentions if s < trigger.start and r.place.feature == "settlement"
              and not RELATIVE_LOCATION.search(text[max(0, s - 25) : s])]
    fitting = [r for r in [*around.earlier, *before] if _fits(kind, r.place)]
    return [(*here, fitting[-1])] if fitting else []

def _fits(noun: str, place: Place) -> bool:
    """Whether "the city" / "the village" can refer to this place (by population, when known); "it" fits any."""
    if noun == "city":
        return place.population == 0 or place.population >= 10_000
    if noun == "village":
        return place.population < 10_000
    return True

def _named_targets(trigger: Trigger, text: str, mentions: Sequence[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    after = [m for m in mentions if m[0] >= trigger.end]
    before = [m for m in mentions if m[1] <= trigger.start]
    chosen: list[tuple[int, int, Resolved]] = []
    if trigger.voice in ("active", "noun") and after:
        # "captured three villages beyond Velyka Novosilka: Neskuchne, ...": the list after the colon, not the locator
        listed = next((m for m in after[:4] if _LIST_INTRO.match(text[trigger.end : m[0]])
                       or _INCLUDING.match(text[trigger.end : m[0]])), None)
        first = listed or after[0]
        gap = text[trigger.end : first[0]]
        block = _FIGHT_GAP_BLOCK if trigger.kind == "fight" else _TARGET_GAP_BLOCK
        if (len(gap) <= 70 and not clause_break(gap) and not block.search(gap)) or first is listed:
            chosen.append(first)
            for nxt in after[after.index(first) + 1 :]:
                between = text[chosen[-1][1] : nxt[0]]
                if _LIST_GAP.match(between) or (trigger.kind == "fight" and _FIGHT_GOES_ON.match(between)):
                    chosen.append(nxt)
                elif not (trigger.kind == "fight" and RELATIVE_LOCATION.search(text[max(0, nxt[0] - 40) : nxt[0]])):
                    break  # a fight runs on past the places that only locate ("in X, northeast of Y, ... near Z")
    if not chosen and trigger.voice == "passive" and before:
        # "Robotyne, about 15 km south of Orikhiv and 70 km southeast of Zaporizhzhia, was liberated": the subject,
        # not the places of its apposition
        subjects = [m for m in before if not RELATIVE_LOCATION.search(text[max(0, m[0] - 40) : m[0]])] or before
        last = subjects[-1]
        gap = text[last[1] : trigger.start]
        if (len(gap) <= 60 and not clause_break(gap)) or _APPOSITION.match(gap):
            chosen.append(last)
            for prev in reversed(before[:-1]):
                if _LIST_GAP.match(text[prev[1] : chosen[-1][0]]):
                    chosen.append(prev)
                else:
                    break
    if not chosen and trigger.voice == "active" and before:
        # "Staromaiorske, which Ukrainian soldiers took late last month": the antecedent of the relative clause
        last = before[-1]
        if _RELATIVE.match(text[last[1] : trigger.start]) and _RELATIVE_SUBJECT.search(text[last[1] : trigger.start]):
            chosen.append(last)
    if not chosen and trigger.voice == "anaphor" and before:
        # "denied that Russia had taken Soledar, saying Ukrainian units were still there": the place just named
        # (not one that only locates another: "west of Kyiv")
        named = [m for m in before if not RELATIVE_LOCATION.search(text[max(0, m[0] - 25) : m[0]])]
        chosen.extend(named[-1:])
    if not chosen and trigger.kind in ("hold", "fight") and before:
        # "Kursk, where Ukrainian forces have maintained control": the place the clause is about
        clause_start = max((m.start() for m in re.finditer(r",\s+where\b", text[: trigger.start])), default=-1)
        if clause_start >= 0:
            antecedent = [m for m in before if m[1] <= clause_start]
            if antecedent and not text[antecedent[-1][1] : clause_start].strip():
                chosen.append(antecedent[-1])
    if chosen:
        for m in before:
            if _ALSO.search(text[: m[0]]) and m not in chosen:
                chosen.append(m)
    return chosen

def is_locator(text: str, start: int, end: int, r: Resolved, settlement_ends: Sequence[int] = ()) -> bool:
    """A region that only says where something else is: "two villages in the Kursk region", "the village of
    Robotyne in the Zaporizhzhia region", "Stepove in the Dnipropetrovsk region", "this Donetsk Oblast city".
    ``settlement_ends``: where the settlements named in the sentence end."""
    if r.place.feature != "region":
        return False
    listed = " " not in r.mention.surface and re.match(r"\s*(?:,|and\b)", text[end:])  # "the Kharkiv, Donetsk, ... oblasts"
    before = re.sub(r"[A-Z][\w’'\-]+(?:,\s*|\s+and\s+)", "", text[max(0, start - 100) : start])
    if _COUNTED_IN.search(before):
        return False
    after_place = any(re.fullmatch(r"(?:,|\s+in)\s+(?:the\s+)?", text[e:start]) for e in settlement_ends if e <= start)
    return bool(_LOCATED_IN.search(before) or _REGION_AS_ADJECTIVE.match(text, end)
                or after_place and r.mention.kind in ("region", "raion") and not listed)

def opening_place(sentence: Sentence, resolved: Sequence[Resolved]) -> Resolved | None:
    """The settlement a sentence opens with, as its subject ("Kalynove is southeast of Pokrovsk.")."""
    first = min(resolved, key=lambda r: r.mention.start, default=None)
    if first is None or first.place.feature != "settlement" or first.mention.start - sentence.start > 1:
        return None
    rest = sentence.text[first.mention.end - sentence.start :]
    return first if re.match(r"\s*(?:,|is\b|lies\b|was\b|sits\b|had\b|has\b)", rest) else None
