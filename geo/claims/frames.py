"""From rule matches to frames: for each trigger, its places, its acting side and what that side did, and how
negation, an attempt, a plan or a hedge change it. Frames are what :mod:`geo.claims.decide` turns into claims.

Every slot finder reads only the tokens of its trigger's sentence, and sentences are bounded (a longer one is
read in pieces cut at clauses, see :func:`geo.places.sentences.split_sentences`), so an article costs time
linear in its length.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from geo.claims.acting import acting_side
from geo.claims.match import Matcher
from geo.claims.modality import verb_group
from geo.claims.phrases import PLACE_FINDERS
from geo.claims.rules import BY_ID, RULES, Role, Rule
from geo.claims.scene import FORCE_NOUNS, OWN, SUBJECT_SKIP, Acting, Scene, Target
from geo.claims.senses import freed_of_things, not_meant_here


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
    """The frames of a sentence, overlaps settled: the higher priority (a veto's is highest), then the longer
    span, then the id holds its words; a trigger that finds no place frees them for the next ("in control of
    X": the frame of "in control of" once "in control" found nothing)."""
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


def frame_of(sc: Scene, rule: Rule, a: int, b: int) -> Frame | Blocked:
    """The frame of one trigger, or why it makes none."""
    not_meant = not_meant_here(sc, rule, a, b)
    if not_meant:
        return Blocked(rule.id, sc.adoc.text(a, b), not_meant)
    if "occupier" in rule.defaults and "by" in sc.adoc.words.lower[a : b + 1]:
        # "occupied by refugees": the holder is the one named, and if that is no side, there is none
        rule = replace(rule, defaults=tuple(d for d in rule.defaults if d != "occupier"))
    targets = _targets(sc, rule, a, b)
    if not targets:
        return Blocked(rule.id, sc.adoc.text(a, b), NO_PLACE)
    freed_of = freed_of_things(sc, rule, a, b, targets)
    if freed_of:
        return Blocked(rule.id, sc.adoc.text(a, b), freed_of)
    side, role, via = acting_side(sc, rule, a, b, targets)
    if rule.needs_actor and not _names_a_force(sc, a, side):
        return Blocked(rule.id, sc.adoc.text(a, b), f"needs a named force as its subject ({via or 'none'})")
    if rule.kind == "withdraw" and side is None and not _force_before(sc, a) \
            and not _bare_withdrawal(sc, rule, a, b):
        return Blocked(rule.id, sc.adoc.text(a, b), "no force leaves (a convoy, residents)")
    negated, modality, hedged = verb_group(sc, rule, a, b)
    # "Neither Robotyne nor Verbove has fallen": the places are the negation's
    negated = negated or any(sc.adoc.lower(t.token - 1) in ("neither", "nor") for t in targets)
    if modality in ("plan", "neither side") or (modality == "attempt" and rule.attempt == "block"
                                                and rule.kind != "fight"):
        return Blocked(rule.id, sc.adoc.text(a, b),
                       f"{modality}: '{sc.adoc.text(max(sc.span.start, a - 3), a)}'")
    if modality == "attempt":  # "failed to capture X", "tried in vain to take X": X was fought for, not taken
        rule = replace(rule, kind="fight")
    return Frame(rule, sc.span.sentence.index, (a, b), sc.adoc.text(a, b), tuple(targets), side, role, via,
                 negated, modality, hedged)


def _names_a_force(sc: Scene, a: int, side: Acting | None) -> bool:
    """Whether the side acting at a trigger is a force named before it: "the enemy", a fighting actor of that
    side ("Russian forces are operating"), a side's own troops ("its units are operating") or the troops of a
    side ("the troops of Russian President Putin"); not a country, a pronoun or a default."""
    adoc, clause = sc.adoc, sc.adoc.clause[a]
    return side == "ENEMY" or any(x.end <= a and x.side == side and (
        x.military or adoc.lemma(x.start - 2) in FORCE_NOUNS and adoc.lower(x.start - 1) == "of")
        for x in sc.actors) \
        or any(adoc.lower(k) in OWN and adoc.lemma(k + 1) in FORCE_NOUNS and adoc.clause[k] == clause
               for k in range(sc.span.start, a))


def _bare_withdrawal(sc: Scene, rule: Rule, a: int, b: int) -> bool:
    """"The command allowed a withdrawal from X": a withdrawal noun no owner or "of <who>" gives to anyone
    ("its withdrawal", "the withdrawal from X of all children" are anyone's)."""
    adoc = sc.adoc
    return rule.id == "withdraw.noun" and adoc.lower(a - 1) in ("a", "the") and adoc.lower(b + 1) != "of"


def _force_before(sc: Scene, a: int) -> bool:
    """Whether the subject a withdrawal verb has (the word before it, past auxiliaries and adverbs) is a
    force."""
    adoc, j = sc.adoc, a - 1
    while j > sc.span.start and adoc.lower(j) in _BEFORE_THE_VERB:
        j -= 1
    return adoc.lemma(j) in FORCE_NOUNS or adoc.lower(j) in FORCE_NOUNS or j in sc.usable


#: verbs that pass their subject on to the infinitive after them ("the army had to fall back", "units were
#: forced to withdraw")
_CATENATIVE = frozenset({"to", "forced", "ordered", "compelled", "obliged", "able", "began", "started",
                         "decided", "managed"})
_BEFORE_THE_VERB = SUBJECT_SKIP | _CATENATIVE


def _targets(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    for slot in rule.places:
        if slot == "pp" and sc.adoc.lower(a) == ",":
            continue  # "tanks, captured by Ukrainian forces in X,": a participle after a noun is said of it
        found = PLACE_FINDERS[slot](sc, rule, a, b)
        if found:
            return found
    return []
