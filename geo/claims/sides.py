"""Who is who: actor phrases of news copy as token patterns, each with its side and kind.

- ``RU``: Russia, Moscow, the Kremlin, the Russians, Russian forces/troops/ministry/officials, the
  occupiers/invaders, Putin, Shoigu, Belousov, Gerasimov, Peskov, Wagner, Prigozhin, DPR/LPR, Pushilin,
  Kadyrov, North Korean troops, Russian-installed officials, TASS, RIA, milbloggers.
- ``UA``: Ukraine, Kyiv, Ukrainian forces/troops/army/ministry/officials, Zelensky, the General Staff, the
  AFU, numbered brigades, Syrskyi, Zaluzhnyi, Budanov, HUR, SBU, the National Guard, Azov, Khortytsia/Tavria
  groups, DeepState, governors, mayors and military administrations.
- ``third_party``: ISW, the Pentagon, the US, NATO, the UK defence ministry, Reuters, AP, AFP, the BBC, CNN,
  analysts, journalists, OSINT groups.

A place name is an actor only where the grammar makes it one ("Kyiv said", "Moscow's declaration"), never in
"in Ukraine" or "Russia's Kursk region" (:func:`find_actors` decides). Each voice is also of a kind: an
``official``, the ``media`` or an ``analyst``; two voices of one side and kind say the same thing once.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from geo.claims import vocab as V
from geo.claims.match import Matcher
from geo.models import Side

if TYPE_CHECKING:
    from geo.claims.tokens import ArticleDoc

Pattern = tuple[Mapping[str, object], ...]

_FORCE = ["force", "troop", "army", "military", "soldier", "unit", "serviceman", "servicemen", "brigade",
          "battalion", "regiment", "division", "fighter", "defender", "paratrooper", "marine", "command",
          "commander", "group", "grouping", "formation", "detachment", "corps", "occupier", "invader",
          "assault", "infantry", "armour", "armor", "men", "personnel", "garrison", "sapper", "drone",
          "operator", "artillery", "navy", "airborne", "guard", "special", "operation", "offensive",
          "advance", "attack", "defence", "defense", "line", "position", "counteroffensive",
          "counter-offensive", "counterattack", "incursion", "side", "authority", "official", "government",
          "ministry", "mod", "staff", "spokesman", "spokesperson", "spokeswoman", "source", "media",
          "blogger", "milblogger", "correspondent", "channel", "outlet", "intelligence", "president",
          "minister", "leader", "chief", "governor", "administration", "agency", "border", "claim", "report",
          "statement",
          "service", "proxy", "separatist", "counterpart", "commando", "resource", "milblogger"]
_SPEAKS_ONLY = frozenset({"authority", "official", "government", "ministry", "mod", "staff", "spokesman",
                          "spokesperson", "spokeswoman", "source", "media", "blogger", "milblogger",
                          "correspondent", "channel", "outlet", "intelligence", "president", "minister",
                          "leader", "chief", "governor", "administration", "agency", "statement", "report",
                          "claim", "service", "resource"})
#: what a side does, not who does it: "Russian advances" neither speak nor lose a place
_EVENTS = frozenset({"attack", "advance", "offensive", "counteroffensive", "counter-offensive",
                     "counterattack", "incursion", "operation", "assault", "defence", "defense", "line",
                     "position"})
_WHO = frozenset(_FORCE) - _EVENTS
_CANNOT_TAKE = _EVENTS - {"incursion", "operation", "assault", "counteroffensive", "counter-offensive"} \
    | _SPEAKS_ONLY | {"border", "statement", "report", "claim"}
_FIGHTERS = (frozenset(_FORCE) - _SPEAKS_ONLY
             - (_EVENTS - {"assault", "counteroffensive", "counter-offensive"}) - {"border", "side"})
_MOD = ["armed", "ground", "airborne", "regular", "special", "military", "defence", "defense", "assault",
        "territorial", "national", "general", "main", "occupying", "invading", "occupation", "marine",
        "mechanised", "mechanized", "separate", "motorised", "motorized", "rifle", "tank", "artillery",
        "drone", "border", "foreign",
        "deputy", "first", "prime", "state", "war", "local", "regional", "top", "senior", "military-civilian",
        "installed", "proxy", "backed", "-", "led", "defence-ministry", "federal", "security", "presidential",
        "intelligence", "operational", "strategic", "operational-strategic", "joint", "combined", "air",
        "forces", "sea", "naval", "spetsnaz", "chechen", "akhmat", "eastern", "western", "northern",
        "southern", "central", "sabotage", "reconnaissance", "infiltration"]


def _words(*words: str) -> list[dict[str, object]]:
    return [{"LOWER": w} for w in words]


_POSS = {"LOWER": {"IN": ["'s", "’s"]}, "OP": "?"}
_THE = {"LOWER": "the", "OP": "?"}
_GAP_MOD = {"LOWER": {"IN": _MOD}, "OP": "{,3}"}
_TITLE_GAP = {"IS_TITLE": True, "OP": "{,3}"}
_ORD = {"LIKE_NUM": True, "TEXT": {"REGEX": r"^\d+(st|nd|rd|th)$"}}
_ORD_OPT = {**_ORD, "OP": "?"}
#: verb forms whose lemma is a head noun: "Russian forces attacked" ends with "forces"
_VERB_FORMS = ["reported", "reporting", "claimed", "claiming", "stated", "attacked", "attacking", "advanced",
               "advancing", "defended", "defending", "assaulted", "assaulting", "counterattacked",
               "counterattacking", "operated", "commanded", "guarded", "guarding", "bordering", "bordered",
               "sourced", "led", "governed"]
_HEAD = {"LEMMA": {"IN": _FORCE}, "LOWER": {"NOT_IN": _VERB_FORMS}}
_TAIL = {"LOWER": {"IN": ["chief", "commander", "spokesman", "spokesperson", "spokeswoman", "head", "press",
                          "service", "office", "officials", "official", "sources", "representative",
                          "representatives", "statement", "channel", "bulletin", "update", "of", "staff",
                          "general", "minister", "ministry", "forces",
                          "command", "defence", "defense", "foreign", "affairs", "internal"]}, "OP": "{,3}"}

#: (side, patterns): the longest match at a position wins; rows are tried together
_ROWS: tuple[tuple[Side, tuple[Pattern, ...]], ...] = (
    ("RU", (
        ({"LOWER": {"IN": ["russian", "russia", "moscow", "kremlin", "dpr", "lpr", "dnr", "lnr", "wagner",
                           "chechen", "separatist", "pro-russian", "pro-kremlin", "russia-backed"]}}, _POSS,
         _ORD_OPT, _GAP_MOD, _TITLE_GAP, _GAP_MOD, _HEAD, _TAIL),
        (*_words("north", "korean"), _GAP_MOD, _HEAD),
        (_words("pro")[0], {"ORTH": "-"}, {"LOWER": {"IN": ["kremlin", "russian", "moscow"]}}, _GAP_MOD,
         _HEAD, _TAIL),
        ({"LOWER": {"IN": ["russian", "moscow", "kremlin"]}}, {"ORTH": "-"}, {"LOWER": "installed"}, _GAP_MOD,
         _HEAD),
        ({"LOWER": {"IN": ["ministry", "minister"]}}, *_words("of", "defence"), *_words("of"), _THE,
         {"LOWER": {"IN": ["russia", "russian"]}}, {"LOWER": "federation", "OP": "?"}),
        (*_words("armed", "forces", "of", "the", "russian", "federation"),),
        (*_words("russian", "federation"), _POSS, _GAP_MOD, _TITLE_GAP, _GAP_MOD, _HEAD, _TAIL),
        ({"LOWER": {"IN": ["sever", "zapad", "tsentr", "yug", "vostok", "dnepr", "north", "west", "centre",
                           "center", "south", "east", "northern", "western", "central", "southern",
                           "eastern"]}},
         {"LOWER": {"IN": ["group", "grouping", "battlegroup"]}},
         {"LOWER": "of", "OP": "?"}, {"LOWER": "forces", "OP": "?"}),
        ({"LOWER": {"IN": ["russians", "occupiers", "invaders", "kremlin", "wagner", "rosgvardia"]}},),
        ({"LOWER": {"IN": ["battlegroup", "group", "grouping"]}},
         {"LOWER": {"IN": ["north", "south", "east", "west", "centre", "center", "dnepr", "sever", "vostok",
                           "zapad", "yug", "tsentr"]}}),
        ({"LOWER": {"IN": ["russia", "moscow", "putin", "shoigu", "belousov", "gerasimov", "peskov", "lavrov",
                           "saldo", "balitsky", "pushilin", "pasechnik", "kadyrov", "prigozhin", "gladkov",
                           "khinshtein", "rogov", "tass", "ria", "interfax", "zakharova", "konashenkov",
                           "lapin", "rybar", "apti", "alaudinov", "mordvichev", "gerasimov's", "dpr", "lpr",
                           "dnr", "lnr", "sputnik", "izvestia", "rt", "kommersant", "rosgvardia",
                           "milbloggers", "milblogger"]}},),
        (*_words("ria", "novosti"),),
    )),
    ("UA", (
        ({"LOWER": {"IN": ["ukrainian", "ukraine", "kyiv", "kiev"]}}, _POSS, _ORD_OPT, _GAP_MOD, _TITLE_GAP,
         _GAP_MOD, _HEAD, _TAIL),
        (_ORD, _TITLE_GAP, _GAP_MOD,
         {"LEMMA": {"IN": ["brigade", "battalion", "regiment", "corps", "division"]}}),
        ({"LOWER": {"IN": ["general"]}}, {"LOWER": "staff"}),
        ({"LOWER": {"IN": ["armed", "defence", "defense", "security"]}}, _words("forces")[0],
         *_words("of", "ukraine")),
        # Ukraine's name for its forces: "the Defence Forces", "the Southern Defence Forces"
        ({"LOWER": {"IN": ["defence", "defense"]}}, _words("forces")[0]),
        ({"LOWER": {"IN": ["khortytsia", "khortitsa", "khortytsya", "tavria", "tavriya", "azov", "kraken",
                           "skelya", "achilles", "magyar"]}}, _GAP_MOD, {"LEMMA": {"IN": _FORCE}, "OP": "?"},
         _TAIL),
        (*_words("national", "guard"),),
        (*_words("state", "border", "guard", "service"), {"LOWER": "of", "OP": "?"},
         {"LOWER": "ukraine", "OP": "?"}),
        ({"LOWER": {"IN": ["ukrainians", "ukraine", "kyiv", "kiev", "zelensky", "zelenskyy", "zelenskiy",
                                 "zelenskyi", "syrskyi", "syrsky", "syrskiy", "zaluzhnyi", "zaluzhny",
                                 "budanov", "umerov", "reznikov", "shmyhal", "yermak", "hur", "sbu",
                                 "deepstate", "deepstatemap", "afu", "zsu", "ukrinform", "suspilne",
                                 "voloshyn", "trehubov", "shtupun", "cherevaty", "cherevatyi", "malyar",
                                 "maliar", "sybiha", "kuleba", "podolyak", "podolyak", "syniehubov",
                                 "lysak", "fedorov", "filashkin", "kiper", "prokudin", "zhyvytskyi",
                                 "hryhorov"]}},),
        (*_words("deep", "state"),),
        # Ukrainian outlets named in two words ("Ukrainska Pravda reported", "the Kyiv Independent reported")
        ({"LOWER": {"IN": ["ukrainska", "ukrayinska", "kyiv", "kiev"]}},
         {"LOWER": {"IN": ["pravda", "independent", "post"]}}),
    )),
    ("third_party",
     (({"LOWER": {"IN": ["isw", "pentagon", "nato", "reuters", "afp", "bbc", "cnn", "washington", "osint",
                         "analysts", "analyst", "journalists", "un", "ap", "bloomberg", "oryx", "rusi", "cit",
                         "geoconfirmed", "blackbird", "bellingcat", "u.s.", "usa", "britain", "uk"]}},),
      (*_words("institute", "for", "the", "study", "of", "war"),),
      ({"LOWER": "think"}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["tank", "tanks"]}}),
      (*_words("associated", "press"),),
      (*_words("new", "york", "times"),),
      (*_words("white", "house"),),
      (*_words("state", "department"),),
      ({"LOWER": {"IN": ["uk", "british", "britain", "us", "u.s.", "american", "western", "finnish",
                         "estonian"]}},
       _POSS, _GAP_MOD,
       {"LEMMA": {"IN": ["ministry", "mod", "intelligence", "official", "analyst", "government", "military",
                         "defence", "defense", "officer", "source", "group", "institute"]}}),
      ({"LOWER": {"IN": ["military", "independent", "western", "open-source", "osint", "war"]}},
       {"ORTH": "-", "OP": "?"},
       {"LOWER": {"IN": ["analysts", "analyst", "researchers", "experts", "observers", "monitors"]}}),
      (*_words("open", "source"), {"LOWER": {"IN": ["analysts", "researchers", "groups", "intelligence"]}}),
      )),
)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor phrase as a token range, its side, and whether it fights (can take ground) or only speaks."""

    start: int
    end: int
    text: str
    side: Side
    can_take: bool
    military: bool
    place: bool = False  # a country or capital named as its government ("Kyiv said")
    event: bool = False  # what a side does ("Russian advances"), which names the side but is no one


@functools.cache
def _matcher() -> Matcher:
    matcher = Matcher()
    for side, patterns in _ROWS:
        matcher.add(side, patterns)
    return matcher


_PLACE_ACTORS = frozenset({"moscow", "kyiv", "kiev", "russia", "ukraine", "washington"})
_PLACE_PREPS = frozenset({"in", "into", "from", "of", "across", "near", "inside", "within", "throughout",
                          "against", "toward", "towards", "on", "at", "over", "beyond", "with", "between",
                          "outside", "around"})
_PLACE_HEADS = frozenset({"region", "oblast", "province", "territory", "border", "soil", "land", "city",
                          "town", "village", "side", "regions", "oblasts", "'s"})


def find_actors(adoc: ArticleDoc, start: int, end: int) -> list[Actor]:
    """The actors of a token range, left to right, longest first; a country or capital only where it acts."""
    kept: list[tuple[str, int, int]] = []
    for side, a, b in sorted(_matcher()(adoc.words, start, end), key=lambda m: (m[1] - m[2], m[1])):
        if not any(x < b and a < y for _, x, y in kept):
            kept.append((side, a, b))
    actors = []
    for side, a, b in sorted(kept, key=lambda m: m[1]):
        head, last = adoc.lemma(b - 1), adoc.lower(b - 1)
        place = b - a == 1 and last in _PLACE_ACTORS
        if place and not _acts(adoc, a, start):
            continue
        military = head in _FIGHTERS or last in ("russians", "ukrainians", "occupiers", "invaders", "wagner")
        # an event ("Russian advances"), but not a who named after its head ("Ministry of Defence")
        event = head in _EVENTS and not any(adoc.lemma(k) in _WHO for k in range(a, b - 1))
        actors.append(Actor(a, b, adoc.text(a, b), cast(Side, side), head not in _CANNOT_TAKE, military,
                            place, event))
    return actors


#: verbs a country does to a place it holds ("a city Russia occupies")
_HOLDS = frozenset({"hold", "control", "occupy", "keep", "retain", "defend"})


def _acts(adoc: ArticleDoc, i: int, floor: int) -> bool:
    """Whether a country or capital at ``i`` is its government ("Kyiv said", "Moscow's claim"), not a place
    ("in Ukraine", "Russia's Kursk region", "Ukraine's border")."""
    after, after2 = adoc.lower(i + 1), adoc.lower(i + 2)
    if after in ("'s", "’s"):
        return after2 not in _PLACE_HEADS and not adoc.title(i + 2)
    before = adoc.lower(i - 1) if i - 1 >= floor else ""
    if before in ("capital", "city", "town", "region", "oblast", "province"):
        # "the capital Kyiv" is a place; "a city Ukraine liberated", "a town Russia had taken" a side
        return after in V.AUX or adoc.lemma(i + 1) in V.CAPTURE | _HOLDS
    before2 = adoc.lower(i - 2) if i - 2 >= floor else ""
    if before == "to" and before2 == "according":
        return True
    if before in _PLACE_PREPS or (before == "the" and before2 in _PLACE_PREPS):
        return False
    return after not in _PLACE_HEADS


_MEDIA = frozenset({"tass", "ria", "interfax", "ukrinform", "suspilne", "deepstate", "deepstatemap",
                    "reuters", "ap", "afp", "bbc", "cnn", "media", "outlet", "channel", "blogger",
                    "milblogger", "milbloggers",
                    "correspondent", "journalist", "journalists", "reporter", "news", "newspaper", "agency",
                    "sputnik", "izvestia", "rt", "kommersant", "times", "press", "bloomberg", "rybar",
                    "observer", "pravda", "independent", "post", "television", "tv", "broadcaster"})
_ANALYST = frozenset({"isw", "institute", "tank", "analyst", "analysts", "osint", "open-source",
                      "researchers", "experts", "observers", "oryx", "rusi", "cit", "geoconfirmed",
                      "blackbird", "bellingcat", "monitors"})


def voice_kind(words: Sequence[str]) -> str:
    """The kind of voice a claimant phrase names: ``analyst``, ``media`` or ``official`` (the rest)."""
    lowered = {w.lower() for w in words}
    if lowered & _ANALYST:
        return "analyst"
    if lowered & _MEDIA and "deep" not in lowered or {"deep", "state"} <= lowered:
        return "media"
    return "official"


def opposite(side: Side) -> Side:
    """The other belligerent; third parties and unknowns have none."""
    return cast(Side, {"RU": "UA", "UA": "RU"}.get(side, "unknown"))
