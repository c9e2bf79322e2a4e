"""The claim rules: one declared row per construction of English that states control of a place.

A row holds the trigger phrase as spaCy ``Matcher`` patterns over lemmas and lower-cased words (never a
character regex), what the phrase means (the event kind; where its places and its acting side are found, and
what that side did; the side to assume when none is named; what negation and an attempt do to it; its priority
in an overlap), and at least two example sentences from different articles of ``corpus/dev`` or
``corpus/dev2`` with the claims they must give, plus a counter-example. ``tests/test_claim_rows.py`` runs
every example and counter-example. Adding a construction is adding a row; the examples live in
:mod:`geo.claims.examples`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from geo.claims import vocab as V
from geo.when_rules import DAY_WORDS

Pattern = tuple[Mapping[str, object], ...]
Kind = Literal["capture", "withdraw", "hold", "fight", "block"]
#: where a rule's places are, in the order tried: after the trigger ("captured X"), before it ("X was
#: captured"), after a preposition of place ("fighting near X"), the antecedent of "which/where" ("X, which
#: Kyiv says remains under ..."), the sentence's opening "In X, ...", or, for fighting that only "goes on",
#: the place a capture before it takes ("claims to have taken X, which Kyiv denies, saying the fighting
#: goes on")
PlaceSlot = Literal["object", "subject", "pp", "relative", "fronted", "apposition", "there", "inside",
                    "disputed", "force_at"]
#: where the acting side is: the clause's subject, after "by"/"to"/"for", the possessor of a noun ("Russia's
#: capture of"), a side word inside the phrase ("under Ukrainian control"), or the object ("drove Ukrainian
#: forces out")
SideSlot = Literal["subject", "by", "to", "for", "possessor", "in_match", "object", "of_noun"]
#: what the side found did: took or holds the place, lost or left it
Role = Literal["taker", "holder", "loser", "leaver", "none"]
#: where the side comes from when none is named, tried in the order a rule lists them: the speaker's (the
#: other side's under a denial), the only belligerent the sentence names, the invader of the place's country
#: (an "occupied" place), the place's own country (a place "liberated" with no side named is freed by its own
#: side), the invader when the trigger says "occupied" with no "by" ("6% of the region's territory was still
#: occupied"). No default: no claim without a side.
Default = Literal["speaker", "only_side", "invader", "own_country", "occupier"]

#: the participles of taking (not freeing: its own rows; not "occupied": a hold)
_TAKEN = V.CAPTURED - V.LIBERATED - {"occupied"}
#: the participles of holding
_HELD = ("held", "controlled", "occupied", "defended", "kept", "retained")
_ADV = {"LOWER": {"IN": sorted(V.ADVERB | V.NEGATION | V.AUX - {"'s", "’s"} | {'"', "“", "”"})}, "OP": "{,3}"}
_BE = {"LEMMA": "be"}


def lemma(words: frozenset[str] | set[str], op: str | None = None) -> dict[str, object]:
    """A token whose lemma is one of ``words``."""
    return {"LEMMA": {"IN": sorted(words)}, **({"OP": op} if op else {})}


def lower(*words: str, op: str | None = None) -> dict[str, object]:
    """A token that is one of ``words`` (lower-cased)."""
    return {"LOWER": {"IN": sorted(words)}, **({"OP": op} if op else {})}


@dataclass(frozen=True, slots=True)
class Rule:
    """One construction: its trigger patterns and what they mean."""

    id: str
    patterns: tuple[Pattern, ...]
    kind: Kind
    places: tuple[PlaceSlot, ...] = ("object",)
    sides: tuple[tuple[SideSlot, Role], ...] = (("subject", "taker"),)
    defaults: tuple[Default, ...] = ("speaker", "only_side")
    negation: Literal["deny", "block"] = "deny"
    # what an attempt ("trying to take X") makes of it: nothing, or fighting (a fight rule's attempt, "efforts
    # to defeat the force in X", is fighting all the same)
    attempt: Literal["block", "fight"] = "block"
    voice: Literal["act", "reporter"] = "act"
    preps: frozenset[str] = V.PREP_AT
    # the most words after the trigger its place may stand at (CLAUSE: anywhere in its clause)
    reach: int = 10
    priority: int = 50
    needs_actor: bool = False  # the side must be a named force, not a pronoun, "the enemy" or a default
    # the subject place stands bare ("supplies in Kherson have fallen": Kherson did not fall)
    bare_subject: bool = False
    note: str = ""


#: the reach of a trigger whose place may stand anywhere in its clause: fighting "continued on Tuesday, with
#: Russian units attacking from three directions, near X" is where the clause says it is, however far
CLAUSE = 10_000
_SIDES_ACT: tuple[tuple[SideSlot, Role], ...] = (("subject", "taker"), ("possessor", "taker"))
_FALL_TO = lower("to", "under", "into")
_CONTROL_WORDS = lower("control", "hands", "occupation", "rule")
_SIDE_TOKENS = {"LOWER": {"IN": sorted({*V.SIDE_WORD, "'s", "’s", "the", "its", "their", "our", "full",
                                        "firm", "complete", "total", "effective", "armed", "forces",
                                        "military", "army", "troops", "federation", "russia-backed"})},
                "OP": "{,4}"}

#: the numbers of a day of a month ("fell on 17 February", "fell on the 17th")
_DAY_NUMBERS = sorted({*map(str, range(1, 32)),
                       *(f"{d}{s}" for d in range(1, 32) for s in ("st", "nd", "rd", "th"))})
#: what may follow "fell"/"has fallen" when a place fell: not a complement of another sense ("fell silent",
#: "fell under heavy shelling", "fell into darkness", "have fallen sharply", "fell 20%")
_NOT_COMPLEMENT = {"LOWER": {"NOT_IN": ["silent", "quiet", "dark", "under", "into", "onto", "on", "upon",
                                        "by", "from", "sharply", "steeply", "slightly", "significantly",
                                        "dramatically", "steadily", "short", "back", "apart", "behind",
                                        "victim", "prey", "ill", "asleep", "below", "off", "over", "out",
                                        "through", "flat", "to", "down", "away", "within", "%"]},
                   "LIKE_NUM": False}

#: words before "scene", "focus" or "arena": "the main", "one of the hottest"
_SCENE_WORDS = ("the", "a", "one", "of", "main", "key", "major", "biggest", "hottest", "principal", "primary",
                "central")

#: words that name whose troops are moved: "withdraw Ukrainian units from", and "pull Kyiv's forces out"
#: (not a place's name before "out": "withdrew from Kyiv" names no troops)
_SIDE_ADJECTIVES = ("ukrainian", "russian", "'s", "’s")
_SIDE_NAMES = (*_SIDE_ADJECTIVES, "ukraine", "russia", "kyiv", "kiev", "moscow")
#: the words of a force a side pulls out ("its troops", "the Armed Forces of Ukraine", "Ukrainian marines")
_PULLED = ("troops", "forces", "its", "their", "units", "soldiers", "the", "army", "armed", "of", "marines",
           "paratroopers", "infantry", "servicemen", "defenders", "fighters", "brigade", "brigades",
           "garrison", "last", "remaining", "all", "russians", "ukrainians", "national", "guard")

RULES: tuple[Rule, ...] = (
    Rule("capture.liberate", ((lemma(V.LIBERATE), lower("back", op="?")),
                              (lower("de"), {"ORTH": "-"},
                               lower("occupied", "occupy", "occupies", "occupying"))),
         "capture", ("object", "apposition", "relative"), _SIDES_ACT,
         defaults=("speaker", "only_side", "own_country"),
         # above hold.in_control: "de-occupying X" frees X, whatever "occupying" says
         attempt="fight", priority=53,
         note="a side frees places; 'liberated' with no side named at all: by the place's own country"),
    Rule("capture.verb", ((lemma(V.CAPTURE - V.LIBERATE - {"occupy"}), lower("back", op="?")),), "capture",
         ("object", "apposition", "relative"), _SIDES_ACT,
         attempt="fight",
         note="a side takes or frees places; 'liberated' carries no side: the subject's, else the speaker's"),
    Rule("capture.liberated", ((_BE, _ADV, lower(*V.LIBERATED)),
                               (_BE, _ADV, lower("de"), {"ORTH": "-"}, lower("occupied")),
                               # reduced after the place: "X, liberated by Ukrainian forces in November, ..."
                               (lower(","), _ADV, lower(*V.LIBERATED), lower("by"))), "capture",
         ("subject", "relative", "apposition", "pp"), (("by", "taker"),), preps=frozenset({"in"}),
         defaults=("speaker", "only_side", "own_country"), priority=61,
         note="places were freed; by the side after 'by', the speaker's, else the place's own country"),
    Rule("capture.passive",
         ((_BE, _ADV, lower(*_TAKEN), lower("back", op="?")),
          (_BE, _ADV, lower("listed", "marked", "shown", "declared", "considered", "reported", "recorded"),
           lower("as"), _ADV, lower(*V.CAPTURED)),
          # the passive reduced to a participle after the place: "X, captured by Russia in May, ..."
          (lower(","), _ADV, lower(*_TAKEN), lower("back", op="?"),
           lower("by"))), "capture",
         ("subject", "relative", "apposition", "pp"), (("by", "taker"),), preps=frozenset({"in"}),
         priority=60, note="places were taken or freed; the side after 'by', else the speaker's"),
    Rule("capture.fall_to",
         ((lemma({"fall", "pass", "go", "come", "return", "revert", "switch", "change"}), _ADV, _FALL_TO,
           _SIDE_TOKENS, _CONTROL_WORDS),
          (lemma({"fall", "pass", "go", "return", "revert", "surrender"}), _ADV, lower("to")),
          (lemma({"change", "switch"}), lower("hands")),
          (_BE, lower("once", op="?"), lower("again", "back"), lower("under", "in"), _SIDE_TOKENS,
           _CONTROL_WORDS)),
         "capture", ("subject", "relative", "apposition"), (("to", "taker"), ("in_match", "taker")),
         defaults=(), priority=55,
         note="places fell or passed to a side, came under its control, or are back under it"),
    Rule("capture.fallen",
         ((lower("has", "had", "have", "having", "'s", "’s"), _ADV, lower("fallen"), _NOT_COMPLEMENT),
          (lower("fell"), _NOT_COMPLEMENT),
          # "the town fell on Thursday", "fell on 17 February": a day, not what it fell on
          (lower("fell"), lower("on"), {"LOWER": {"IN": sorted(DAY_WORDS | {w + "." for w in DAY_WORDS})}}),
          (lower("fell"), lower("on"), {"LOWER": {"IN": _DAY_NUMBERS}})),
         "capture", ("subject", "relative"), (("to", "taker"),), defaults=("invader",), priority=44,
         bare_subject=True,
         note="places have fallen, no side named: taken by the invader of the place's country"),
    Rule("capture.liberation", ((lemma({"liberation", "liberating"}), lower("of")),
                                (lower("de"), {"ORTH": "-"}, lower("occupation"), lower("of"))), "capture",
         ("object",), (("possessor", "taker"), ("by", "taker"), ("for", "taker"), ("subject", "taker")),
         defaults=("speaker", "only_side", "own_country"), attempt="fight",
         note="the liberation of places; with no side named at all, by the place's own country"),
    Rule("capture.noun",
         ((lemma(V.CAPTURE_NOUN - {"loss", "fall", "collapse", "surrender", "liberation", "liberating"}),
           lower("of")),), "capture",
         ("object",),
         (("possessor", "taker"), ("by", "taker"), ("to", "taker"), ("for", "taker"), ("subject", "taker")),
         attempt="fight", note="the capture, liberation or seizure of places"),
    Rule("capture.loss", ((lemma({"loss", "fall", "collapse", "surrender"}), lower("of")),
                          (lemma({"lose", "cede", "surrender", "give"}), lower("up", op="?"))), "capture",
         ("object",),
         (("to", "taker"), ("of_noun", "loser"), ("possessor", "loser"), ("subject", "loser")),
         defaults=("invader",), priority=45,
         note="the fall or loss of places: the side it fell to took it; the side that lost it did not"),
    Rule("capture.control",
         ((lemma(V.CONTROL_VERB), _ADV, lower("full", "complete", "total", "effective", "firm", op="?"),
           lower("control"), lower("of", "over")),
          (lower("control"), _ADV, _BE, _ADV, lower("established", "taken", "gained", "restored"),
           lower("over", "of")),
          (lower("flag", "flags"), _ADV, _BE, _ADV, lower("raised", "hoisted", "planted")),
          (lemma({"raise", "hoist", "plant"}), _ADV, lower("the", "a", "their", "its", op="?"),
           _SIDE_TOKENS, lower("national", "state", "blue-and-yellow", "tricolour", "tricolor", op="?"),
           lower("flag", "flags"))),
         "capture", ("object", "pp"), (("in_match", "taker"), ("possessor", "taker"), ("subject", "taker")),
         priority=60, note="take, gain or establish control of places; a flag raised over them"),
    Rule("withdraw.verb", ((lemma({"withdraw", "retreat", "flee", "exit", "escape"}),
                            lower("troops", "forces", "its", "their", "units", "from", "out", "of", "last",
                                  "remaining", "all", "the", "soldiers", "personnel", *_SIDE_ADJECTIVES,
                                  op="{,4}")),
                           (lemma({"pull"}), lower(*_PULLED, *_SIDE_NAMES, op="{,5}"),
                            lower("out", "back"),
                            lower("of", "from", op="?")),
                           (lemma({"fall"}), lower("back"), lower("from", op="?")),
                           (lemma({"leave", "abandon", "quit", "vacate"}),),
                           (lemma({"order", "move", "take"}),
                            lower("its", "their", "the", "troops", "forces", "units", op="{,3}"),
                            lower("out"), lower("of"))),
         "withdraw", ("object", "pp", "relative", "force_at"), (("subject", "leaver"),), priority=50,
         preps=frozenset({"from", "of", "out", "in", "near"}),
         note="a side leaves places (or its positions in or near them); the other side is left in control"),
    Rule("withdraw.noun", ((lemma({"withdrawal", "pullout", "pull-out", "pullback", "retreat"}),
                            lower("of", "its", "their", "the", "troops", "forces", "units", "armed",
                                  "ukraine", "russia", "ukrainian", "russian", "army", "military", op="{,6}"),
                            lower("from")),),
         "withdraw", ("object",), (("in_match", "leaver"), ("possessor", "leaver"), ("subject", "leaver")),
         priority=50, note="a side's withdrawal or retreat from places; the other side is left in control"),
    Rule("withdraw.driven_out", (({"LEMMA": {"IN": sorted(V.DRIVE_OUT)}, "LOWER": {"NOT_IN": ["forces"]}},
                                  {"LOWER": {"NOT_IN": ["to", "into", ".", ",", ";", ":"]}, "OP": "{,4}"},
                                  lower("out", "from", "back"), lower("of", op="?")),),
         "capture", ("object", "pp"), (("object", "loser"), ("subject", "taker")), defaults=(), priority=55,
         note="one side drives the other out of places; the driver controls them"),
    Rule("withdraw.driven_out_passive",
         ((_BE, _ADV, lower("driven", "pushed", "forced", "knocked", "kicked", "ousted", "dislodged",
                            "expelled", "thrown"), lower('"', "”", op="?"),
           lower("out", "back", "from", op="?"),
           lower("of", "from", op="?")),
          # an attack "repelled near X" is fighting; only "repelled from X" drives a side out
          (_BE, _ADV, lower("repelled", "repulsed"), lower('"', "”", op="?"), lower("out", "back", op="?"),
           lower("of", "from"))),
         "capture", ("object", "pp", "relative"), (("subject", "loser"),), defaults=(), priority=60,
         note="a side was driven out of places; the other side controls them"),
    Rule("hold.under",
         ((lower("under", "in"), lower("the", "full", "firm", "complete", "effective", "total", op="{,2}"),
           _SIDE_TOKENS, _CONTROL_WORDS),), "hold", ("subject", "relative", "apposition", "fronted"),
         (("in_match", "holder"), ("by", "holder")), defaults=(), priority=55,
         note="places are (or remain) under or in a side's control or hands"),
    Rule("hold.in_control",
         ((lower("in", "retain", "retains", "retained", "maintain", "maintains", "maintained", "keep",
                 "keeps", "kept", "have", "has", "had", "exercise", "exercises"),
           lower("full", "firm", "complete", "effective", "total", op="?"), lower("control"),
           lower("\"", "”", op="?"), lower("of", "over", "in")),
          ({"LOWER": {"NOT_IN": ["the", "full", "total", "complete", "of", "under", "in", "effective",
                                 "firm", "their", "its", "'s", "’s", "fire", "russian", "ukrainian",
                                 "gain", "gained", "take", "took", "taken", "establish", "established",
                                 "a", "operational", "partial", "and", "to", "regain", "seize", "for",
                                 "retake", "retook", "retaken", "regained", "lost", "lose", "loses",
                                 "losing", "restored", "restore", "seized", "won", "assumed"]}},
           lower("control")),
          (lower("controls", "controlled", "controlling", "occupy", "occupies", "occupying"),),
          (lower("has", "have", "had"), _ADV, lower("occupied"))),
         "hold", ("object", "relative", "fronted", "pp"), (("subject", "holder"), ("by", "holder")),
         priority=52, preps=frozenset({"in", "inside", "within"}),
         note="a side controls places or is in control of them"),
    Rule("hold.keep",
         ((lemma({"hold", "keep", "maintain", "retain", "defend"}), lower("on", "onto", "out", "up", op="?"),
           lower("their", "its", "our", "the", "up", "firm", "a", op="{,2}"), lemma(V.HOLD_NOUN, "?")),),
         "hold", ("object", "pp", "relative", "fronted"), (("subject", "holder"),), defaults=(), priority=45,
         preps=frozenset({"in", "inside", "at", "near", "around", "along", "of", "within", "on"}),
         note="a side keeps positions, the line, or control in or near places, or remains inside them"),
    Rule("hold.held_by",
         ((lower(*_HELD), lower("by")), (lower(","), _ADV, lower(*_HELD), lower("by")),
          (_BE, _ADV, lower(*_HELD))),
         "hold", ("subject", "relative"), (("by", "holder"),), defaults=("occupier", "speaker", "only_side"),
         priority=56, note="places held or controlled by a side; 'the city is being held' by the speaker's "
                           "side, 'occupied' by the invader"),
    Rule("hold.attributive", ((lower(*V.SIDE_WORD, "separatist", "rebel"), {"ORTH": "-"},
                               lower("held", "controlled", "occupied")),
                              (lower("separatist", "rebel", "russian", "ukrainian", "pro-russian", "kremlin"),
                               {"LOWER": {"IN": ["-", "held", "controlled", "logistics", "military",
                                                 "frontline", "major", "key", "main", "last", "defensive",
                                                 "strategic", "important", "vital", "supply", "rail",
                                                 "transport", "fortified", "front-line"]}, "OP": "{,3}"},
                               lower("stronghold", "hub", "bastion", "outpost", "garrison", "fortress",
                                     "citadel")),
                              (lower("the", "in", "of", "from", "to", "near", "into", "across", "around",
                                     "newly", "still", "temporarily", "now", "russian", "occupied"),
                               lower("occupied", "temporarily", op="?"), lower("occupied"))),
         "hold", ("object", "apposition"), (("in_match", "holder"),), defaults=("invader",), voice="reporter",
         reach=5, priority=55,
         note="control stated in passing: 'the occupied city of X', 'Russian-held X'"),
    Rule("hold.there", ((_BE, lower("still", "now", "firmly"), lower("there")),),
         "hold", ("there",), (("subject", "holder"),), defaults=("speaker", "only_side"), priority=45,
         note="a side's troops are still there: it holds the place named last"),
    Rule("fight.foothold",
         ((lemma({"take", "gain", "secure", "establish", "have"}), lower("up", "a", op="{,2}"),
           lemma({"position", "foothold", "bridgehead"})),
          (_BE, _ADV, lower("on", "at", "in", "inside", "near"), lower("the", op="?"),
           lower("outskirts", "edge", "approaches", "doorstep", "gates", "fringes", "streets"))),
         "fight", ("pp",), (), defaults=(), priority=62, reach=CLAUSE,
         preps=frozenset({"in", "inside", "near", "of", "on", "at", "around"}),
         note="a side has a foothold or positions in, or stands on the outskirts of, places: fighting"),
    Rule("fight.repel", ((lemma(V.REPEL), lower("off", "back", op="?"), {"OP": "{,4}"}, lemma(V.ATTACK_NOUN)),
                         (lemma(V.ATTACK_NOUN), {"OP": "{,6}"}, _BE, _ADV,
                          lower("repelled", "repulsed", "thwarted", "stopped", "foiled", "beaten", "halted",
                                "rebuffed", "unsuccessful", "recorded", "registered", "reported"))),
         "fight", ("pp", "fronted"), (), defaults=(), priority=60, reach=CLAUSE,
         note="attacks on places were repelled: fighting, the place contested"),
    Rule("fight.ongoing", ((lemma(V.FIGHT_NOUN),),
                           (lower("fought", "fighting", "clashed", "clashing", "battled", "battling"),)),
         "fight", ("pp", "relative", "fronted", "disputed"), (), defaults=(), priority=45, reach=CLAUSE,
         preps=frozenset({"in", "near", "at", "around", "inside", "outside", "for", "over", "within", "close",
                          "by", "throughout", "across", "along", "of", "on"}),
         note="fighting, clashes or battles in, near, on the edge of or for places; fighting that only goes "
              "on, for the place a capture earlier in the sentence takes"),
    Rule("fight.assault", ((lemma({"assault", "offensive", "storming", "push", "onslaught",
                                   "counteroffensive", "counter-offensive", "operation", "pressure"}),),),
         "fight", ("pp", "object", "fronted", "relative"), (), defaults=(), priority=36, reach=CLAUSE,
         preps=frozenset({"near", "at", "around", "in", "outside", "close", "on", "against", "into"}),
         note="a ground assault on, near or in places: fighting"),
    Rule("fight.presence", ((lemma({"presence"}),),), "fight", ("pp",), (), defaults=(), priority=30,
         reach=CLAUSE, preps=frozenset({"in", "inside", "at", "near"}),
         note="a side's presence in places: fighting there (of a region it says nothing)"),
    Rule("fight.attack", ((lemma({"attack", "counterattack", "attempt"}),),), "fight", ("pp", "fronted"), (),
         defaults=(), priority=35, reach=CLAUSE,
         preps=frozenset({"near", "at", "around", "in", "outside", "close"}),
         note="attacks near or at places: fighting; not 'toward' them"),
    Rule("fight.attacked", ((lower("attacked", "attacking", "counterattacked", "counterattacking"),),),
         "fight", ("object", "relative"), (("subject", "none"),), defaults=(), needs_actor=True, priority=38,
         reach=6,
         note="a named force attacks places (not with bombs or missiles): fighting"),
    Rule("fight.advance",
         ((lemma({"move"}), lower("forward", "further", "deeper", "closer", "ahead", "up", "north", "south",
                                  "east", "west", "northward", "southward", "eastward", "westward",
                                  "northwest", "northeast", "southwest", "southeast")),
          ({"LEMMA": {"IN": sorted(V.ADVANCE - {"break"})}, "LOWER": {"NOT_IN": ["surrounding", "pressing"]}},
           lower("forward", "further", "deeper", "up", "in", "through", "ahead", op="{,2}")),
          # not "the news broke", "war broke out"
          (lemma({"break"}), lower("through", "into", "in")),
          (lemma({"edge", "inch", "creep", "close"}), lower("closer", "forward", "in", "into", "nearer")),
          (lemma({"cross"}), lower("into")),
          (lemma({"get", "make", "force"}), lower("its", "their", "way", op="{,2}"), lower("into", "inside")),
          (lemma({"take"}), lower("up"), lower("positions", "position"))),
         "fight", ("pp", "object", "fronted", "relative"), (), defaults=(), reach=CLAUSE, priority=40,
         preps=frozenset({"into", "inside", "in", "near", "around", "on", "within", "to", "outskirts", "at",
                          "across"}),
         note="a side advances into, enters, approaches or storms places: fighting"),
    Rule("fight.operating", ((lemma({"operate"}),),), "fight", ("pp",), (("subject", "none"),), defaults=(),
         needs_actor=True, reach=CLAUSE, priority=45,
         preps=frozenset({"in", "inside", "near", "around", "at", "within"}),
         note="a side's forces operate in or near places: fighting"),
    Rule("fight.attempt",
         ((lemma(V.ATTEMPT), {"LIKE_NUM": True, "OP": "?"}, lower(*V.TRY_ADVERBIAL, op="{,2}"), lower("to"),
           lemma(V.CAPTURE | V.ADVANCE | {"encircle", "surround", "break"})),
          (lemma({"attempt", "bid", "push", "offensive", "drive"}), lower("to"),
           lemma(V.CAPTURE | V.ADVANCE))),
         "fight", ("object", "pp", "fronted"), (), defaults=(), reach=CLAUSE, priority=65,
         note="a side is trying to take or encircle places: fighting, the other side holds them"),
    Rule("fight.encircled",
         ((lower("encircled", "surrounded", "besieged", "trapped", "encirclement", "siege", "cauldron",
                 "cauldrons", "pocket", "blockaded", "semi-encircled", "semi-encirclement"),),
          (lower("cut"), lower("off"))),
         "fight", ("pp", "subject", "object", "force_at"), (), defaults=(), priority=50, reach=CLAUSE,
         preps=frozenset({"in", "inside", "near", "around", "of", "at"}),
         note="troops encircled or cut off in places: fighting"),
    Rule("fight.scene",
         ((_BE, _ADV, lower(*_SCENE_WORDS, op="{,4}"),
           lower("scene", "focus", "epicentre", "epicenter", "arena", "centre", "center", "site", "hotspot"),
           lower("of"), {"LOWER": {"NOT_IN": ["the"]}, "OP": "{,2}"}, lemma(V.FIGHT_NOUN | V.ATTACK_NOUN)),
          (lower(",", "\"", "“"), lower(*_SCENE_WORDS, op="{,4}"), lower("scene", "focus", "epicentre",
                                                                          "epicenter", "arena", "hotspot"),
           lower("of"), {"LOWER": {"NOT_IN": ["the"]}, "OP": "{,2}"}, lemma(V.FIGHT_NOUN | V.ATTACK_NOUN))),
         "fight", ("subject", "relative"), (), defaults=(), priority=50,
         note="places are the scene, focus or arena of fighting or attacks"),
    Rule("fight.grey_zone", ((_BE, _ADV, lower("in", "a", op="?"), lower("the", op="?"),
                              lower("\"", "“", "'", "‘", op="?"), lower("grey", "gray"), lower("zone")),),
         "fight", ("subject",), (), defaults=(), priority=50,
         note="places are (still) in the grey zone, or a grey zone: no side holds them, fighting"),
    Rule("fight.situation",
         (({"LOWER": {"NOT_IN": ["humanitarian", "energy", "economic", "political", "security", "financial",
                                 "power", "electricity", "supply"]}},
           lower("situation"), {"OP": "{,7}"}, lemma({"be", "remain", "stay"}), _ADV,
           lower("tense", "difficult", "complicated", "complex", "unclear", "fluid", "critical",
                 "hard", "dire", "challenging", "precarious", "volatile", "uncertain", "dynamic")),),
         "fight", ("inside", "pp"), (), defaults=(), priority=50, reach=CLAUSE,
         preps=frozenset({"in", "near", "around", "at", "on", "there"}),
         note="the situation in or near places is (or remains) tense, difficult or unclear there: fighting"),
    Rule("block.situation", ((lower("situation"), _ADV, lower("under"), lower("control")),), "block",
         priority=90),
    Rule("block.bank", ((lower("left", "right"), lower("bank", "banks", "side", "flank")),), "block",
         priority=90),
    Rule("block.take_part",
         ((lemma({"take"}), lower("part", "place", "measures", "steps", "shelter", "cover", "months", "years",
                                  "weeks", "days", "time")),), "block", priority=90),
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
