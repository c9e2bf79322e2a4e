"""Where a trigger's words do not mean what its rule reads in them: a word of a name, "free" as an adjective,
"occupied with", a question, a place cleared of mines rather than of a force, holding talks rather than
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
                       "supplies", "medics", "doctors", "volunteers", "mayor", "governor", "president",
                       "minister", "officials", "police", "rescuers", "firefighters", "cargo", "shipment",
                       "food", "tourists", "visitors", "children", "families", "people", "pope", "envoy"})
#: words before such a noun that make it a force after all ("a Russian military convoy")
_MILITARY = frozenset({*V.SIDE_WORD, "military", "armoured", "armored", "army", "reconnaissance", "supply"})
#: words before such a noun that make it no subject's head ("troops backed by air power", "troops and local
#: people", "Kadyrov's people")
_NOT_THE_HEAD = frozenset({"by", "with", "and", "using", "'s", "’s"})
#: what tells a strike on a city from an attack on the ground ("attacked Zaporizhzhia, killing two")
_STRIKE_CUES = frozenset({"killing", "killed", "injuring", "injured", "wounding", "wounded", "damaging",
                          "damaged", "civilians", "infrastructure", "port", "energy", "residential",
                          "casualties", "dead", "hit", "struck"})
#: nouns "press" opens when it is the news, not a push ("a press conference", "press freedom")
_PRESS_NOUNS = frozenset({"conference", "conferences", "freedom", "service", "release", "secretary", "office",
                          "centre", "center", "briefing", "officer", "statement", "team", "corps", "card"})
#: words after which "free" is an adjective ("a free Ukrainian city", "it was free and Ukrainian")
_BEFORE_ADJECTIVE = V.DET | V.AUX | frozenset({"remained", "remains", "remain", "stays", "stayed", "still"})
#: capitalised words that open a trigger as adjectives, not as names
_PROPER_ADJECTIVES = frozenset({*V.SIDE_WORD, "pro-russian", "separatist", "rebel"})
#: words that open a question whose answer is open ("Has Russia captured X?", not "Why did Ukraine leave X?",
#: which takes the leaving as given)
_ASKING = frozenset({"has", "have", "had", "will", "would", "did", "does", "do", "is", "are", "was", "were",
                     "can", "could", "should"})


def not_meant_here(sc: Scene, rule: Rule, a: int, b: int) -> str:
    """Why the trigger's words do not mean here what the rule reads in them, if they do not."""
    adoc = sc.adoc
    if _in_a_name(sc, a):
        return "part of a name"
    if adoc.lower(a) == "free" and adoc.lower(a - 1) in _BEFORE_ADJECTIVE:
        return "'free' as an adjective ('a free Ukrainian city')"
    if adoc.lower(b - 1) == "occupied" and adoc.lower(b) == "with":
        return "'occupied with': busy, not held"
    if adoc.lower(sc.span.end - 1) == "?" and adoc.lower(sc.span.start) in _ASKING \
            and "," not in adoc.words.lower[sc.span.start : a]:
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
    before = adoc.words.lower[max(sc.span.start, j - 3) : j]
    if adoc.lower(j) in _NO_FORCE and _MILITARY.isdisjoint(before) \
            and _NOT_THE_HEAD.isdisjoint(adoc.words.lower[max(sc.span.start, j - 2) : j]):
        return f"done by no force ('{adoc.lower(j)}')"
    if adoc.lower(a) in ("attacked", "attacking") and not _STRIKE_CUES.isdisjoint(
            adoc.lower(k) for k in range(sc.span.start, sc.span.end) if adoc.clause[k] == adoc.clause[a]):
        return "a strike: 'attacked X, killing ...'"
    armed = next((k for k in range(a + 1, sc.span.end) if adoc.lower(k) == "with"
                  and adoc.clause[k] == adoc.clause[a]), None)
    if armed is not None and not _WEAPONS.isdisjoint(adoc.words.lower[armed + 1 : armed + 5]):
        return "done with weapons that strike ('attacked X with glide bombs')"
    if adoc.lower(a) == "press" and adoc.lower(a + 1) in _PRESS_NOUNS:
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


#: what a place is cleared of when no side is driven out ("cleared of mines", "clearing X of rubble")
_THINGS_CLEARED = frozenset({"mine", "mines", "landmines", "explosives", "ordnance", "munitions",
                             "unexploded", "rubble", "debris", "snow", "booby-traps", "tripwires"})


def freed_of_things(sc: Scene, rule: Rule, a: int, b: int, targets: list[Target]) -> str:
    """Why a place cleared of something was taken from no side, if it was not: "Kherson is being cleared of
    mines", "sappers cleared Izium of mines" (demining frees nothing)."""
    adoc = sc.adoc
    if rule.kind != "capture" or not any(adoc.lemma(k) == "clear" for k in range(a, b)):
        return ""
    start = max(b, *(t.token + 1 for t in targets))
    of = next((k for k in range(start, min(sc.span.end, start + 3)) if adoc.lower(k) in ("of", "from")), None)
    # "cleared X of mines and Ukrainian marines" drove a force out too
    if of is not None and any(adoc.lower(k) in _THINGS_CLEARED for k in range(of + 1, of + 4)) \
            and not any(of < x.start < of + 6 for x in sc.actors):
        return "cleared of mines or rubble, not of a force"
    return ""


def _in_a_name(sc: Scene, a: int) -> bool:
    """A capitalised trigger inside a sentence is a word of a name ("Storm-Z units", "Operation Task Force
    East", "Liberation Square"), unless punctuation opens it (a quote, a colon, a list's bullet)."""
    adoc = sc.adoc
    return a > sc.span.start and adoc.title(a) and not adoc.words.punct[a - 1] \
        and adoc.lower(a) not in _PROPER_ADJECTIVES  # "Russian-held"
