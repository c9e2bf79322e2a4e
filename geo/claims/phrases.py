"""Where a frame's places are, part two: after a preposition of place ("near X"), in a relative clause ("X,
which ..."), said of a place before ("X, where ..."), fronted, in apposition or "there"; and the finders by
slot name."""

from __future__ import annotations

from geo.claims import vocab as V
from geo.claims.places import named_by_noun, own_place, part_of
from geo.claims.rules import BY_ID, Rule
from geo.claims.scene import (
    AGENT,
    DESTINATION,
    FORCE_NOUNS,
    HARM,
    PP_SKIP,
    SETTLEMENT_NOUNS,
    SUBJECT_SKIP,
    Scene,
    Target,
)
from geo.claims.slots import (
    anaphor,
    list_start,
    locates_settlements,
    object_slot,
    past_unknown_name,
    place_list,
    subject_slot,
)
from geo.claims.tokens import ArticleDoc

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
        if rule.kind == "withdraw" and adoc.lower(k) in DESTINATION | {"from"}:
            destination = adoc.lower(k) != "from"
        if adoc.lower(k) == "there" and rule.kind in ("fight", "hold"):
            return anaphor(sc, k, k, "'there'")
        if _ends_pp_reach(sc, rule, k):
            break
        if adoc.lower(k) in V.LOCATOR_BEFORE:
            continue  # "towards X and near Y": X is no claim, Y may be
        # "advancing west of the Bakhmutka River, in the
        if (passed := _compass_phrase(adoc, k, sc.span.end)) > k:
            # areas of A and B": the locator takes no reach
            stop, k = min(sc.span.end, stop + passed - k), passed - 1
            continue
        if not _opens_its_place(adoc, rule, k):
            continue
        j = past_unknown_name(sc, _past_place_words(sc, k + 1, stop + 4))
        if j in sc.usable and adoc.places[j].place.feature == "region" and locates_settlements(adoc, b, j):
            continue  # "withdrew from three villages in the Donetsk region": the object says what was left
        found = place_list(sc, j, 1, f"after '{adoc.lower(k)}'") if j in sc.usable else \
            anaphor(sc, k + 1, j, f"after '{adoc.lower(k)}'")
        last = max((t.token for t in found), default=k)
        if found and rule.kind == "fight" and not regions \
                and all(t.resolved.place.feature == "region" for t in found) \
                and adoc.lower(last + 1 + (adoc.lower(last + 1) == ",")) in _NEAR:
            # "operations in the Zaporizhzhia region near X and Y": X and Y, not the region
            regions, k = found, last
        elif found and destination:
            # "to the left bank in Kherson region"
            regions = [t for t in found if t.resolved.place.feature == "region"]
            if regions:
                return regions
            k = last  # "to the left bank of the Dnipro in ...": on past the destination
        elif found:
            return found
    return regions


def _opens_its_place(adoc: ArticleDoc, rule: Rule, k: int) -> bool:
    """Whether ``k`` is a preposition of the rule that opens the trigger's place: not "toward", nor "by", nor
    "near" after a settlement noun ("advancing through the villages around X", "seizing settlements near X":
    X only says where they are)."""
    word = adoc.lower(k)
    return word in rule.preps and adoc.lower(k + 1) not in V.LOCATOR_BEFORE and word not in AGENT and not (
        word in _NEAR and adoc.lower(k - 1) in SETTLEMENT_NOUNS)


def _ends_pp_reach(sc: Scene, rule: Rule, k: int) -> bool:
    """Whether the search for a preposition's place stops at ``k``: at a place ("attacked X and hit a house
    near Y": Y is not where the attack was), and for fighting at harm done or at "from"."""
    return k in sc.usable or rule.kind == "fight" and (sc.adoc.lower(k) in HARM or sc.adoc.lower(k) == "from")


def _past_place_words(sc: Scene, j: int, stop: int) -> int:
    """The first token from ``j`` (before ``stop`` and the sentence's end) that is a usable place or no word
    of a place phrase ("the outskirts of", "the eastern part of")."""
    adoc = sc.adoc
    while j < min(stop, sc.span.end) and j not in sc.usable and (adoc.lower(j) in PP_SKIP | V.PREP_AT or
                                                                 part_of(adoc, j)):
        j += 1
    return named_by_noun(adoc, sc.usable, j, min(stop, sc.span.end))


def _compass_phrase(adoc: ArticleDoc, k: int, end: int) -> int:
    """Where a compass phrase that starts at ``k`` ends ("south of Siversk", "west of the Bakhmutka River"),
    or ``k`` if none starts there."""
    if not (adoc.lower(k).endswith(V.POINTS) and adoc.lower(k + 1) == "of") or part_of(adoc, k):
        return k
    name = j = k + 2 + (adoc.lower(k + 2) == "the")
    while j < min(end, k + 7) and adoc.title(j):
        j += 1
    return j if j > name else k


def _relative(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"X, which Kyiv says remains under Ukrainian control", "X, one of the few villages that were still held
    by Ukraine", "X is the last city that Ukraine still controls": the place the relative clause is about."""
    adoc = sc.adoc
    c = _relativizer(sc, a)
    if c is None:
        return []
    if "object" in rule.places and not (any(c < x.start and x.end <= a for x in sc.actors) or any(
            adoc.lower(k) in ("it", "they", "we") for k in range(c, a))):
        return []  # "X, which Ukrainian troops seized": the relative clause needs its own subject
    if adoc.lower(c) == "where" and ("subject" in rule.places or rule.kind == "withdraw" or (
            "object" in rule.places and rule.kind != "hold"
            and not (rule.kind == "capture" and adoc.lower(b) in _NO_OBJECT))):
        # "X, where the festival had been held", "X, where Russian troops left mines", "X, where Russia
        # claimed advances": the place is where it happened, not what was held, left, taken or advanced on
        # (but "X, where Ukrainian forces are still holding out": they hold it; "X, where Russian forces took
        # full control on Saturday": they took it)
        return []
    head, via = _relative_head(sc, c)
    return ([Target(adoc.places[head], head, f"relative: '{adoc.lower(c)}' -> {via}")] if head is not None
            else [])


_RELATIVIZERS = frozenset({"which", "that", "where", "who"})
#: words after a verb of taking that show it has no object of its own
_NO_OBJECT = frozenset({",", ".", ";", ":", "on", "in", "last", "this", "after", "since", "earlier",
                        "overnight", "and", "at", "by", "late", "early"})
#: prepositions that go before "which" ("X, from which ...")
_PIED = frozenset({"from", "for", "around", "in", "inside", "near", "over", "out"})
#: words of the noun phrase a relative clause hangs on: "one of the few villages in the region", "the last
#: major city"
_RELATIVE_NP = V.DET | V.PLACE_NOUN | SETTLEMENT_NOUNS | V.COMPASS | frozenset(
    {"one", "of", "few", "last", "only", "major", "biggest", "largest", "remaining", "in", "the", "people's",
     "republic", "'s", "’s", "two", "three", "and", "close", "to", "near", "outside", "next"})
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
    another: "west of Avdiivka, which Russian forces seized"), or the one the noun phrase before it is said of
    ("X, one of the few villages that", "X is the last major city that", "X, another village close to Y
    that")."""
    adoc = sc.adoc
    if adoc.lower(c) == "which":
        # "X, from which Ukrainian troops withdrew", "X, for which battles are raging", "X, out of which ..."
        k = c - 1 - (adoc.lower(c - 1) == "of" and adoc.lower(c - 2) == "out")
        c = k if adoc.lower(k) in _PIED and adoc.lower(k - 1) == "," else c
    # "the last city in the Luhansk region that ...": the city's clause
    restrictive = adoc.lower(c - 1) != ","
    k = c - 1 - (not restrictive)
    first = list_start(adoc, k)  # "a village near Verbove and Tokmak that ..."
    if restrictive and k in sc.usable and (adoc.lower(first - 1) in _NEAR or adoc.lower(first - 1) == "to" and
                                           adoc.lower(first - 2) in _NEAR):
        # "another village close to Bakhmut that ...": the village's clause
        head, via = _said_of(sc, first - 1)
        if head is not None:
            return head, via
    before = k in sc.usable \
        or not restrictive and k in adoc.places and adoc.places[k].place.feature == "settlement" \
        and not any(x.start <= k < x.end for x in sc.actors)
    if before and not (restrictive and _region_in(adoc, k)):
        return k, "the place before it"
    return _said_of(sc, k)


def _said_of(sc: Scene, k: int) -> tuple[int | None, str]:
    """The place the noun phrase ending at ``k`` is said of, by a comma ("X, a small village near Y") or a
    copula ("X is the last major city")."""
    adoc, start = sc.adoc, k
    while k > sc.span.start and (k not in sc.usable or _region_in(adoc, k)) and start - k < 14 and (
            adoc.lower(k) in _RELATIVE_NP or k in adoc.places or adoc.title(k)):
        k -= 1
    if k == start or adoc.lower(k) not in _COPULA | {","}:
        return None, ""
    phrase, k = adoc.text(k + 1, start + 1), own_place(adoc, k - 1)
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
    while j < a and adoc.lower(j) in PP_SKIP:
        j += 1
    j = named_by_noun(adoc, sc.usable, j, sc.span.end)
    return place_list(sc, j, 1, "opening phrase") if j in sc.usable and j < a else []


def _apposition(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"Avdiivka, a town Russia took in February", "Tokmak, a rail hub under Russian occupation": the place an
    apposition describes (even one that locates something else in the main clause)."""
    adoc = sc.adoc
    for k in range(a - 1, max(sc.span.start, a - 9), -1):
        if (adoc.lower(k) == "," and adoc.lower(k + 1) in ("a", "an", "the", "now", "still", "another")
            and own_place(adoc, k - 1) in adoc.places):
            place = own_place(adoc, k - 1)
            return [Target(adoc.places[place], place, "apposition: ', a ...' after the place")]
        if adoc.lower(k) in (",", ";") or adoc.lemma(k) in V.SAY:
            return []
    return []


def _there(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"Ukrainian units were still there": the place named last."""
    return anaphor(sc, b - 1, b - 1, "'there'") if sc.adoc.lower(b - 1) in ("there", "it") else []


def _inside(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """A place the trigger's own words name after one of the rule's prepositions ("the situation in X remains
    unclear", "the situation near the town of X was tense", "the situation there is difficult")."""
    adoc = sc.adoc
    for k in range(a, b):
        if adoc.lower(k) == "there" and "there" in rule.preps:
            return anaphor(sc, k, k, "'there'")
        if adoc.lower(k) not in rule.preps:
            continue
        j = k + 1
        while j < b and j not in sc.usable and adoc.lower(j) in PP_SKIP:
            j += 1
        j = named_by_noun(adoc, sc.usable, j, sc.span.end)
        if j < b and j in sc.usable:
            return place_list(sc, j, 1, f"after '{adoc.lower(k)}'")
    return []


#: what fighting that only goes on is said to do ("the fighting goes on", "fighting was still going on")
_GOES_ON = frozenset({"continue", "go", "rage", "ongoing", "persist"})


def _disputed(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"Moscow claims to have taken X, which Kyiv denies, saying the fighting goes on": fighting that a voice
    says only goes on, with no place in its own clause, is fighting for the place a capture reported earlier
    in the sentence takes (not one planned: "hopes to take X, while the fighting goes on")."""
    adoc, k = sc.adoc, b
    while k < sc.span.end and adoc.lower(k) in V.AUX | V.ADVERB:
        k += 1
    if adoc.lemma(k) not in _GOES_ON or (adoc.lemma(k) == "go" and adoc.lower(k + 1) != "on") or any(
            t > a and adoc.clause[t] == adoc.clause[a] for t in sc.usable) or _said_at(adoc, a) == a:
        return []
    taken = next((t for t in range(a - 1, sc.span.start - 1, -1) if adoc.lemma(t) in V.CAPTURE), None)
    if taken is None or any(adoc.lower(m) in V.MODAL or adoc.lower(m) == "to" and adoc.lower(m + 1) != "have"
                            for m in range(taken - 3, taken)) or not any(
            adoc.lemma(m) in _REPORTED for m in range(sc.span.start, _said_at(adoc, a))):
        return []  # a capture planned, or told as fact ("who took X last year, say the fighting goes on")
    # what that verb takes, as the capture rule reads its object ("took part in talks in X" takes no place)
    objects = object_slot(sc, BY_ID["capture.verb"], taken, taken + 1)
    # a reference back, as "it" is: the place stays the capture's too
    return [Target(t.resolved, t.token, f"'{adoc.lower(k)}' -> the place taken before it")
            for t in objects[:1] if t.token < a]


#: words that report a capture as someone's word, not as fact: what the fighting going on answers
_REPORTED = V.SPEECH_VERB | V.SPEECH_NOUN


def _said_at(adoc: ArticleDoc, a: int) -> int:
    """Where the verb of saying that opens the phrase at ``a`` is ("saying the fighting", "said that
    fighting"), or ``a`` if none does."""
    k = a - 1
    while adoc.lower(k) in ("the", "that"):
        k -= 1
    return k if adoc.lemma(k) in V.SAY else a


#: nouns after a place that name the ground around it ("the Lyman area", "the Pokrovsk direction")
_AREA = frozenset({"area", "areas", "direction", "sector", "axis"})
#: words between a force's place and a trigger it is the subject of: "risked (operational) encirclement",
#: "were threatened with encirclement"
_EXPOSED = frozenset({"risk", "face", "threaten", "with", "operational", "tactical", "possible", "full",
                      "complete", "a", "an"})
#: what may follow a trigger that takes no object: the clause ends, or a phrase of place or time opens
_NO_OBJECT = frozenset({"", ",", ".", ";", ":", "and", "but", "after", "as", "amid", "under", "towards",
                        "toward", "across", "over", "on", "in", "at", "from", "into", "behind", "because",
                        "without", "overnight", "last", "this", "earlier", "yesterday", "today", "\"", "”",
                        "'", "’", "(", "—", "–"})
#: what "to" may open after such a trigger: where the force went ("retreated to new positions"), not why
#: ("retreated to rest")
_TO_WHERE = V.DET | frozenset({"new", "more", "positions", "defensive", "prepared", "safer"})
#: who may be a force in a place besides the force nouns ("the Russians in the Lyman area")
_FORCES = (FORCE_NOUNS - {"they", "we", "it", "command", "military"}) | {"russians", "ukrainians"}
#: words a force's phrase may open with ("the Russian marine units"), and what may come before it for it to
#: be a clause's subject: the clause opens there ("said (that) the troops in X retreated")
_FORCE_WORDS = (V.DET - {"that"}) | frozenset(V.SIDE_WORD) | {"'s", "’s", "armed", "regular", "special",
                                                              "assault", "marine", "elite", "last",
                                                              "remaining", "sabotage", "army", "national",
                                                              "guard", "territorial", "defence", "defense"}
_OPENS = frozenset({"", ".", "!", "?", ",", ";", ":", "that", "and", "but", "while", "when", "after", "as",
                    "since", "because", "though", "although", "\"", "“", "”"})
#: what leaving, told without its object, too often is not a retreat ("soldiers in Kyiv left on trains")
_DEPART = frozenset({"leave", "quit", "vacate", "abandon"})


def _takes_no_object(sc: Scene, a: int, b: int) -> bool:
    """Whether a trigger stands without an object ("had retreated", "retreated across the river", "risked
    encirclement"), not "left the hospital", "left for the front" or "retreated to rest"."""
    adoc, after = sc.adoc, sc.adoc.lower(b)
    if adoc.lemma(a) in _DEPART:
        return False
    if after == "to":
        return adoc.lower(b + 1) in _TO_WHERE
    return after in _NO_OBJECT or after in V.ADVERB


def _subject_force(adoc: ArticleDoc, k: int) -> str | None:
    """The force noun at ``k`` if its phrase is the subject of a clause ("said the Russian troops in X", not
    "let the troops in X retreat")."""
    if adoc.lower(k) in ("ukraine", "russia") and adoc.lower(k - 1) == "of":
        k -= 2  # "the Armed Forces of Ukraine"
    force = adoc.lower(k)
    if force not in _FORCES and adoc.lemma(k) not in _FORCES:
        return None
    k -= 1
    while k >= 0 and (adoc.lower(k) in _FORCE_WORDS or adoc.number(k)):  # "Ukraine's 93rd brigade"
        k -= 1
    return force if adoc.lower(k) in _OPENS or adoc.lemma(k) in V.SPEECH_VERB else None


def _force_at(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """"The Russians in the Lyman area had been surrounded", "Ukrainian forces near X risked encirclement",
    "the Russian troops in X had retreated": the place where the force the trigger is said of stands, named
    right after the force as the trigger's subject."""
    adoc, j = sc.adoc, a - 1
    if not _takes_no_object(sc, a, b):
        return []
    while j > sc.span.start and j not in sc.usable and (adoc.lower(j) in SUBJECT_SKIP
                                                         or adoc.lemma(j) in _EXPOSED):
        j -= 1
    j -= adoc.lower(j) in _AREA
    if j not in sc.usable:
        return []
    k = list_start(adoc, j) - 1
    k -= adoc.lower(k) == "the"
    force = _subject_force(adoc, k - 1) if adoc.lower(k) in ("in", "near", "around", "inside", "on", "at") \
        else None
    return [] if force is None else place_list(sc, j, -1, f"where the {force} it is said of are")


PLACE_FINDERS = {"object": object_slot, "subject": subject_slot, "pp": _pp, "relative": _relative,
                 "fronted": _fronted, "apposition": _apposition, "there": _there, "inside": _inside,
                 "disputed": _disputed, "force_at": _force_at}
