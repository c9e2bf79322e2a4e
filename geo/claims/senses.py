"""Where a trigger's words do not mean what its rule reads in them: a word of a name, "free" as an adjective,
"occupied with", a question, a place freed of things rather than of a force, holding talks rather than
ground, and for fighting what a strike, no force, the press or a compound word says (each found in dev, dev2
or the probes of written sentences; see ``tests/test_claim_cases.py``)."""

from __future__ import annotations

from geo.claims import vocab as V
from geo.claims.rules import Rule
from geo.claims.scene import Scene, Target

_WEAPONS = frozenset({"strike", "strikes", "shelling", "bombing", "bombardment", "explosion", "explosions",
                      "blast", "shell", "shells", "missile", "missiles", "drone", "drones", "rocket",
                      "rockets", "airstrike", "airstrikes", "bomb", "bombs", "glide", "artillery"})
#: who may reach, enter, approach or leave a place without fighting for it
_NO_FORCE = frozenset({"convoy", "convoys", "aid", "evacuees", "refugees", "civilians", "residents", "train",
                       "trains", "bus", "buses", "delegation", "inspectors", "journalists", "reporters",
                       "experts", "ambulance", "ambulances", "electricity", "power", "water", "gas",
                       "supplies",
                       "medics", "doctors", "volunteers", "mayor", "governor", "president", "minister",
                       "officials", "police", "rescuers", "firefighters", "cargo", "shipment", "food",
                       "tourists", "visitors", "children", "families", "people", "pope", "envoy"})
#: words before such a noun that make it a force after all ("a Russian military convoy")
_MILITARY = frozenset({*V.SIDE_WORD, "military", "armoured", "armored", "army", "reconnaissance", "supply"})
#: nouns "press" opens when it is the news, not a push ("a press conference", "press freedom")
_PRESS_NOUNS = frozenset({"conference", "conferences", "freedom", "service", "release", "secretary", "office",
                          "centre", "center", "briefing", "officer", "statement", "team", "corps", "card"})
#: words after which "free" is an adjective ("a free Ukrainian city", "it was free and Ukrainian")
_BEFORE_ADJECTIVE = V.DET | V.AUX | frozenset({"remained", "remains", "remain", "stays", "stayed", "still"})
#: capitalised words that open a trigger as adjectives, not as names
_PROPER_ADJECTIVES = frozenset({*V.SIDE_WORD, "pro-russian", "separatist", "rebel"})
#: words that open a direct question
_ASKING = frozenset({"has", "have", "had", "will", "would", "did", "does", "do", "is", "are", "was", "were",
                     "can", "could", "should", "why", "how", "what", "when", "where", "who", "which"})


def not_meant_here(sc: Scene, rule: Rule, a: int, b: int) -> str:
    """Why the trigger's words do not mean here what the rule reads in them, if they do not."""
    adoc = sc.adoc
    if _in_a_name(sc, a):
        return "part of a name"
    if adoc.lower(a) == "free" and adoc.lower(a - 1) in _BEFORE_ADJECTIVE:
        return "'free' as an adjective ('a free Ukrainian city')"
    if adoc.lower(b - 1) == "occupied" and adoc.lower(b) == "with":
        return "'occupied with': busy, not held"
    if adoc.lower(sc.span.end - 1) == "?" and adoc.lower(sc.span.start) in _ASKING:
        return "a question ('Has Russia captured X?')"
    if rule.kind == "hold" and _holds_something_else(sc, b):
        return "holds something other than ground ('held talks in X')"
    if rule.kind in ("fight", "withdraw"):
        return _no_ground_fighting(sc, a)
    return ""


def _no_ground_fighting(sc: Scene, a: int) -> str:
    """Why a trigger of fighting or leaving is none, if it is not: its subject or modifier is a weapon or
    strike ("the strike had cut off X", "a drone attack on X") or no force at all ("aid convoys reached X",
    "the last train left X"), "press" is the news ("a press conference in X"), or it only opens a compound
    word ("the battle-scarred city of X")."""
    adoc, j = sc.adoc, a - 1
    while j > sc.span.start and adoc.lower(j) in V.AUX | V.ADVERB:
        j -= 1
    if adoc.lower(j) in _WEAPONS:
        return "done by a strike: what strikes hit is no fighting"
    if adoc.lower(j) in _NO_FORCE and _MILITARY.isdisjoint(adoc.words.lower[max(sc.span.start, j - 3) : j]):
        return f"done by no force ('{adoc.lower(j)}')"
    armed = next((k for k in range(a + 1, sc.span.end) if adoc.lower(k) == "with"
                  and adoc.clause[k] == adoc.clause[a]), None)
    if armed is not None and not _WEAPONS.isdisjoint(adoc.words.lower[armed + 1 : armed + 5]):
        return "done with weapons that strike ('attacked X with glide bombs')"
    if adoc.lower(a) == "press" and (adoc.lower(a - 1) in V.DET or adoc.lower(a + 1) in _PRESS_NOUNS):
        return "'press' as the news ('a press conference')"
    joined = adoc.lower(a + 1) == "-" and adoc.ends[a] == adoc.starts[a + 1]
    return "a word of a compound ('battle-scarred')" if joined else ""


#: what "hold" holds when it holds no ground: an event or a captive ("held talks in X", "held drills near X",
#: "held a saboteur near X")
_HELD_EVENTS = frozenset({
    "talks", "negotiations", "meeting", "meetings", "conference", "briefing", "referendum", "referendums",
    "election", "elections", "vote", "ceremony", "funeral", "rally", "parade", "event", "festival", "drills",
    "exercises", "consultations", "summit", "session", "hearing", "trial", "memorial", "prisoners",
    "hostages", "captives", "saboteur", "saboteurs", "suspects", "detainees", "discussions", "celebrations",
    "commemoration", "exchange", "press"})


def _holds_something_else(sc: Scene, b: int) -> bool:
    """"held talks in Odesa", "held drills near Belgorod", "held a saboteur near Sumy": the verb holds an
    event or a captive (past up to three words before it), so the place only locates it."""
    adoc = sc.adoc
    if adoc.lemma(b - 1) != "hold":
        return False
    for j in range(b, min(sc.span.end, b + 4)):
        if j in sc.usable or adoc.words.punct[j]:
            return False
        if adoc.lower(j) in _HELD_EVENTS:
            return True
    return False


#: what a place is freed of when no side is driven out ("cleared of mines", "liberated from debt"); and what
#: a force or its rule is called there ("freed from the occupiers", "liberated from Russian occupation")
_FORCE_WORDS = frozenset({"occupation", "occupiers", "occupier", "invaders", "invader", "enemy", "russians",
                          "ukrainians", "troops", "forces", "control", "rule", "militants", "separatists",
                          "army", "siege", "blockade", "encirclement", "nazis", "fascists", "orcs", "units",
                          "soldiers"})


def freed_of_things(sc: Scene, rule: Rule, a: int, b: int, targets: list[Target]) -> str:
    """Why a place cleared, freed or liberated of something was taken from no side, if it was not: "Kherson
    is being cleared of mines", "sappers cleared Izium of mines", "Dnipro was liberated from debt"."""
    adoc = sc.adoc
    if rule.kind != "capture" or not any(adoc.lemma(k) in ("clear", "free", "liberate") for k in range(a, b)):
        return ""
    start = max(b, *(t.token + 1 for t in targets))
    of = start if adoc.lower(start) in ("of", "from") else None
    if of is None or adoc.lower(of - 1) == "as" or any(of < x.start < of + 6 for x in sc.actors):
        return ""  # "cleared X of mines and Ukrainian marines" drove a force out too
    if _FORCE_WORDS.isdisjoint(adoc.words.lower[of + 1 : of + 6]):
        return f"freed of '{adoc.text(of + 1, min(sc.span.end, of + 3))}', not of a force"
    return ""


def _in_a_name(sc: Scene, a: int) -> bool:
    """A capitalised trigger inside a sentence is a word of a name ("Storm-Z units", "Operation Task Force
    East", "Liberation Square"), unless punctuation opens it (a quote, a colon, a list's bullet)."""
    adoc = sc.adoc
    return a > sc.span.start and adoc.title(a) and not adoc.words.punct[a - 1] \
        and adoc.lower(a) not in _PROPER_ADJECTIVES  # "Russian-held"
