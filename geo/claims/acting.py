"""Who acts at a trigger and how: the acting side (subject, possessor, agent, the side named in the match, the
object of a repelled attack) and the verb group's negation, modality and hedges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from geo.claims import vocab as V
from geo.claims.rules import Role, Rule
from geo.claims.scene import ENEMY, FORCE_NOUNS, OBJECT_SKIP, OWN, QUOTES, Acting, Scene, Target
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
    """Whether the taking a noun names at ``a`` is denied or confirmed by the subject before it ("Kyiv denied
    the capture of X", "Ukraine confirmed the fall of X"): the taker is the other side. (Announcing or
    claiming it, the subject is the taker: "Moscow announced the capture of X".)"""
    return adoc.lemma(a) in V.CAPTURE_NOUN - {"loss", "surrender"} and any(
        adoc.lemma(k) in V.DENY | V.CONFIRM for k in range(after, a))


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


def verb_group(sc: Scene, rule: Rule, a: int, b: int) -> tuple[bool, str, bool]:
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
            # "appear to have taken", "are said to have left": reported, not vouched for
            hedged = hedged or adoc.lemma(i - 1) in ("appear", "seem") or (
                adoc.lower(i - 1) in _HEARSAY and adoc.lower(i - 2) in V.AUX)
            if modality == "plan" and rule.kind == "withdraw" and adoc.lemma(i - 1) in ("decide", "decision"):
                # "announced his decision to pull troops out of X": the withdrawal is announced
                modality = "fact"
            break
        elif word in V.HEDGE:
            hedged = True
        elif word in ("and", "or") and _coordinated_plan(adoc, i, sc.span.start):
            modality = "plan"
            break
        elif word not in V.AUX | V.ADVERB | {"been", "being", "be", "also", "had", "has", "have", "it",
                                             "they", "longer", "yet"}:  # "no longer hold", "not yet left"
            break
        i -= 1
    negated = negated or _no_subject(sc, a)
    hedged = hedged or any(adoc.lower(k) in V.HEDGE for k in range(max(sc.span.start, a - 12), b)
                           if adoc.clause[k] == adoc.clause[a])
    return negated, _clause_modality(sc, rule, a, b) or modality, hedged


#: what follows "No" when it is no determiner of the subject ("No sooner had ...", "No doubt ...")
_NOT_A_SUBJECT = frozenset({"sooner", "longer", "doubt", "matter", "one", "wonder", "more", ","})
#: words that show the subject "No ..." has ended before the trigger ("No civilians remained when ...")
_SUBJECT_ENDS = frozenset({",", ";", ":", "when", "that", "as", "while", "than", "and", "but", "because",
                           "after", "before", "since", "this"})


def _no_subject(sc: Scene, a: int) -> bool:
    """Whether the trigger's subject is "No ..."/"None of ..." ("No Ukrainian units have left X", "None of the
    villages were taken"): the sentence opens on it, near the trigger, with no clause between."""
    adoc = sc.adoc
    k = sc.span.start + (adoc.lower(sc.span.start) in QUOTES)
    return adoc.lower(k) in ("no", "none") and adoc.lower(k + 1) not in _NOT_A_SUBJECT and a - k <= 8 \
        and _SUBJECT_ENDS.isdisjoint(adoc.words.lower[k + 1 : a])


def _clause_modality(sc: Scene, rule: Rule, a: int, b: int) -> str:
    """The modality a trigger's clause gives it beyond its verb group, if any: an attempt ("on the verge of
    capturing X"), or a plan (a gerund subject of a modal, a wish, a condition)."""
    adoc = sc.adoc
    if adoc.lower(a).endswith("ing") and rule.kind != "fight" \
            and (a == sc.span.start or adoc.lower(a - 1) in (",", ";", "that", "by")) \
            and (any(adoc.lower(k) in V.MODAL for k in range(b, min(sc.span.end, b + 12))
                     if adoc.clause[k] == adoc.clause[a]) or _gerund_subject(sc, a, b)):
        return "plan"  # "Capturing Tokmak would mark a milestone": a gerund subject of a modal is no report
    if _modal_after(sc, a, b):
        return "plan"  # "deeper Russian advances there could hurt Kyiv": a subject of what could be
    if _wished(sc, a, b) or _conditional(adoc, sc.span.start, sc.span.end, a) \
            or _asked(adoc, sc.span.start, sc.span.end, a):
        return "plan"  # "demanded that Ukraine withdraw from X", "If Russia captures X", "whether X fell"
    if a - 2 >= sc.span.start and adoc.lower(a - 2) in ("verge", "brink", "close") \
            and adoc.lower(a - 1) in ("of", "to"):
        return "attempt"  # "on the verge of capturing X", "close to taking X": fought for, not yet taken
    return ""


#: verbs whose "that" clause is wished, not told ("demanded that Ukraine withdraw from X")
_WISHING = frozenset({"demand", "require", "urge", "ask", "propose", "want"})
#: words before "the capture of X" that make it feared or fought off, not reported ("Preventing the capture
#: of X", "fears of the fall of X")
_FEARED = frozenset({"prevent", "avoid", "fear", "risk", "threat", "stop", "halt", "avert", "thwart"})
#: what "the capture of X is/remains" may be when it is a goal ("remains Russia's main goal")
_GOALS = frozenset({"goal", "aim", "objective", "priority", "target", "task", "ambition"})


def _wished(sc: Scene, a: int, b: int) -> bool:
    """Whether a trigger is wished or feared, not reported: a bare verb in a "that" clause of demanding, or a
    noun of taking ("the capture of") that a fear governs or that is said to be a goal."""
    adoc = sc.adoc
    noun = adoc.lemma(a) in V.CAPTURE_NOUN and adoc.lower(b - 1) == "of"
    if not noun and adoc.lemma(a) == adoc.lower(a) and any(
            adoc.lower(k) == "that" and adoc.lemma(k - 1) in _WISHING
            for k in range(max(sc.span.start, a - 5), a)):
        return True
    if not noun:
        return False
    if any(adoc.lemma(k) in _FEARED for k in range(max(sc.span.start, a - 3), a)):
        return True
    copula = next((k for k in range(b, min(sc.span.end, b + 8)) if adoc.lower(k) in ("is", "remains", "was")),
                  None)  # "the capture of X and Y remains Russia's main goal"
    return copula is not None and any(adoc.lemma(k) in _GOALS for k in range(copula + 1, copula + 5))


#: participles of a report whose source is not named: "troops are said to have left X"
_HEARSAY = frozenset({"said", "believed", "reported", "thought", "understood", "alleged", "rumoured",
                      "rumored"})
#: words opening a clause that states a condition, not a fact
_CONDITIONAL = frozenset({"if", "unless"})
#: what makes "if" no condition on the event: "even if", "if anything", "as if", "if not"
_NOT_A_CONDITION = frozenset({"even", "as", "anything", "not"})
#: the modals of a main clause that make a past verb in an "if" clause a supposition ("If Russia took X, it
#: would ..."), not a report told as conceded ("If Russian troops took X, they did so at a terrible cost")
_SUPPOSING = frozenset({"would", "could", "might"})


def _conditional(adoc: ArticleDoc, start: int, end: int, a: int) -> bool:
    """Whether the trigger at ``a`` states a condition: "if" or "unless" before it, no comma between ("If
    Russia captures X, it could ..."; not "If confirmed, Russian forces have captured X"), and a past verb
    only when the sentence goes on to suppose ("If Russia took X, it would ...")."""
    for k in range(a - 1, max(start, a - 10) - 1, -1):
        if adoc.lower(k) in (",", ";", ":"):
            return False
        if adoc.lower(k) in _CONDITIONAL:
            if adoc.lower(k - 1) in _NOT_A_CONDITION or adoc.lower(k + 1) in _NOT_A_CONDITION:
                return False
            word = adoc.lower(a)
            past = word.endswith("ed") or (adoc.lemma(a) != word and not word.endswith("s"))
            return not past or not _SUPPOSING.isdisjoint(adoc.words.lower[a:end])
    return False


def _modal_after(sc: Scene, a: int, b: int) -> bool:
    """Whether a trigger is the subject of a modal right after it, past its place, "there" and adverbs
    ("Russian advances there could hurt Kyiv", "a possible capture of X might not give ..."); not one said to
    have happened ("the claimed fall of Toretsk would extend ...", x002) nor "in May"."""
    adoc = sc.adoc
    if adoc.lower(a - 1) in _TOLD_TO_HAVE_BEEN:
        return False
    for k in range(b, min(sc.span.end, b + 5)):
        if adoc.lower(k) in _MODALS_OF_WHAT_MAY_BE and not adoc.title(k):
            return True
        if not (k in adoc.places or adoc.lower(k) in V.ADVERB | {"there", "soon"}):
            return False
    return False


#: modals whose subject is what may be, not what is
_MODALS_OF_WHAT_MAY_BE = frozenset({"could", "would", "might", "may", "will"})
#: words before a noun of taking that say it happened ("the claimed fall of X would ...")
_TOLD_TO_HAVE_BEEN = frozenset({"claimed", "reported", "announced", "alleged", "apparent", "recent",
                                "confirmed", "purported"})


def _asked(adoc: ArticleDoc, start: int, end: int, a: int) -> bool:
    """Whether the trigger at ``a`` is in a "whether" clause ("did not say whether X remained under Ukrainian
    control", "it is unclear whether Russian troops took X"): asked, not told; not when the clause weighs two
    states of it ("whether the withdrawal from X has taken place or is still under way", x007)."""
    for k in range(a - 1, max(start, a - 12) - 1, -1):
        if adoc.lower(k) in (",", ";", ":"):
            return False
        if adoc.lower(k) == "whether":
            return adoc.lower(k + 1) == "or" or all(
                adoc.lower(j) != "or" for j in range(a + 1, end) if adoc.clause[j] == adoc.clause[a])
    return False


#: present verbs whose subject may be a gerund: "taking X opens the way to Y", "seizing X is Moscow's main
#: aim" (word forms, not lemmas: "was", "opened" report what taking it did)
_GENERIC_VERBS = frozenset({"is", "are", "remains", "opens", "means", "gives", "allows", "paves", "puts",
                            "makes"})
#: how far after a gerund its verb may come, past its object and an aside
GERUND_REACH = 25


def _gerund_subject(sc: Scene, a: int, b: int) -> bool:
    """Whether the gerund at ``a`` is the subject of a present verb after its object and asides ("According to
    the commanders, taking Siversk, a town of 10,000 people, opens the way to Slovyansk"), not a participle
    with a subject of its own ("Capturing X, Russian forces are now pushing on")."""
    adoc = sc.adoc
    for k in range(b, min(sc.span.end, b + GERUND_REACH)):
        if adoc.lower(k - 1) == "," and any(x.start == k for x in sc.actors):
            return False
        if adoc.lower(k) in _GENERIC_VERBS:  # right after the object, or after an aside closed by a comma
            return adoc.lower(k - 1) == "," or all(
                j in adoc.places or adoc.lower(j) in OBJECT_SKIP for j in range(b, k))
    return False


#: verbs of trying (or failing to): what follows them is an attempt
_TRYING = V.ATTEMPT | {"fail"}
_FACT_BEFORE_TO = frozenset({"manage", "succeed", "begin", "start", "continue", "claim", "say", "report",
                             "appear", "seem", "go", "happen", "prove", "turn", "come", "get", "able",
                             "enough"})


def _infinitive(adoc: ArticleDoc, to: int) -> str:
    """What "to" before a trigger makes of it: an attempt ("trying to take"), a fact ("managed to take",
    "claims to have taken"), else a plan or a purpose ("aims to take", "in order to take", "the chance to
    take")."""
    if (adoc.lemma(_verb_before_to(adoc, to - 1)) in _TRYING
        or adoc.lower(to - 1) in ("attempts", "attempt", "efforts", "bid")):
        return "attempt"
    before = adoc.lemma(to - 1)
    if before == "unable" or (before in ("manage", "succeed", "able") and not V.NEGATION.isdisjoint(
            adoc.words.lower[max(0, to - 4) : to - 1])):
        return "attempt"  # "has not managed to take X", "never succeeded in", "were unable to": fought for
    if any(adoc.lemma(k) in ("order", "authorize", "authorise")
           or adoc.lower(k) in ("forced", "compelled", "obliged") for k in range(to - 3, to)):
        return "fact"  # "ordered its troops to withdraw", "forced the army to fall back": how it is reported
    if (adoc.lower(to + 1) == "have" or before in _FACT_BEFORE_TO
        or adoc.lower(to - 1) in ("and", "had")):
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
