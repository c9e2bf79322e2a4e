"""Who acts at a trigger: the acting side (subject, possessor, agent, the side named in the match, the object
of a repelled attack); the verb group's negation, modality and hedges are :mod:`geo.claims.modality`'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from geo.claims import vocab as V
from geo.claims.rules import Role, Rule
from geo.claims.scene import ENEMY, FORCE_NOUNS, OWN, QUOTES, Acting, Scene, Target
from geo.claims.sides import Actor, opposite
from geo.claims.tokens import ArticleDoc
from geo.models import Side


def acting_side(sc: Scene, rule: Rule, a: int, b: int,
                targets: Sequence[Target]) -> tuple[Acting | None, Role, str]:
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


#: the forces a possessive makes a side's own ("its troops", "our defenders")
_OWN_FORCES = FORCE_NOUNS - {"command", "personnel", "occupier", "invader", "enemy", "they", "we", "it"}


def _side_subject(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
    adoc = sc.adoc
    clause = adoc.clause[a]
    head = next((x for x in sc.actors if x.end - 1 == a and x.start <= a and x.side in ("RU", "UA")), None)
    if head is not None:  # "Russian forces control ...": the trigger opens on the subject's head
        return head.side, f"subject '{head.text}'"
    if adoc.lower(a - 1) == "the" and adoc.lower(a - 2) in _ADVERBIAL:
        return None, ""  # "Russian forces pushed on after the fall of X": the clause's subject did not lose X
    for i in range(a - 1, max(sc.span.start, a - 25) - 1, -1):
        word = adoc.lower(i)
        actor = next((x for x in sc.actors if x.end - 1 == i and not _object_of_repel(adoc, x)), None)
        if actor is not None and actor.side in ("RU", "UA") and (actor.can_take or not actor.military) \
                and not actor.event and adoc.clause[i] == clause:
            if _judges_a_taking(adoc, i + 1, a):  # "Kyiv denied the capture of X": not Kyiv's capture
                return opposite(actor.side), f"the other side of '{actor.text}', who judges the taking"
            return actor.side, f"subject '{actor.text}'"
        if adoc.clause[i] != clause:
            continue
        if word in OWN and adoc.lemma(i + 1) in _OWN_FORCES:
            return _antecedent(sc, i, f"'{adoc.text(i, i + 2)}'")
        if (word in ("it", "they", "we")
            and adoc.lower(i + 1) in V.AUX | V.ADVERB | {"had", "has", "have"} | {adoc.lower(a)}):
            return _antecedent(sc, i, f"'{word}'", agent=True)
        if word in ENEMY and not _enemy_as_object(adoc, i) \
                and not (adoc.lower(i + 1) in V.POSSESSIVE and adoc.lemma(i + 2) not in FORCE_NOUNS):
            # "the enemy's forces took X" acts; "broke through the enemy's defences" does not
            return "ENEMY", f"'{word}' = the other side of the speaker"
        if adoc.clause[i] != clause and adoc.lower(i) in (";", "—"):
            break
    military = [x for x in sc.actors
                if x.end <= a and x.military and x.side in ("RU", "UA") and not _object_of_repel(adoc, x)]
    return (military[-1].side, f"military subject '{military[-1].text}'") if military else (None, "")


#: verbs whose object "the enemy" is, not their subject ("destroyed the enemy ... and liberated X")
_DONE_TO_THE_ENEMY = V.REPEL | frozenset({"destroy", "defeat", "rout", "eliminate", "inflict", "hit",
                                          "strike", "engage", "encircle", "surround", "dislodge", "drive",
                                          "push", "route"})  # the lookup table's lemma of "routed"


def _enemy_as_object(adoc: ArticleDoc, i: int) -> bool:
    """Whether "the enemy" at ``i`` is an object ("continued to destroy the enemy and liberated X", "routed
    enemy formations", "inflicted losses on the enemy"), not the subject of the trigger after it."""
    k = i - 1 - (adoc.lower(i - 1) == "the")
    return adoc.lemma(k) in _DONE_TO_THE_ENEMY or adoc.lower(k) in ("on", "against", "at", "with")


def _judges_a_taking(adoc: ArticleDoc, after: int, a: int) -> bool:
    """Whether the taking a noun names at ``a`` is denied by the subject before it ("Kyiv denied the capture
    of X"): the taker is the other side. (Announcing it, the subject is the taker: "Moscow announced the
    capture of X"; confirming it, either may be: "Russia confirmed the capture of X".)"""
    return adoc.lemma(a) in V.CAPTURE_NOUN - {"loss", "surrender"} and any(
        adoc.lemma(k) in V.DENY for k in range(after, a))


def _object_of_repel(adoc: ArticleDoc, actor: Actor) -> bool:
    """"(had) halted Russian advances", "repelled several Ukrainian attacks", "fighting against Russian
    troops", "destroyed Russian troops near X and liberated Y": the actor is what was stopped, fought or
    destroyed, never the subject of a verb after it."""
    k = actor.start - 1
    while (adoc.lower(k) in V.DET or adoc.number(k)) and adoc.lemma(k) not in _DONE_TO_THE_ENEMY:
        k -= 1  # past "several", not past "destroyed" (the place phrases' adjectives are determiners too)
    # "completed the defeat of Ukrainian formations that invaded ... and liberated X"
    of_a_defeat = adoc.lower(k) == "of" and adoc.lemma(k - 1) in _DONE_TO_THE_ENEMY | _DEFEAT_NOUNS
    return adoc.lemma(k) in _DONE_TO_THE_ENEMY or adoc.lower(k) == "against" or of_a_defeat


#: nouns of what is done to a force ("the destruction of Ukrainian units")
_DEFEAT_NOUNS = frozenset({"destruction", "elimination", "encirclement", "annihilation", "rout", "defeat"})


def _locates(adoc: ArticleDoc, actor: Actor) -> bool:
    """"northern Ukraine's Chernihiv region": a country whose place follows only locates it."""
    return adoc.lower(actor.end) in ("'s", "’s") and actor.end + 1 in adoc.places


def _antecedent(sc: Scene, i: int, words: str, agent: bool = False) -> tuple[Acting | None, str]:
    """A pronoun's side ("its forces", "they"): the side named last before it in the sentence (for a pronoun
    that acts, one that can: not "Ukrainian lines"), else the speaker's."""
    before = [x for x in sc.actors
              if x.end <= i and x.side in ("RU", "UA") and (x.can_take or not agent) and not x.event
              and not _locates(sc.adoc, x)]
    if before:
        return before[-1].side, f"{words} = '{before[-1].text}'"
    return "SPEAKER", f"{words} = the speaker's"


def _after_word(words: tuple[str, ...], reach: int = 6):  # type: ignore[no-untyped-def]
    def find(sc: Scene, a: int, b: int, last: int) -> tuple[Acting | None, str]:
        adoc = sc.adoc
        for x in sc.actors:
            k = x.start - 1 - (adoc.lower(x.start - 1) == "the")  # the word after which the side stands
            if max(b, last) <= x.start <= max(b, last) + reach and adoc.lower(k) in words \
                    and x.side in ("RU", "UA") and adoc.lemma(k - 1) not in V.SPEECH_VERB:
                # not "the capture of X, a claim denied by Kyiv": the side of another verb
                return x.side, f"'{adoc.lower(x.start - 1)} {x.text}'"
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
        # "Russian troops now control ..., with X under their control"
        if sc.adoc.lower(i) in ("its", "their"):
            return _antecedent(sc, i, f"'{sc.adoc.lower(i)}' in the phrase")
        if sc.adoc.lower(i) == "our":
            return "SPEAKER", "'our' in the phrase = the speaker's"
    of = b + (sc.adoc.lower(b) in QUOTES)
    # "under the control of Russian forces", 'remains "under the control" of the army'
    if sc.adoc.lower(of) == "of":
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
