"""How a trigger is told: its verb group's negation ("has not managed to take X"), modality (a fact, an
attempt: "trying to take X", or a plan: "aims to take X", "if Russia captures X", "whether X fell", "X's
capture could open the way") and hedges ("appear to have taken X")."""

from __future__ import annotations

from geo.claims import vocab as V
from geo.claims.rules import Rule
from geo.claims.scene import OBJECT_SKIP, QUOTES, Scene
from geo.claims.tokens import ArticleDoc


def verb_group(sc: Scene, rule: Rule, a: int, b: int) -> tuple[bool, str, bool]:
    """Negation, modality (fact, attempt, plan, or "neither side": no side does it) and hedging of a trigger,
    from its verb group and clause."""
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
    if _neither_side(sc, a):
        modality = "neither side"
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


#: what "neither" or "no" makes no subject of ("neither side controls X")
_SIDES = frozenset({"side", "army", "party", "force", "one"})


def _neither_side(sc: Scene, a: int) -> bool:
    """Whether the trigger's subject is "neither side", "no side" or "neither A nor B" ("... that neither side
    had full control of it", "Neither Russia nor Ukraine controls X"): no side does it, which says nothing of
    who does."""
    adoc, j = sc.adoc, a - 1
    while j > sc.span.start and adoc.lower(j) in V.AUX | V.ADVERB:
        j -= 1
    if j > sc.span.start and adoc.lower(j - 1) in ("neither", "no") and adoc.lower(j) in _SIDES:
        return True
    before = adoc.words.lower[max(sc.span.start, a - 8) : a]
    if "neither" not in before or "nor" not in before[before.index("neither"):]:
        return False
    k = max(sc.span.start, a - 8) + before.index("neither")  # "neither Russia nor Ukraine", not places
    return adoc.clause[k] == adoc.clause[a] and k + 1 not in adoc.places


def _clause_modality(sc: Scene, rule: Rule, a: int, b: int) -> str:
    """The modality a trigger's clause gives it beyond its verb group, if any: an attempt ("on the verge of
    capturing X"), or a plan (a gerund subject or "by"-means of a modal, a noun subject of a modal, a wish, a
    condition, a "whether" or "who controls" question)."""
    adoc = sc.adoc
    if adoc.lower(a).endswith("ing") and rule.kind != "fight" \
            and (a == sc.span.start or adoc.lower(a - 1) in (",", ";", "that", "by")) \
            and (_modal_of_its_clause(adoc, a, b, sc.span.end) or _gerund_subject(sc, a, b)):
        # "Capturing Tokmak would mark a milestone", "by capturing X the Russians could ...": a gerund subject
        # or means of a modal is no report
        return "plan"
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
    if _CONDITIONAL.isdisjoint(adoc.words.lower[max(start, a - 10) : a]):
        return False
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


#: modals whose subject is what may be, not what is ("will" mostly tells what a thing done will bring)
_MODALS_OF_WHAT_MAY_BE = frozenset({"could", "would", "might", "may"})
#: words that open a noun phrase of taking or advancing that may be ("a possible capture", "deeper Russian
#: advances", "whose capture"); not one said to have happened ("the claimed fall of Toretsk would ...", x002)
_MAY_BE_OPENERS = frozenset({"a", "an", "any", "possible", "potential", "eventual", "further", "deeper",
                             "new", "whose", "russian", "ukrainian"})


def _modal_of_its_clause(adoc: ArticleDoc, a: int, b: int, end: int) -> bool:
    """Whether a modal (not "would have") follows the gerund at ``a`` in its clause, before a verb joined by
    "and" ("opened the offensive by capturing X and will now push on" tells the capture)."""
    for k in range(b, min(end, b + 12)):
        if adoc.clause[k] != adoc.clause[a] or adoc.lower(k) == "and":
            return False
        if adoc.lower(k) in V.MODAL:
            return adoc.lower(k + 1) != "have"
    return False


def _modal_after(sc: Scene, a: int, b: int) -> bool:
    """Whether a noun of taking or advancing is the subject of a modal right after it, past its place, "there"
    and adverbs ("Russian advances there could hurt Kyiv", "a possible capture of X might not give ...", "a
    town whose capture could open the way"); not a verb ("the units that captured X will push on"), not
    "would have" (what was), not "in May"."""
    adoc = sc.adoc
    if adoc.lower(a - 1) not in _MAY_BE_OPENERS or adoc.lower(a).endswith(("ed", "ing")):
        return False
    for k in range(b, min(sc.span.end, b + 5)):
        if adoc.lower(k) in _MODALS_OF_WHAT_MAY_BE and not adoc.title(k):
            return adoc.lower(k + 1) != "have" and adoc.lower(k + 2) != "have"
        if not (k in adoc.places or adoc.lower(k) in V.ADVERB | {"there", "soon"}):
            return False
    return False


#: words before "who" or "which" that make it ask ("of who controls X", "unclear which side holds X")
_ASKING_WORDS = frozenset({"of", "about", "over", "on", "unclear", "clear", "know", "known", "say", "said",
                           "confirm", "confirmed", "determine", "establish", "as", "to"})


#: the words a question opens with
_QUESTION_WORDS = frozenset({"who", "which", "whether"})


def _asked(adoc: ArticleDoc, start: int, end: int, a: int) -> bool:
    """Whether the trigger at ``a`` is in a question: a "whether" clause ("did not say whether X remained
    under Ukrainian control"; not one weighing two states of it: "whether the withdrawal from X has taken
    place or is still under way", x007) or "who"/"which side" after a word that asks ("no confirmation of who
    controls X")."""
    if _QUESTION_WORDS.isdisjoint(adoc.words.lower[max(start, a - 12) : a]):
        return False
    for k in range(a - 1, max(start, a - 12) - 1, -1):
        if adoc.lower(k) in (",", ";", ":"):
            return False
        if (adoc.lower(k) == "who" or (adoc.lower(k) == "which" and adoc.lower(k + 1) in _SIDES)) \
                and adoc.lower(k - 1) in _ASKING_WORDS:
            return True  # "no confirmation of who actually controls X", "unclear which side holds X"
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
