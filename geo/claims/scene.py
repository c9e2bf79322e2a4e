"""What a frame's slot finders read: a sentence as a scene (its span, the places a rule may claim, its actors,
the places earlier sentences were about), the target a finder gives, and the closed word sets they step
over."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from geo.claims import vocab as V
from geo.claims.places import locators
from geo.claims.sides import Actor
from geo.claims.tokens import ArticleDoc, Span
from geo.models import Resolved, Side

_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                      "twelve", "dozen", "dozens", "several", "more", "than"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
#: words between a place and the trigger it is the subject of ("X has now been", 'X "remains')
SUBJECT_SKIP = QUOTES | V.AUX | V.ADVERB | V.NEGATION | V.MODAL | frozenset(
    {"remain", "remains", "remained", "stay", "stays", "stayed", "itself", "finally", "now", "been", "being",
     "back", "once", "again", "officially", "reportedly", "firmly", "mostly", "largely", "fully", "as",
     "entirely", "either", "both", "all"})
OBJECT_SKIP = QUOTES | V.DET | V.PLACE_NOUN | _NUMBERS | V.ADVERB | frozenset({
    "of", "over", "the", "control", "full", "complete", "back", ":", "following", "up", "rest", "remaining",
    "village's", "town's", "city's", "russian", "ukrainian", "defenses", "defences", "defensive", "border",
    "about", "around", "nearly", "almost", "roughly", "some", "percent", "per", "cent", "%",
    "russia", "ukraine", "'s", "’s"})
PP_SKIP = (V.DET | V.PLACE_NOUN | V.PARTITIVE | V.ADVERB
           | frozenset({"of", "the", "close", "to", "vicinity", "areas", "settlements", "villages",
                        "direction", "russia", "ukraine", "'s", "’s"}))
COUNT_WORDS = frozenset({"dozens", "hundreds", "scores", "several", "more", "square", "kilometres",
                         "kilometers", "km", "miles", "territory", "few", "many", "number"})
PLURAL_PLACES = frozenset({"villages", "settlements", "towns", "localities", "hamlets", "cities", "defenses",
                           "defences", "lines", "positions"})
COUNTED_SKIP = (COUNT_WORDS | PLURAL_PLACES
                | frozenset({",", ":", "-", "–", "—", "sq", "sq.", ".", "and", "including", "among", "them",
                             "such", "as", "namely", "than", "(", ")", "in", "of", "about", "around",
                             "nearly", "almost", "over", "some", "incl", "notably", "like"}))
OBJECT_OR_COUNT = OBJECT_SKIP | COUNT_WORDS
SETTLEMENT_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "cities", "settlement",
                              "settlements", "locality", "localities", "hamlet", "hamlets", "communities"})
#: prepositions of an agent or a source, stepped over: "attacks by Russian assault infantry near X"
AGENT = frozenset({"by", "from", "with"})
REGION_REFS = frozenset({"region", "oblast", "territory"})
NAMING = frozenset({":", "including", "among", "namely", "such", "-", "–", "—"})
#: the plural head two or more regions share ("the Donetsk and Luhansk regions")
REGION_HEADS = frozenset({"regions", "oblasts", "provinces"})
JOINS = frozenset({",", "and", "or"})
HARM = frozenset({"casualties", "casualty", "killed", "killing", "injured", "injuring", "wounded", "dead",
                  "deaths", "died", "fire", "fires", "damage", "damaged", "destroyed", "hit", "struck",
                  "strike", "strikes", "blackout", "blackouts", "civilians", "residents", "people",
                  "evacuated", "evacuation"})
DESTINATION = frozenset({"to", "towards", "toward"})
REF_NOUNS = frozenset({"village", "town", "city", "settlement", "island"})
OWN = frozenset({"its", "their", "our", "his"})
ENEMY = frozenset({"enemy", "adversary", "aggressor", "invaders", "occupiers"})


#: a side as matching finds it: a side, or a pronoun for the speaker's ("its forces") or the other side ("the
#: enemy")
Acting = Literal["RU", "UA", "third_party", "unknown", "SPEAKER", "ENEMY"]


@dataclass(frozen=True, slots=True)
class Target:
    """A place a frame is about, and how it was found."""

    resolved: Resolved
    token: int
    via: str


@dataclass(frozen=True, slots=True)
class Scene:
    """What slot finders read in a sentence: its span, the places a rule may claim, its actors, and the place
    a definite reference ("the city", "it") may mean."""

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
#: nouns of a force that may leave a place with no side named ("the troops withdrew", "units pulled out")
FORCE_NOUNS = frozenset({"troop", "force", "unit", "soldier", "army", "military", "garrison", "brigade",
                         "battalion", "regiment", "division", "detachment", "grouping", "marine",
                         "paratrooper", "infantry", "commando", "defender", "fighter", "serviceman",
                         "servicemen", "occupier", "invader", "enemy", "command", "personnel", "they", "we",
                         "it"})
