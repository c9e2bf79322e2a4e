"""From rule matches to frames: for each trigger, its places, its acting side and what that side did, and how
negation, an attempt, a plan or a hedge change it. Frames are what :mod:`geo.claims.decide` turns into claims.

Every slot finder reads only the tokens of its trigger's sentence, and sentences are bounded (a longer one is read in
pieces cut at clauses, see :func:`geo.places.recognize.split_sentences`), so an article costs time linear in its length.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal, cast

from geo.claims import vocab as V
from geo.claims.match import Matcher
from geo.claims.places import expand, locators, part_of
from geo.claims.rules import BY_ID, RULES, Role, Rule
from geo.claims.sides import Actor
from geo.claims.tokens import ArticleDoc, Span
from geo.models import Resolved, Side

_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "dozen", "dozens", "several", "more", "than"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
#: words between a place and the trigger it is the subject of ("X has now been", 'X "remains')
_SUBJECT_SKIP = _QUOTES | V.AUX | V.ADVERB | V.NEGATION | V.MODAL | frozenset(
    {"remain", "remains", "remained", "stay", "stays", "stayed", "itself", "finally", "now", "been", "being", "back",
     "once", "again", "officially", "reportedly", "firmly", "mostly", "largely", "fully", "as", "entirely", "either"})
_OBJECT_SKIP = _QUOTES | V.DET | V.PLACE_NOUN | _NUMBERS | V.ADVERB | frozenset({"of", "over", "the", "control", "full", "complete", "back",
                                                            ":", "following", "up", "rest", "remaining", "village's",
                                                            "town's", "city's", "russian", "ukrainian", "defenses", "defences",
                                                            "defensive", "border", "about", "around", "nearly",
                                                            "almost", "roughly", "some", "percent", "per", "cent", "%"})
_PP_SKIP = V.DET | V.PLACE_NOUN | V.PARTITIVE | V.ADVERB | frozenset({"of", "the", "close", "to", "vicinity", "areas",
                                                                       "settlements", "villages", "direction", "russia",
                                                                       "ukraine", "'s", "’s"})
_COUNT_WORDS = frozenset({"dozens", "hundreds", "scores", "several", "more", "square", "kilometres", "kilometers", "km",
                          "miles", "territory", "few", "many", "number"})
_PLURAL_PLACES = frozenset({"villages", "settlements", "towns", "localities", "hamlets", "cities", "defenses", "defences",
                            "lines", "positions"})
_COUNTED_SKIP = _COUNT_WORDS | _PLURAL_PLACES | frozenset({",", ":", "-", "–", "—", "sq", "sq.", ".", "and", "including", "among", "them", "such", "as", "namely", "than", "(", ")", "in", "of", "about", "around", "nearly", "almost", "over", "some",
                                          "incl", "notably", "like"})
_OBJECT_OR_COUNT = _OBJECT_SKIP | _COUNT_WORDS
_SETTLEMENT_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "cities", "settlement", "settlements",
                               "locality", "localities", "hamlet", "hamlets", "communities"})
#: prepositions of an agent or a source, stepped over: "attacks by Russian assault infantry near X"
_AGENT = frozenset({"by", "from", "with"})
_REGION_REFS = frozenset({"region", "oblast", "territory"})
_NAMING = frozenset({":", "including", "among", "namely", "such"})
#: the plural head two or more regions share ("the Donetsk and Luhansk regions")
_REGION_HEADS = frozenset({"regions", "oblasts", "provinces"})
_JOINS = frozenset({",", "and", "or"})
_HARM = frozenset({"casualties", "casualty", "killed", "killing", "injured", "injuring", "wounded", "dead", "deaths",
                   "died", "fire", "fires", "damage", "damaged", "destroyed", "hit", "struck", "strike", "strikes",
                   "blackout", "blackouts", "civilians", "residents", "people", "evacuated", "evacuation"})
_DESTINATION = frozenset({"to", "towards", "toward"})
_REF_NOUNS = frozenset({"village", "town", "city", "settlement", "island"})
_OWN = frozenset({"its", "their", "our", "his"})
_ENEMY = frozenset({"enemy", "adversary", "aggressor", "invaders", "occupiers"})


#: a side as matching finds it: a side, or a pronoun for the speaker's ("its forces") or the other side ("the enemy")
Acting = Literal["RU", "UA", "third_party", "unknown", "SPEAKER", "ENEMY"]


@dataclass(frozen=True, slots=True)
class Target:
    """A place a frame is about, and how it was found."""

    resolved: Resolved
    token: int
    via: str


@dataclass(frozen=True, slots=True)
class Frame:
    """One trigger with its places and its acting side: what matching found, before anything is decided."""

    rule: Rule
    sentence: int
    trigger: tuple[int, int]
    text: str
    targets: tuple[Target, ...]
    side: Acting | None
    role: Role
    side_via: str
    negated: bool
    modality: str  # fact | attempt | plan
    hedged: bool


@dataclass(frozen=True, slots=True)
class Blocked:
    """A trigger that made no claim, and why."""

    rule: str
    text: str
    why: str


@functools.cache
def _matcher() -> Matcher:
    matcher = Matcher()
    for rule in RULES:
        matcher.add(rule.id, rule.patterns)
    return matcher


#: why a trigger found no place: the words it spans are then free for a rule of lower priority
NO_PLACE = "no place within reach"


def read_frames(sc: Scene) -> tuple[list[Frame], list[Blocked]]:
    """The frames of a sentence, overlaps settled: the higher priority (a veto's is highest), then the longer span,
    then the id holds its words; a trigger that finds no place frees them for the next ("in control of X": the frame of "in
    control of" once "in control" found nothing)."""
    found = _matcher()(sc.adoc.words, sc.span.start, sc.span.end)
    hits = sorted(((BY_ID[k], a, b) for k, a, b in found),
                  key=lambda h: (-h[0].priority, -(h[2] - h[1]), h[0].id, h[1]))
    held: list[tuple[Rule, int, int]] = []
    kept: list[Frame] = []
    blocked = []
    for rule, a, b in hits:
        rival = next((r for r, x, y in held if x < b and a < y), None)
        got = Blocked(rule.id, sc.adoc.text(a, b), f"overlaps {rival.id}") if rival is not None else \
            None if rule.kind == "block" else frame_of(sc, rule, a, b)
        if isinstance(got, Frame):
            kept.append(got)
        elif got is not None:
            blocked.append(got)
        if rival is None and (not isinstance(got, Blocked) or got.why != NO_PLACE):
            held.append((rule, a, b))
    return sorted(kept, key=lambda f: (f.trigger, f.rule.id)), blocked


@dataclass(frozen=True, slots=True)
class Scene:
    """What slot finders read in a sentence: its span, the places a rule may claim, its actors, and the place a
    definite reference ("the city", "it") may mean."""

    adoc: ArticleDoc
    span: Span
    usable: frozenset[int]
    actors: tuple[Actor, ...]
    topic: tuple[Resolved, ...]  # places of earlier claims and names, nearest last
    force: Side | None = None  # the fighting side named last in the sentences before ("... They took X")


def scene(adoc: ArticleDoc, span: Span, actors: Sequence[Actor], topic: Sequence[Resolved],
          force: Side | None = None) -> Scene:
    taken = {t for a in actors for t in range(a.start, a.end)}
    skip = locators(adoc, span) | taken
    usable = frozenset(t for t in range(span.start, span.end) if t in adoc.places and t not in skip)
    return Scene(adoc, span, usable, tuple(actors), tuple(topic), force)


_WEAPONS = frozenset({"strike", "strikes", "shelling", "bombing", "bombardment", "explosion", "explosions", "blast", "shell",
                      "shells", "missile", "missiles", "drone", "drones", "rocket", "rockets", "airstrike", "airstrikes"})


def _struck(sc: Scene, a: int) -> bool:
    """A trigger whose subject or modifier is a weapon or strike ("the strike had cut off X", "a drone attack on
    X"): what a strike does is no ground fighting."""
    j = a - 1
    while j > sc.span.start and sc.adoc.lower(j) in V.AUX | V.ADVERB:
        j -= 1
    return sc.adoc.lower(j) in _WEAPONS


def frame_of(sc: Scene, rule: Rule, a: int, b: int) -> Frame | Blocked:
    """The frame of one trigger, or why it makes none."""
    if _in_a_name(sc, a):
        return Blocked(rule.id, sc.adoc.text(a, b), "part of a name")
    if rule.kind == "fight" and _struck(sc, a):
        return Blocked(rule.id, sc.adoc.text(a, b), "done by a strike: what strikes hit is no fighting")
    targets = _targets(sc, rule, a, b)
    if not targets:
        return Blocked(rule.id, sc.adoc.text(a, b), NO_PLACE)
    side, role, via = _side(sc, rule, a, b, targets)
    if rule.needs_actor and not _names_a_force(sc, a, side):
        return Blocked(rule.id, sc.adoc.text(a, b), f"needs a named force as its subject ({via or 'none'})")
    if rule.kind == "withdraw" and side is None and not _force_before(sc, a):
        return Blocked(rule.id, sc.adoc.text(a, b), "no force leaves (a convoy, residents)")
    negated, modality, hedged = _verb_group(sc, rule, a, b)
    if modality == "plan" or (modality == "attempt" and rule.attempt == "block"):
        return Blocked(rule.id, sc.adoc.text(a, b), f"{modality}: '{sc.adoc.text(max(sc.span.start, a - 3), a)}'")
    if modality == "attempt":  # "failed to capture X", "tried in vain to take X": X was fought for, not taken
        rule = replace(rule, kind="fight")
    return Frame(rule, sc.span.sentence.index, (a, b), sc.adoc.text(a, b), tuple(targets), side, role, via, negated,
                 modality, hedged)


def _names_a_force(sc: Scene, a: int, side: Acting | None) -> bool:
    """Whether the side acting at a trigger is a force named before it: an actor of that side in its clause ("Russian
    forces are operating"), or a fighting one anywhere before it, or a side's own troops ("its units are operating");
    not a pronoun, "the enemy" or a default."""
    adoc, clause = sc.adoc, sc.adoc.clause[a]
    return any(x.end <= a and x.side == side and (adoc.clause[x.start] == clause or x.military) for x in sc.actors) \
        or any(adoc.lower(k) in _OWN and adoc.lemma(k + 1) in _FORCE_NOUNS and adoc.clause[k] == clause
               for k in range(sc.span.start, a))


#: capitalised words that open a trigger as adjectives, not as names
_PROPER_ADJECTIVES = frozenset({*V.SIDE_WORD, "pro-russian", "separatist", "rebel"})


def _in_a_name(sc: Scene, a: int) -> bool:
    """A capitalised trigger inside a sentence is a word of a name ("Storm-Z units", "Operation Task Force East",
    "Liberation Square"), unless punctuation opens it (a quote, a colon, a list's bullet)."""
    adoc = sc.adoc
    return a > sc.span.start and adoc.title(a) and not adoc.words.punct[a - 1] \
        and adoc.lower(a) not in _PROPER_ADJECTIVES  # "Russian-held"


#: nouns of a force that may leave a place with no side named ("the troops withdrew", "units pulled out")
_FORCE_NOUNS = frozenset({"troop", "force", "unit", "soldier", "army", "military", "garrison", "brigade", "battalion",
                          "defender", "fighter", "serviceman", "servicemen", "occupier", "invader", "enemy", "command",
                          "personnel", "they", "we", "it"})


def _force_before(sc: Scene, a: int) -> bool:
    """Whether the subject a withdrawal verb has (the word before it, past auxiliaries and adverbs) is a force."""
    adoc, j = sc.adoc, a - 1
    while j > sc.span.start and adoc.lower(j) in _SUBJECT_SKIP:
        j -= 1
    return adoc.lemma(j) in _FORCE_NOUNS or adoc.lower(j) in _FORCE_NOUNS or j in sc.usable


def _targets(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    for slot in rule.places:
        found = _PLACE_FINDERS[slot](sc, rule, a, b)
        if found:
            return found
    return []


def _list(sc: Scene, anchor: int, step: int, via: str) -> list[Target]:
    tokens = expand(sc.adoc, anchor, sc.span, set(sc.usable), step)
    return [Target(sc.adoc.places[t], t, via if i == 0 else f"{via}, list #{i + 1}") for i, t in enumerate(sorted(tokens))]


def _object(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """The first place after the trigger, past the words of a place phrase ("the strategic village of"), a count
    ("30 settlements, Kupyansk and Balaklia among them", "400 square kilometres of territory in") and a naming
    word ("including", "among them", ":")."""
    adoc, j, counted = sc.adoc, b, False
    while j < min(sc.span.end, b + rule.reach + (8 if counted else 0)) and j not in sc.usable and (
            adoc.lower(j) in _OBJECT_OR_COUNT or adoc.number(j) or part_of(adoc, j) or (
                counted and (adoc.lower(j) in _COUNTED_SKIP or j in adoc.places))):
        counted = counted or adoc.number(j) or adoc.lower(j) in _COUNT_WORDS | _PLURAL_PLACES
        j += 1
    locator = j if j in sc.usable and _locates_settlements(adoc, b, j) else None
    if locator is not None:
        j += 1  # "two villages in the Kursk region", "30 villages around Kyiv": only where the villages are
    if (counted or locator is not None) and j not in sc.usable:  # "three villages beyond X: A, B and C", "five settlements near X, among them A"
        named = next((k for k in range(j, min(sc.span.end, j + 14)) if adoc.lower(k) in _NAMING), None)
        if named is not None:
            j = named
            while j < min(sc.span.end, named + 6) and j not in sc.usable and adoc.lower(j) in _OBJECT_SKIP | _COUNTED_SKIP:
                j += 1
    if j in sc.usable and adoc.clause[j] == adoc.clause[b - 1] or j in sc.usable and adoc.lower(j - 1) == ":":
        return _list(sc, j, 1, "object")
    if counted and j not in sc.usable:
        later = _named_later(sc, b, j)
        if later:
            return later
    if locator is not None and rule.kind == "capture" and adoc.places[locator].place.feature == "region" and \
            not _names_settlements(sc, locator + 1, adoc.places[locator].place.admin1):
        return [Target(adoc.places[locator], locator, "object: the region of settlements it does not name")]
    return [] if locator is not None else _anaphor(sc, b, j, "object")


def _locates_settlements(adoc: ArticleDoc, b: int, j: int) -> bool:
    """Whether the place at ``j`` only locates settlements named between the trigger and it ("recaptured two
    villages in its Kursk region", "withdrew from three villages in the eastern Donetsk region", "recaptured over
    30 villages around Kyiv")."""
    preps = ("in", "of") if adoc.places[j].place.feature == "region" else ("around", "near", "outside")
    return any(adoc.lower(k) in _SETTLEMENT_NOUNS and adoc.lower(k + 1) in preps for k in range(b, j))


#: how many sentences after a count of settlements one may name them ("The sources said the villages are A and B")
NAMING_REACH = 3
_DEFINITE = frozenset({"the", "these", "those"})
_NAMED_AS = frozenset({"are", "were", "include", "included", "as"})


def _named_later(sc: Scene, b: int, j: int) -> list[Target]:
    """The settlements a count after the trigger ("captured four villages") is named as in a sentence soon after:
    "the villages are A, B and C", "two of the six are A and B", "named the three settlements as A, B and C"."""
    adoc = sc.adoc
    if not any(adoc.number(k) and adoc.lower(k + 1) in _SETTLEMENT_NOUNS for k in range(b, j)):
        return []
    for span in _following(adoc, sc.span):
        first = _naming(adoc, span)
        if first is None and _counts_settlements(adoc, span):
            return []  # "... five villages had been evacuated. The villages are A and B": those five
        if first is not None:
            usable = {t for t in range(span.start, span.end) if t in adoc.places} - locators(adoc, span)
            if first in usable:
                listed = expand(adoc, first, span, usable, 1)
                via = f"named in a later sentence: '{adoc.text(first - 2, first)}'"
                return [Target(adoc.places[t], t, via if n == 0 else f"{via}, list #{n + 1}") for n, t in enumerate(listed)]
    return []


def _counts_settlements(adoc: ArticleDoc, span: Span) -> bool:
    """Whether a sentence counts settlements of its own ("two villages", not "the two villages")."""
    return any(adoc.number(k) and adoc.lower(k + 1) in _SETTLEMENT_NOUNS and adoc.lower(k - 1) not in _DEFINITE
               for k in range(span.start, span.end - 1))


def _naming(adoc: ArticleDoc, span: Span) -> int | None:
    """The first place a sentence names counted settlements as: after "the villages are", "the three settlements
    as", "two of the six are" (a definite plural settlement noun or a partitive count, then a copula or "as")."""
    for k in range(span.start, span.end - 1):
        word = adoc.lower(k)
        noun = word in _SETTLEMENT_NOUNS and word.endswith("s") and (
            adoc.lower(k - 1) in _DEFINITE or adoc.number(k - 1) and adoc.lower(k - 2) in _DEFINITE)
        partitive = adoc.number(k) and adoc.lower(k - 1) == "the" and adoc.lower(k - 2) == "of" and adoc.number(k - 3)
        if (noun or partitive) and adoc.lower(k + 1) in _NAMED_AS and adoc.places.get(k + 2) is not None and \
                adoc.places[k + 2].place.feature == "settlement":
            return k + 2
    return None


def _names_settlements(sc: Scene, after: int, region: str | None = None) -> bool:
    """Whether settlements are named after ``after`` in the sentence, or two or more in one of the next
    :data:`NAMING_REACH` (of ``region``, when given: settlements elsewhere are others) ("freed 46 settlements in Kherson
    Oblast" names none, so the region carries the claim; "liberated 10 settlements in the Kursk Region. ... liberated
    ten settlements in two days: A, B, ..." names them)."""
    adoc = sc.adoc
    if any(adoc.places[t].place.feature == "settlement" for t in sc.usable if t > after):
        return True
    for n, span in enumerate(_following(adoc, sc.span)):
        if n and not any(adoc.lower(k) in _SETTLEMENT_NOUNS for k in range(span.start, span.end)):
            continue  # past the next sentence, only one that names settlements as such ("the settlements of A and B")
        skip = locators(adoc, span)
        if sum(1 for t in range(span.start, span.end) if t in adoc.places and t not in skip and
               adoc.places[t].place.feature == "settlement" and region in (None, adoc.places[t].place.admin1)) > 1:
            return True
    return False


def _following(adoc: ArticleDoc, span: Span) -> Iterator[Span]:
    """The sentences after ``span``, up to :data:`NAMING_REACH` of them."""
    for _ in range(NAMING_REACH):
        following = adoc.following(span)
        if following is None:
            return
        yield following
        span = following


def _anaphor(sc: Scene, first: int, last: int, via: str) -> list[Target]:
    """"the city (itself)", "the village", "it": the last place of the article that fits the noun."""
    adoc = sc.adoc
    noun = next((adoc.lower(k) for k in range(first, min(last + 1, sc.span.end)) if adoc.lower(k) in _REF_NOUNS | _REGION_REFS), None)
    pronoun = adoc.lower(last) in ("it", "there") and last == first
    # "the settlement of Middle": a settlement named (one named before only if it is that one), not a reference
    of_name = adoc.lower(last - 1) == "of" and adoc.title(last)
    named = adoc.places.get(last) if of_name else None
    if (noun is None and not pronoun) or adoc.lower(last) == "of" or (of_name and named is None):
        return []
    taken = {t for x in sc.actors for t in range(x.start, x.end)}
    earlier = [adoc.places[t] for t in sorted(sc.usable) if t < first]
    located = [adoc.places[t] for t in range(sc.span.start, first) if t in adoc.places and t not in taken and t not in sc.usable]
    for r in [*reversed([*sc.topic, *earlier]), *reversed(located)]:
        if named is not None and r.place.place_id != named.place.place_id:
            continue
        if noun is None or _fits(noun, r):
            return [Target(r, last, f"{via}: '{adoc.text(first, last + 1)}' -> {r.mention.surface}")]
    return []


def _fits(noun: str, r: Resolved) -> bool:
    """Whether "the city" / "the village" can mean this place (by population, when known); "the region" and "its
    territory" a region."""
    population = r.place.population
    if noun in _REGION_REFS:
        return r.place.feature == "region"
    if r.place.feature != "settlement":
        return False
    if noun == "city":
        return population == 0 or population >= 10_000
    return population < 10_000 if noun == "village" else True


def _subject(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """The place before the trigger in its clause, past auxiliaries, adverbs, locators and one apposition."""
    adoc, j = sc.adoc, a - 1
    while j >= sc.span.start and j not in sc.usable and (adoc.lower(j) in _SUBJECT_SKIP or _locator_word(sc, j) or (
            adoc.lower(j) == "or" and adoc.lower(j - 2) == "either") or (
            adoc.lower(j) in _REGION_HEADS and j - 1 in adoc.places and _regions_said_of(sc, j - 1, b))):
        j -= 1
    if adoc.lower(j) == "," and j - 1 in sc.usable and _continues_list(adoc, j - 1, sc.span.start):
        return _list(sc, j - 1, -1, "subject")
    if adoc.lower(j) == "," and j > sc.span.start:  # "Bilohorivka, close to the border with Donetsk Oblast, was liberated"
        j = _before_asides(sc, j)
    if j in sc.usable and rule.bare_subject and adoc.lower(j - 1) in V.PREP_AT | {"of", "from", "to"}:
        return []  # "supplies in Kherson have fallen": Kherson is no subject
    if j in sc.usable:
        return _list(sc, j, -1, "apposition: the place before it" if adoc.lower(a) == "," else "subject")
    if adoc.lower(j) in _PLURAL_PLACES and (adoc.number(j - 1) or adoc.lower(j - 1) in _COUNT_WORDS):
        named = next((k for k in range(b, sc.span.end) if adoc.lower(k) == ":"), None)  # "Twelve settlements were
        if named is not None and named + 1 in sc.usable:  # liberated on November 9: A, B, C"
            return _list(sc, named + 1, 1, "named after the count")
    if j >= sc.span.start and adoc.lower(j) in _REF_NOUNS | {"itself", "it"}:
        k = j
        while k > sc.span.start and adoc.lower(k - 1) in V.DET | {"itself"} and adoc.lower(k) not in ("the", "this"):
            k -= 1  # back to the determiner ("claims that the town": "that" opens the clause, it is no determiner)
        return _anaphor(sc, k, j, "subject") if adoc.lower(k) in ("the", "this", "it") else []
    return []


def _before_asides(sc: Scene, j: int) -> int:
    """The place before one or two asides set off by commas that end at the comma ``j`` ("the village of Rabotino in
    the Zaporozhye region, the scene of heavy fighting, had been"; "Popiv Yar, northeast of Pokrovsk, which has been a
    focus of attacks, had changed hands"), else ``j``."""
    adoc, end = sc.adoc, j
    for _ in range(2):
        k = end - 1
        while k > sc.span.start and adoc.lower(k) != "," and end - k < 30:
            k -= 1
        if adoc.lower(k) != ",":
            break
        before = k - 1
        while before > sc.span.start and before not in sc.usable and k - before < 5 and _locator_word(sc, before):
            before -= 1
        if before in sc.usable:
            return before
        end = k
    return j


def _regions_said_of(sc: Scene, last: int, b: int) -> bool:
    """Whether regions sharing a plural head are what a trigger after them is said of ("20 villages in the Kharkiv and
    Kherson oblasts had been liberated"): not when they only locate "parts of" them or settlements named after."""
    adoc = sc.adoc
    k = _list_start(adoc, last)
    k -= 1 + (adoc.lower(k - 1) == "the")
    return not (adoc.lower(k) == "of" and adoc.lower(k - 1) in V.PARTITIVE) and not _names_settlements(sc, b)


def _list_start(adoc: ArticleDoc, last: int) -> int:
    """The first place of the list of places ("A, B and C") that ends at ``last``."""
    k = last
    while adoc.lower(k - 1) in _JOINS and k - 2 in adoc.places:
        k -= 2
    return k


def _continues_list(adoc: ArticleDoc, place: int, floor: int) -> bool:
    """", together with the entire Kyiv region,": a comma phrase that adds to a list, not an apposition."""
    for k in range(place - 1, max(floor, place - 6) - 1, -1):
        if adoc.lower(k) in ("together", "along", "well", "plus", "and"):
            return True
        if adoc.lower(k) == ",":
            return False
    return False


def _locator_word(sc: Scene, j: int) -> bool:
    """A locator phrase a subject finder steps over: "in the Donetsk region", "(Donetsk Oblast)", "to the west"."""
    return (j in sc.adoc.places and j not in sc.usable) or sc.adoc.lower(j) in ("in", "the", "(", ")", "of") or (
        sc.adoc.lower(j) in V.COMPASS and sc.adoc.lower(j - 1) == "the" and sc.adoc.lower(j - 2) == "to") or (
        sc.adoc.lower(j) == "to" and sc.adoc.lower(j + 2) in V.COMPASS)


#: words that put something near a place ("near Y", "around Y", "outside Y", "close to Y", "next to Y")
_NEAR = frozenset({"near", "around", "outside", "close", "next"})


def _pp(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """A place after a preposition of place the rule takes ("near X", "on the outskirts of X"), past the words
    of a place phrase; the preposition may come right after the trigger or a few words on."""
    adoc = sc.adoc
    stop = min(sc.span.end, b + rule.reach)
    regions: list[Target] = []
    destination = False  # "withdrew to the outskirts of X": where a force went is not what it left
    k = b - 1
    while (k := k + 1) < stop:
        if adoc.clause[k] != adoc.clause[b - 1] and k > b:
            break
        if rule.kind == "withdraw" and adoc.lower(k) in _DESTINATION | {"from"}:
            destination = adoc.lower(k) != "from"
        if adoc.lower(k) == "there" and rule.kind in ("fight", "hold"):
            return _anaphor(sc, k, k, "'there'")
        if _ends_pp_reach(sc, rule, k):
            break
        if adoc.lower(k) in V.LOCATOR_BEFORE:
            continue  # "towards X and near Y": X is no claim, Y may be
        if (passed := _compass_phrase(adoc, k, sc.span.end)) > k:  # "advancing west of the Bakhmutka River, in the
            stop, k = min(sc.span.end, stop + passed - k), passed - 1  # areas of A and B": the locator takes no reach
            continue
        if adoc.lower(k) not in rule.preps or adoc.lower(k + 1) in V.LOCATOR_BEFORE or adoc.lower(k) in _AGENT:
            continue
        j = _past_place_words(sc, k + 1, stop + 4)
        if j in sc.usable and adoc.places[j].place.feature == "region" and _locates_settlements(adoc, b, j):
            continue  # "withdrew from three villages in the Donetsk region": the object says what was left
        found = _list(sc, j, 1, f"after '{adoc.lower(k)}'") if j in sc.usable else \
            _anaphor(sc, k + 1, j, f"after '{adoc.lower(k)}'")
        last = max((t.token for t in found), default=k)
        if found and rule.kind == "fight" and not regions and all(t.resolved.place.feature == "region" for t in found) \
                and adoc.lower(last + 1 + (adoc.lower(last + 1) == ",")) in _NEAR:
            regions, k = found, last  # "operations in the Zaporizhzhia region near X and Y": X and Y, not the region
        elif found and destination:
            regions = [t for t in found if t.resolved.place.feature == "region"]  # "to the left bank in Kherson region"
            if regions:
                return regions
            k = last  # "to the left bank of the Dnipro in ...": on past the destination
        elif found:
            return found
    return regions


def _ends_pp_reach(sc: Scene, rule: Rule, k: int) -> bool:
    """Whether the search for a preposition's place stops at ``k``: at a place ("attacked X and hit a house near
    Y": Y is not where the attack was), and for fighting at harm done or at "from"."""
    return k in sc.usable or rule.kind == "fight" and (sc.adoc.lower(k) in _HARM or sc.adoc.lower(k) == "from")


def _past_place_words(sc: Scene, j: int, stop: int) -> int:
    """The first token from ``j`` (before ``stop`` and the sentence's end) that is a usable place or no word of a
    place phrase ("the outskirts of", "the eastern part of")."""
    adoc = sc.adoc
    while j < min(stop, sc.span.end) and j not in sc.usable and (adoc.lower(j) in _PP_SKIP | V.PREP_AT or
                                                                 part_of(adoc, j)):
        j += 1
    return j


def _compass_phrase(adoc: ArticleDoc, k: int, end: int) -> int:
    """Where a compass phrase that starts at ``k`` ends ("south of Siversk", "west of the Bakhmutka River"), or
    ``k`` if none starts there."""
    if not (adoc.lower(k).endswith(V.POINTS) and adoc.lower(k + 1) == "of") or part_of(adoc, k):
        return k
    name = j = k + 2 + (adoc.lower(k + 2) == "the")
    while j < min(end, k + 7) and adoc.title(j):
        j += 1
    return j if j > name else k


def _relative(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"X, which Kyiv says remains under Ukrainian control", "X, one of the few villages that were still held by
    Ukraine", "X is the last city that Ukraine still controls": the place the relative clause is about."""
    adoc = sc.adoc
    c = _relativizer(sc, a)
    if c is None:
        return []
    if "object" in rule.places and not (any(c < x.start and x.end <= a for x in sc.actors) or any(
            adoc.lower(k) in ("it", "they", "we") for k in range(c, a))):
        return []  # "X, which Ukrainian troops seized": the relative clause needs its own subject
    if adoc.lower(c) == "where" and "subject" in rule.places:
        return []  # "X, where the festival had been held": the place is not what was held
    head, via = _relative_head(sc, c)
    return [Target(adoc.places[head], head, f"relative: '{adoc.lower(c)}' -> {via}")] if head is not None else []


_RELATIVIZERS = frozenset({"which", "that", "where", "who"})
#: words of the noun phrase a relative clause hangs on: "one of the few villages in the region", "the last major city"
_RELATIVE_NP = V.DET | V.PLACE_NOUN | _SETTLEMENT_NOUNS | V.COMPASS | frozenset(
    {"one", "of", "few", "last", "only", "major", "biggest", "largest", "remaining", "in", "the", "people's", "republic",
     "'s", "’s", "two", "three", "and", "close", "to", "near", "outside", "next"})
_COPULA = frozenset({"is", "was", "are", "were", "remains", "remained", "became", "'s", "’s"})


def _relativizer(sc: Scene, a: int) -> int | None:
    """The "which" or "that" opening the relative clause a trigger stands in, if it does."""
    adoc = sc.adoc
    opening = max(sc.span.start, adoc.opening[a])
    if adoc.lower(opening) in _RELATIVIZERS:
        return opening
    for k in range(a - 1, max(sc.span.start, a - 8) - 1, -1):
        if adoc.lower(k) in _RELATIVIZERS:
            return k
        if k in adoc.places or adoc.lower(k) in (",", ";", ":"):
            return None
    return None


def _relative_head(sc: Scene, c: int) -> tuple[int | None, str]:
    """The place a relative clause at ``c`` is about: the place right before it (even one that only locates
    another: "west of Avdiivka, which Russian forces seized"), or the one the noun phrase before it is said of ("X,
    one of the few villages that", "X is the last major city that", "X, another village close to Y that")."""
    adoc = sc.adoc
    restrictive = adoc.lower(c - 1) != ","  # "the last city in the Luhansk region that ...": the city's clause
    k = c - 1 - (not restrictive)
    first = _list_start(adoc, k)  # "a village near Verbove and Tokmak that ..."
    if restrictive and k in sc.usable and (adoc.lower(first - 1) in _NEAR or adoc.lower(first - 1) == "to" and
                                           adoc.lower(first - 2) in _NEAR):
        head, via = _said_of(sc, first - 1)  # "another village close to Bakhmut that ...": the village's clause
        if head is not None:
            return head, via
    before = k in sc.usable or not restrictive and k in adoc.places and adoc.places[k].place.feature == "settlement" \
        and not any(x.start <= k < x.end for x in sc.actors)
    if before and not (restrictive and _region_in(adoc, k)):
        return k, "the place before it"
    return _said_of(sc, k)


def _said_of(sc: Scene, k: int) -> tuple[int | None, str]:
    """The place the noun phrase ending at ``k`` is said of, by a comma ("X, a small village near Y") or a copula
    ("X is the last major city")."""
    adoc, start = sc.adoc, k
    while k > sc.span.start and (k not in sc.usable or _region_in(adoc, k)) and start - k < 14 and (
            adoc.lower(k) in _RELATIVE_NP or k in adoc.places or adoc.title(k)):
        k -= 1
    if k == start or adoc.lower(k) not in _COPULA | {","}:
        return None, ""
    phrase, k = adoc.text(k + 1, start + 1), k - 1
    if adoc.lower(k) == "and" and sc.span.start in sc.usable:  # "X lies near Y and is a hub that ..."
        k = sc.span.start
    return (k, f"the place '{phrase}' is said of") if k in sc.usable else (None, "")


def _region_in(adoc: ArticleDoc, k: int) -> bool:
    """"(the last city) in the Luhansk region", "in its Kursk region": a region that only says where the noun
    before it is."""
    j = k - 1
    while j > k - 4 and adoc.lower(j) in V.DET:
        j -= 1
    return adoc.places[k].place.feature == "region" and adoc.lower(j) == "in"


def _fronted(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"In Vovchansk, the Russians are trying to advance": the place of a sentence-opening phrase."""
    adoc, s = sc.adoc, sc.span.start
    if adoc.lower(s) not in ("in", "near", "around", "at", "inside", "outside"):
        return []
    j = s + 1
    while j < a and adoc.lower(j) in _PP_SKIP:
        j += 1
    return _list(sc, j, 1, "opening phrase") if j in sc.usable and j < a else []


def _apposition(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"Avdiivka, a town Russia took in February", "Tokmak, a rail hub under Russian occupation": the place an
    apposition describes (even one that locates something else in the main clause)."""
    adoc = sc.adoc
    for k in range(a - 1, max(sc.span.start, a - 9), -1):
        if adoc.lower(k) == "," and adoc.lower(k + 1) in ("a", "an", "the", "now", "still", "another") and k - 1 in adoc.places:
            return [Target(adoc.places[k - 1], k - 1, "apposition: ', a ...' after the place")]
        if adoc.lower(k) in (",", ";") or adoc.lemma(k) in V.SAY:
            return []
    return []


def _there(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"Ukrainian units were still there": the place named last."""
    return _anaphor(sc, b - 1, b - 1, "'there'") if sc.adoc.lower(b - 1) in ("there", "it") else []


def _inside(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """A place the trigger's own words name after one of the rule's prepositions ("the situation in X remains
    unclear", "the situation near the town of X was tense", "the situation there is difficult")."""
    adoc = sc.adoc
    for k in range(a, b):
        if adoc.lower(k) == "there" and "there" in rule.preps:
            return _anaphor(sc, k, k, "'there'")
        if adoc.lower(k) not in rule.preps:
            continue
        j = k + 1
        while j < b and j not in sc.usable and adoc.lower(j) in _PP_SKIP:
            j += 1
        if j < b and j in sc.usable:
            return _list(sc, j, 1, f"after '{adoc.lower(k)}'")
    return []


_PLACE_FINDERS = {"object": _object, "subject": _subject, "pp": _pp, "relative": _relative, "fronted": _fronted,
                  "apposition": _apposition, "there": _there, "inside": _inside}


def _side(sc: Scene, rule: Rule, a: int, b: int, targets: Sequence[Target]) -> tuple[Acting | None, Role, str]:
    """The acting side the rule's side slots find, in order, and what it did; "SPEAKER"-sides are pronouns
    ("its forces", "it") and "ENEMY" the other side of the speaker, settled with the act."""
    last = max(t.token for t in targets)
    for slot, role in rule.sides:
        side, via = _SIDE_FINDERS[slot](sc, a, b, last)
        if side is not None:
            return side, role, via
    return None, rule.sides[0][1] if rule.sides else "none", "no side named"


#: prepositions that make a noun phrase an adverbial: its noun has no subject in the clause
_ADVERBIAL = frozenset({"after", "before", "since", "following", "despite", "amid", "until", "by", "with"})


def _side_subject(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
    adoc = sc.adoc
    clause = adoc.clause[a]
    head = next((x for x in sc.actors if x.end - 1 == a and x.start < a and x.side in ("RU", "UA")), None)
    if head is not None:  # "Russian forces control ...": the trigger opens on the subject's head
        return head.side, f"subject '{head.text}'"
    if adoc.lower(a - 1) == "the" and adoc.lower(a - 2) in _ADVERBIAL:
        return None, ""  # "Russian forces pushed on after the fall of X": the clause's subject did not lose X
    for i in range(a - 1, max(sc.span.start, a - 25) - 1, -1):
        word = adoc.lower(i)
        actor = next((x for x in sc.actors if x.end - 1 == i and not _object_of_repel(adoc, x)), None)
        if actor is not None and actor.side in ("RU", "UA") and (actor.can_take or not actor.military) \
                and not actor.event and adoc.clause[i] == clause:
            return actor.side, f"subject '{actor.text}'"
        if adoc.clause[i] != clause:
            continue
        if word in _OWN and adoc.lemma(i + 1) in ("force", "troop", "unit", "soldier", "army", "military", "serviceman", "fighter"):
            return _antecedent(sc, i, f"'{adoc.text(i, i + 2)}'")
        if word in ("it", "they", "we") and adoc.lower(i + 1) in V.AUX | V.ADVERB | {"had", "has", "have"} | {adoc.lower(a)}:
            return _antecedent(sc, i, f"'{word}'", agent=True)
        if word in _ENEMY and not (adoc.lower(i + 1) in V.POSSESSIVE and adoc.lemma(i + 2) not in _FORCE_NOUNS):
            # "the enemy's forces took X" acts; "broke through the enemy's defences" does not
            return "ENEMY", f"'{word}' = the other side of the speaker"
        if adoc.clause[i] != clause and adoc.lower(i) in (";", "—"):
            break
    military = [x for x in sc.actors if x.end <= a and x.military and x.side in ("RU", "UA") and not _object_of_repel(adoc, x)]
    return (military[-1].side, f"military subject '{military[-1].text}'") if military else (None, "")


def _object_of_repel(adoc: ArticleDoc, actor: Actor) -> bool:
    """"(had) halted Russian advances", "repelled several Ukrainian attacks", "fighting against Russian troops": the
    actor is what was stopped or fought, never the subject of a verb after it."""
    k = actor.start - 1
    while adoc.lower(k) in V.DET or adoc.number(k):
        k -= 1
    return adoc.lemma(k) in V.REPEL or adoc.lower(k) == "against"


def _antecedent(sc: Scene, i: int, words: str, agent: bool = False) -> tuple[Acting | None, str]:
    """A pronoun's side ("its forces", "they"): the side named last before it in the sentence (for a pronoun that
    acts, one that can: not "Ukrainian lines"), else the speaker's."""
    before = [x for x in sc.actors
              if x.end <= i and x.side in ("RU", "UA") and (x.can_take or not agent) and not x.event]
    if before:
        return before[-1].side, f"{words} = '{before[-1].text}'"
    return "SPEAKER", f"{words} = the speaker's"


def _after_word(words: tuple[str, ...], reach: int = 6):  # type: ignore[no-untyped-def]
    def find(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
        for x in sc.actors:
            if max(b, last) <= x.start <= max(b, last) + reach and (sc.adoc.lower(x.start - 1) in words or (
                    sc.adoc.lower(x.start - 1) == "the" and sc.adoc.lower(x.start - 2) in words)) and x.side in ("RU", "UA"):
                return x.side, f"'{sc.adoc.lower(x.start - 1)} {x.text}'"
        return None, ""
    return find


def _side_possessor(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
    adoc = sc.adoc
    for x in sc.actors:
        if x.end in (a, a - 1) and x.side in ("RU", "UA"):
            return x.side, f"possessor '{x.text}'"
    side = V.SIDE_WORD.get(adoc.lower(a - 1))
    return (cast(Side, side), f"'{adoc.lower(a - 1)}' before the noun") if side else (None, "")


def _side_in_match(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
    for i in range(a, b):
        side = V.SIDE_WORD.get(sc.adoc.lower(i))
        if side:
            return cast(Side, side), f"'{sc.adoc.lower(i)}' in the phrase"
        if sc.adoc.lower(i) in ("its", "their"):  # "Russian troops now control ..., with X under their control"
            return _antecedent(sc, i, f"'{sc.adoc.lower(i)}' in the phrase")
        if sc.adoc.lower(i) == "our":
            return "SPEAKER", "'our' in the phrase = the speaker's"
    of = b + (sc.adoc.lower(b) in _QUOTES)
    if sc.adoc.lower(of) == "of":  # "under the control of Russian forces", 'remains "under the control" of the army'
        x = next((x for x in sc.actors if x.start in (of + 1, of + 2) and x.side in ("RU", "UA")), None)
        if x:
            return x.side, f"'of {x.text}'"
    return None, ""


def _side_object(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
    x = next((x for x in sc.actors if a < x.start < b and x.side in ("RU", "UA")), None)
    return (x.side, f"object '{x.text}'") if x else (None, "")


def _side_of_noun(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
    """"the collapse of Ukrainian defences in X": the side named right after the noun's "of"."""
    side = V.SIDE_WORD.get(sc.adoc.lower(b))
    return (cast(Side, side), f"'of {sc.adoc.lower(b)}'") if side else (None, "")


_SIDE_FINDERS = {"subject": _side_subject, "by": _after_word(("by",)), "to": _after_word(("to",)),
                 "for": _after_word(("for",), 16), "possessor": _side_possessor, "in_match": _side_in_match,
                 "object": _side_object, "of_noun": _side_of_noun}


def _verb_group(sc: Scene, rule: Rule, a: int, b: int) -> tuple[bool, str, bool]:
    """Negation, modality (fact, attempt, plan) and hedging of a trigger, from its verb group and clause."""
    adoc = sc.adoc
    negated = any(adoc.lower(i) in V.NEGATION for i in range(a, b))
    modality, hedged = "fact", False
    i = a - 1
    while i >= sc.span.start and a - i <= 6:
        word = adoc.lower(i)
        if word in V.NEGATION:
            negated = True
        elif word in V.MODAL:
            if adoc.lower(i + 1) == "have":
                hedged = True
            else:
                modality = "plan"
        elif word == "to":
            modality = _infinitive(adoc, i)
            if modality == "plan" and rule.kind == "withdraw" and adoc.lemma(i - 1) in ("decide", "decision"):
                modality = "fact"  # "announced his decision to pull troops out of X": the withdrawal is announced
            break
        elif word in V.HEDGE:
            hedged = True
        elif word in ("and", "or") and _coordinated_plan(adoc, i, sc.span.start):
            modality = "plan"
            break
        elif word not in V.AUX | V.ADVERB | {"been", "being", "be", "also", "had", "has", "have", "it", "they"}:
            break
        i -= 1
    if adoc.lower(a).endswith("ing") and rule.kind != "fight" and (a == sc.span.start or adoc.lower(a - 1) in (",", ";", "that")) \
            and (any(adoc.lower(k) in V.MODAL for k in range(b, min(sc.span.end, b + 12))
                     if adoc.clause[k] == adoc.clause[a]) or _gerund_subject(sc, a, b)):
        modality = "plan"  # "Capturing Tokmak would mark a milestone": a gerund subject of a modal is no report
    clause = adoc.clause[a]
    hedged = hedged or any(adoc.lower(k) in V.HEDGE for k in range(max(sc.span.start, a - 12), b) if adoc.clause[k] == clause)
    return negated, modality, hedged


#: present verbs whose subject may be a gerund: "taking X opens the way to Y", "seizing X is Moscow's main aim" (word
#: forms, not lemmas: "was", "opened" report what taking it did)
_GENERIC_VERBS = frozenset({"is", "are", "remains", "opens", "means", "gives", "allows", "paves", "puts", "makes"})
#: how far after a gerund its verb may come, past its object and an aside
GERUND_REACH = 25


def _gerund_subject(sc: Scene, a: int, b: int) -> bool:
    """Whether the gerund at ``a`` is the subject of a present verb after its object and asides ("According to the
    commanders, taking Siversk, a town of 10,000 people, opens the way to Slovyansk"), not a participle with a
    subject of its own ("Capturing X, Russian forces are now pushing on")."""
    adoc = sc.adoc
    for k in range(b, min(sc.span.end, b + GERUND_REACH)):
        if adoc.lower(k - 1) == "," and any(x.start == k for x in sc.actors):
            return False
        if adoc.lower(k) in _GENERIC_VERBS:  # right after the object, or after an aside closed by a comma
            return adoc.lower(k - 1) == "," or all(
                j in adoc.places or adoc.lower(j) in _OBJECT_SKIP for j in range(b, k))
    return False


#: verbs of trying (or failing to): what follows them is an attempt
_TRYING = V.ATTEMPT | {"fail"}
_FACT_BEFORE_TO = frozenset({"manage", "succeed", "begin", "start", "continue", "claim", "say", "report", "appear", "seem",
                             "go", "happen", "prove", "turn", "come", "get", "able", "enough"})


def _infinitive(adoc: ArticleDoc, to: int) -> str:
    """What "to" before a trigger makes of it: an attempt ("trying to take"), a fact ("managed to take", "claims
    to have taken"), else a plan or a purpose ("aims to take", "in order to take", "the chance to take")."""
    if adoc.lemma(_verb_before_to(adoc, to - 1)) in _TRYING or adoc.lower(to - 1) in ("attempts", "attempt", "efforts", "bid"):
        return "attempt"
    before = adoc.lemma(to - 1)
    if any(adoc.lemma(k) in ("order", "authorize", "authorise") for k in range(to - 3, to)):
        return "fact"  # "ordered its troops to withdraw": the order is how the withdrawal is reported
    if adoc.lower(to + 1) == "have" or before in _FACT_BEFORE_TO or adoc.lower(to - 1) in ("and", "had", "forced", "compelled",
                                                                                         "obliged"):
        return "fact"
    return "plan"


def _verb_before_to(adoc: ArticleDoc, k: int) -> int:
    """The token before "to" at ``k``, or the attempt before an adverbial of how often or how well that stands
    between them ("tried six times to", "trying in vain to")."""
    j = k
    while k - j < 3 and (adoc.lower(j) in V.TRY_ADVERBIAL or adoc.number(j)):
        j -= 1
    return j if j < k and adoc.lemma(j) in _TRYING else k


def _coordinated_plan(adoc: ArticleDoc, conj: int, floor: int) -> bool:
    """"aiming to take X and force Y out": a verb joined to a planned one is planned too."""
    for k in range(conj - 1, max(floor, conj - 10) - 1, -1):
        if adoc.lower(k) == "to" and _infinitive(adoc, k) == "plan":
            return True
        if adoc.lower(k) in (",", ";") or adoc.lemma(k) in V.SAY:
            return False
    return False
