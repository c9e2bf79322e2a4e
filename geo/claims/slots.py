"""Where a frame's places are, part one: the object after the trigger, the subject before it, lists of every
shape, settlements counted and named later, and references back ("the city", "it")."""

from __future__ import annotations

from collections.abc import Iterator

from geo.claims import vocab as V
from geo.claims.places import expand, locators, named_by_noun, names_where, own_place, part_of
from geo.claims.rules import Rule
from geo.claims.scene import (
    COUNT_WORDS,
    COUNTED_SKIP,
    JOINS,
    NAMING,
    OBJECT_OR_COUNT,
    OBJECT_SKIP,
    PLURAL_PLACES,
    REF_NOUNS,
    REGION_HEADS,
    REGION_REFS,
    SETTLEMENT_NOUNS,
    SUBJECT_SKIP,
    Scene,
    Target,
)
from geo.claims.tokens import ArticleDoc, Span
from geo.models import Resolved


def place_list(sc: Scene, anchor: int, step: int, via: str) -> list[Target]:
    tokens = expand(sc.adoc, anchor, sc.span, set(sc.usable), step)
    return [Target(sc.adoc.places[t], t, via if i == 0 else f"{via}, list #{i + 1}")
            for i, t in enumerate(sorted(tokens))]


def object_slot(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """The first place after the trigger, past the words of a place phrase ("the strategic village of"), a
    count ("30 settlements, Kupyansk and Balaklia among them", "400 square kilometres of territory in") and a
    naming word ("including", "among them", ":")."""
    adoc, j, counted = sc.adoc, b, False
    while j < min(sc.span.end, b + rule.reach + (8 if counted else 0)) and j not in sc.usable and (
            adoc.lower(j) in OBJECT_OR_COUNT or adoc.number(j) or part_of(adoc, j)
            or (j in adoc.places and names_where(adoc, j))
            or (counted and (adoc.lower(j) in COUNTED_SKIP or j in adoc.places))):
        counted = counted or adoc.number(j) or adoc.lower(j) in COUNT_WORDS | PLURAL_PLACES
        j += 1
    j = past_unknown_name(sc, named_by_noun(adoc, sc.usable, j, sc.span.end))
    locator = j if j in sc.usable and locates_settlements(adoc, b, j) else None
    if locator is not None:
        j += 1  # "two villages in the Kursk region", "30 villages around Kyiv": only where the villages are
    # "three villages beyond X: A, B and C", "five settlements near X, among them A"
    if (counted or locator is not None) and j not in sc.usable:
        named = next((k for k in range(j, min(sc.span.end, j + 14)) if adoc.lower(k) in NAMING), None)
        if named is not None:
            j = named
            while (j < min(sc.span.end, named + 6) and j not in sc.usable
                   and adoc.lower(j) in OBJECT_SKIP | COUNTED_SKIP):
                j += 1
            j = named_by_noun(adoc, sc.usable, j, sc.span.end)
    if j in sc.usable and adoc.clause[j] == adoc.clause[b - 1] or j in sc.usable and adoc.lower(j - 1) == ":":
        return place_list(sc, j, 1, "object")
    if counted and j not in sc.usable:
        later = _named_later(sc, b, j)
        if later:
            return later
        settlements = not SETTLEMENT_NOUNS.isdisjoint(adoc.words.lower[b:j])  # not "captured two soldiers"
        region = _conjunct_region(sc, a) if rule.kind == "capture" and settlements else None
        if region is not None and not _names_settlements(sc, b, adoc.places[region].place.admin1):
            via = f"object: settlements of the verb before 'and' -> {adoc.text(region, region + 1)}"
            return [Target(adoc.places[region], region, via)]
    if locator is not None and rule.kind == "capture" and adoc.places[locator].place.feature == "region" and \
            not _names_settlements(sc, locator + 1, adoc.places[locator].place.admin1):
        return [Target(adoc.places[locator], locator, "object: the region of settlements it does not name")]
    return [] if locator is not None else anaphor(sc, b, j, "object")


def _conjunct_region(sc: Scene, a: int) -> int | None:
    """The region a verb phrase joined before the trigger names with "in" ("launched an operation in the
    Kharkiv region and captured several towns and villages": the villages are in that region), if any."""
    adoc, k = sc.adoc, a - 1
    while k > sc.span.start and adoc.lower(k) in V.AUX | V.ADVERB:
        k -= 1
    if adoc.lower(k) != "and":
        return None
    return next((r for r in range(k - 1, max(sc.span.start, k - 4) - 1, -1)
                 if r in adoc.places and adoc.places[r].place.feature == "region"
                 and "in" in adoc.words.lower[max(sc.span.start, r - 3) : r]), None)


#: what may follow the last place of a list: the clause or sentence goes on, or ends
_LIST_END = JOINS | frozenset({".", ";", ":", ")", "-", "–", "—", "as"}) | V.PREP_AT


def past_unknown_name(sc: Scene, j: int) -> int:
    """The next place of a list whose first name, one word, no source knows ("retook Neskuchne, Blahodatne
    and Makarivka" with Neskuchne unknown: Blahodatne), else ``j``. Only inside a list: after a comma the
    place must be followed by another ("captured Starlink, Pokrovsk officials said" lists nothing), after
    "and" by the list's end ("captured Ivan and Robotyne's last resident" lists nothing)."""
    adoc = sc.adoc
    if not adoc.title(j) or j in adoc.places or adoc.lower(j + 1) not in JOINS:
        return j
    nxt = j + 2 + (adoc.lower(j + 1) == "," and adoc.lower(j + 2) == "and")
    after = adoc.lower(nxt + 1)
    listed = after in JOINS if adoc.lower(nxt - 1) == "," else after in _LIST_END
    return nxt if nxt in sc.usable and listed else j


def locates_settlements(adoc: ArticleDoc, b: int, j: int) -> bool:
    """Whether the place at ``j`` only locates settlements named between the trigger and it ("recaptured two
    villages in its Kursk region", "withdrew from three villages in the eastern Donetsk region", "recaptured
    over 30 villages around Kyiv")."""
    preps = ("in", "of") if adoc.places[j].place.feature == "region" else ("around", "near", "outside")
    return any(adoc.lower(k) in _LOCATED and adoc.lower(k + 1) in preps for k in range(b, j))


#: nouns of places a region may locate ("two villages in", "the industrial hub in the eastern Donetsk region")
_LOCATED = SETTLEMENT_NOUNS | frozenset({"hub", "stronghold", "bastion", "outpost", "port"})


#: how many sentences after a count of settlements one may name them ("The sources said the villages are A and
#: B")
NAMING_REACH = 3
_DEFINITE = frozenset({"the", "these", "those"})
_NAMED_AS = frozenset({"are", "were", "include", "included", "as"})


def _named_later(sc: Scene, b: int, j: int) -> list[Target]:
    """The settlements a count after the trigger ("captured four villages") is named as in a sentence soon
    after: "the villages are A, B and C", "two of the six are A and B", "named the three settlements as A, B
    and C"."""
    adoc = sc.adoc
    if not any(adoc.number(k) and adoc.lower(k + 1) in SETTLEMENT_NOUNS for k in range(b, j)):
        return []
    for span in _following(adoc, sc.span):
        first = _naming(adoc, span)
        if first is None and _counts_settlements(adoc, span):
            return []  # "... five villages had been evacuated. The villages are A and B": those five
        if first is not None:
            usable = {t for t in range(span.start, span.end) if t in adoc.places} - locators(adoc, span)
            if first in usable:
                listed = expand(adoc, first, span, usable, 1)
                via = f"named in a later sentence: '{adoc.text(first - 2, first)}'"
                return [Target(adoc.places[t], t, via if n == 0 else f"{via}, list #{n + 1}")
                        for n, t in enumerate(listed)]
    return []


def _counts_settlements(adoc: ArticleDoc, span: Span) -> bool:
    """Whether a sentence counts settlements of its own ("two villages", not "the two villages")."""
    return any(adoc.number(k) and adoc.lower(k + 1) in SETTLEMENT_NOUNS and adoc.lower(k - 1) not in _DEFINITE
               for k in range(span.start, span.end - 1))


def _naming(adoc: ArticleDoc, span: Span) -> int | None:
    """The first place a sentence names counted settlements as: after "the villages are", "the three
    settlements as", "two of the six are" (a definite plural settlement noun or a partitive count, then a
    copula or "as")."""
    for k in range(span.start, span.end - 1):
        word = adoc.lower(k)
        noun = word in SETTLEMENT_NOUNS and word.endswith("s") and (
            adoc.lower(k - 1) in _DEFINITE or adoc.number(k - 1) and adoc.lower(k - 2) in _DEFINITE)
        partitive = (adoc.number(k) and adoc.lower(k - 1) == "the" and adoc.lower(k - 2) == "of"
                     and adoc.number(k - 3))
        if (noun or partitive) and adoc.lower(k + 1) in _NAMED_AS and adoc.places.get(k + 2) is not None and \
                adoc.places[k + 2].place.feature == "settlement":
            return k + 2
    return None


def _names_settlements(sc: Scene, after: int, region: str | None = None) -> bool:
    """Whether settlements are named after ``after`` in the sentence, or two or more in one of the next
    :data:`NAMING_REACH` (of ``region``, when given: settlements elsewhere are others) ("freed 46 settlements
    in Kherson Oblast" names none, so the region carries the claim; "liberated 10 settlements in the Kursk
    Region. ... liberated ten settlements in two days: A, B, ..." names them)."""
    adoc = sc.adoc
    if any(adoc.places[t].place.feature == "settlement" for t in sc.usable if t > after):
        return True
    for n, span in enumerate(_following(adoc, sc.span)):
        if n and not any(adoc.lower(k) in SETTLEMENT_NOUNS for k in range(span.start, span.end)):
            # past the next sentence, only one that names settlements as such ("the settlements of A and B")
            continue
        skip = locators(adoc, span)
        if sum(1 for t in range(span.start, span.end) if t in adoc.places and t not in skip and
               adoc.places[t].place.feature == "settlement"
               and region in (None, adoc.places[t].place.admin1)) > 1:
            return True
    return False


def _following(adoc: ArticleDoc, span: Span) -> Iterator[Span]:
    """The sentences after ``span``, up to :data:`NAMING_REACH` of them."""
    for _ in range(NAMING_REACH):
        following = adoc.following(span)
        if following is None:
            return
        yield following
        span = following


def anaphor(sc: Scene, first: int, last: int, via: str) -> list[Target]:
    """"the city (itself)", "the village", "it": the last place of the article that fits the noun."""
    adoc = sc.adoc
    noun = next((adoc.lower(k) for k in range(first, min(last + 1, sc.span.end))
                 if adoc.lower(k) in REF_NOUNS | REGION_REFS), None)
    pronoun = adoc.lower(last) in ("it", "there") and last == first
    # "the settlement of Middle": a settlement named (one named before only if it is that one), not a
    # reference
    of_name = adoc.lower(last - 1) == "of" and adoc.title(last)
    named = adoc.places.get(last) if of_name else None
    if (noun is None and not pronoun) or adoc.lower(last) == "of" or (of_name and named is None):
        return []
    taken = {t for x in sc.actors for t in range(x.start, x.end)}
    earlier = [adoc.places[t] for t in sorted(sc.usable) if t < first]
    located = [adoc.places[t] for t in range(sc.span.start, first)
               if t in adoc.places and t not in taken and t not in sc.usable]
    for r in [*reversed([*sc.topic, *earlier]), *reversed(located)]:
        if named is not None and r.place.place_id != named.place.place_id:
            continue
        if noun is None or _fits(noun, r):
            return [Target(r, last, f"{via}: '{adoc.text(first, last + 1)}' -> {r.mention.surface}")]
    return []


def _fits(noun: str, r: Resolved) -> bool:
    """Whether "the city" / "the village" can mean this place (by population, when known); "the region" and
    "its territory" a region."""
    population = r.place.population
    if noun in REGION_REFS:
        return r.place.feature == "region"
    if r.place.feature != "settlement":
        return False
    if noun == "city":
        return population == 0 or population >= 10_000
    return population < 10_000 if noun == "village" else True


def subject_slot(sc: Scene, rule: Rule, a: int, b: int) -> list[Target]:
    """The place before the trigger in its clause, past auxiliaries, adverbs, locators and one apposition."""
    adoc, j = sc.adoc, a - 1
    while (j >= sc.span.start and j not in sc.usable
           and (adoc.lower(j) in SUBJECT_SKIP or _locator_word(sc, j)
                or (adoc.lower(j) == "or" and adoc.lower(j - 2) == "either") or (
                        adoc.lower(j) in REGION_HEADS and j - 1 in adoc.places
                        and _regions_said_of(sc, j - 1, b)))):
        j -= 1
    if adoc.lower(j) == "," and j - 1 in sc.usable and _continues_list(adoc, j - 1, sc.span.start):
        return place_list(sc, j - 1, -1, "subject")
    # "Bilohorivka, close to the border with Donetsk Oblast, was liberated"
    if adoc.lower(j) == "," and j > sc.span.start:
        j = _before_asides(sc, j)
    if own_place(adoc, j, aside=False) in sc.usable:
        j = own_place(adoc, j, aside=False)  # "Robotyne village in the Zaporizhzhia region had been freed"
    if adoc.lower(j) in _LAND and adoc.lower(j - 1) in ("'s", "’s") and j - 2 in sc.usable:
        j -= 2  # "6% of the Kharkiv region's territory was still occupied"
    if j in sc.usable and rule.bare_subject and not _own_subject(adoc, j, sc.span.start):
        return []  # "supplies in Kherson have fallen": Kherson is no subject (but "the town of X has")
    if rule.kind == "fight" and j in sc.usable and adoc.lower(j - 1) in _PHRASE_PREPS and \
            adoc.lower(j - 2) in _CIVILIANS:
        return []  # "civilians in Pokrovsk were trapped": no force is
    if j in sc.usable and adoc.lower(a) == "," and _after_preposition(adoc, list_start(adoc, j)):
        return []  # "soldiers from X, captured by ...": the participle is said of the soldiers
    if j in sc.usable:
        return place_list(sc, j, -1, "apposition: the place before it" if adoc.lower(a) == "," else "subject")
    if adoc.lower(j) in PLURAL_PLACES and (adoc.number(j - 1) or adoc.lower(j - 1) in COUNT_WORDS):
        # "Twelve settlements were
        named = next((k for k in range(b, sc.span.end) if adoc.lower(k) == ":"), None)
        if named is not None and named + 1 in sc.usable:  # liberated on November 9: A, B, C"
            return place_list(sc, named + 1, 1, "named after the count")
    if j >= sc.span.start and adoc.lower(j) in REF_NOUNS | {"itself", "it"}:
        k = j
        while (k > sc.span.start and adoc.lower(k - 1) in V.DET | {"itself"}
               and adoc.lower(k) not in ("the", "this")):
            # back to the determiner ("claims that the town": "that" opens the clause, it is no determiner)
            k -= 1
        return anaphor(sc, k, j, "subject") if adoc.lower(k) in ("the", "this", "it") else []
    return []


#: the land of a place: "the Kharkiv region's territory"
_LAND = frozenset({"territory", "territories", "land", "lands", "soil"})
#: the words that end in a place of a phrase, not a subject: "supplies in X", "soldiers from X"
_PHRASE_PREPS = V.PREP_AT | {"from"}
#: people in a place who are no force
_CIVILIANS = frozenset({"civilians", "residents", "people", "inhabitants", "locals", "families", "children"})


#: what may stand before "the town of X" that is a subject: a word that opens a clause (not "and": "traffic
#: between the city of A and the town of B has fallen")
_OPENS_A_SUBJECT = frozenset({"that", ",", ";", ":", "—", "–", '"', "“", "but", "while", "whereas", "after",
                              "when", "as", "since", "because", "although", "though", "until", "once"})


def _own_subject(adoc: ArticleDoc, first: int, start: int) -> bool:
    """Whether the place at ``first`` is a subject of its own: no preposition before it ("supplies in X have
    fallen"), or "the (strategic) town of X" opening its clause ("claims that the town of X had fallen"; not
    "trade through the town of X", "troops defending the town of X", "cities such as the town of X")."""
    if not (adoc.lower(first - 1) == "of" and adoc.lower(first - 2) in V.PLACE_NOUN):
        return adoc.lower(first - 1) not in _PHRASE_PREPS
    k = first - 3
    while k > start and k > first - 6 and adoc.lower(k) not in ("the", "a"):
        k -= 1  # back past "strategic", "eastern", ... to the article
    before = adoc.lower(k - 1)
    return adoc.lower(k) in ("the", "a") and (
        k == start or adoc.lemma(k - 1) in V.SPEECH_VERB
        or (before in _OPENS_A_SUBJECT and not (before == "as" and adoc.lower(k - 2) in ("such", "well"))))


def _after_preposition(adoc: ArticleDoc, first: int) -> bool:
    """Whether the place at ``first`` ends a prepositional phrase ("soldiers from X", "the road to X", "the
    bridge near the town of X"), not a noun phrase of its own ("X", "the town of X")."""
    k = first - 1
    if adoc.lower(k) == "of" and adoc.lower(k - 1) in V.PLACE_NOUN:
        k -= 2  # past "the (strategic) village of"
        for _ in range(3):
            if adoc.lower(k) in V.DET:
                k -= 1
                break
            if adoc.lower(k) in V.PREP_AT or adoc.title(k) or not adoc.lower(k):
                break
            k -= 1
    return adoc.lower(k) in _PHRASE_PREPS


def _before_asides(sc: Scene, j: int) -> int:
    """The place before one or two asides set off by commas that end at the comma ``j`` ("the village of
    Rabotino in the Zaporozhye region, the scene of heavy fighting, had been"; "Popiv Yar, northeast of
    Pokrovsk, which has been a focus of attacks, had changed hands"), else ``j``."""
    adoc, end = sc.adoc, j
    for _ in range(2):
        k = end - 1
        while k > sc.span.start and adoc.lower(k) != "," and end - k < 30:
            k -= 1
        if adoc.lower(k) != ",":
            break
        before = k - 1
        while (before > sc.span.start and before not in sc.usable and k - before < 5
               and _locator_word(sc, before)):
            before -= 1
        before = own_place(adoc, before, aside=False)  # "Avdiivka city, a stronghold, fell"
        if before in sc.usable:
            return before
        end = k
    return j


def _regions_said_of(sc: Scene, last: int, b: int) -> bool:
    """Whether regions sharing a plural head are what a trigger after them is said of ("20 villages in the
    Kharkiv and Kherson oblasts had been liberated"): not when they only locate "parts of" them or settlements
    named after."""
    adoc = sc.adoc
    k = list_start(adoc, last)
    k -= 1 + (adoc.lower(k - 1) == "the")
    return not (adoc.lower(k) == "of" and adoc.lower(k - 1) in V.PARTITIVE) and not _names_settlements(sc, b)


def list_start(adoc: ArticleDoc, last: int) -> int:
    """The first place of the list of places ("A, B and C") that ends at ``last``."""
    k = last
    while adoc.lower(k - 1) in JOINS and k - 2 in adoc.places:
        k -= 2
    return k


def _continues_list(adoc: ArticleDoc, place: int, floor: int) -> bool:
    """", together with the entire Kyiv region,": a comma phrase that adds to a list, not an apposition."""
    for k in range(place - 1, max(floor, place - 6) - 1, -1):
        if adoc.lower(k) in ("together", "along", "well", "plus", "and"):
            return True
        if adoc.lower(k) == ",":
            return False
    return False


def _locator_word(sc: Scene, j: int) -> bool:
    """A locator phrase a subject finder steps over: "in the Donetsk region", "(Donetsk Oblast)", "to the
    west"."""
    return ((j in sc.adoc.places and j not in sc.usable) or sc.adoc.lower(j) in ("in", "the", "(", ")", "of")
            or (sc.adoc.lower(j) in V.COMPASS and sc.adoc.lower(j - 1) == "the"
                and sc.adoc.lower(j - 2) == "to") or (
                    sc.adoc.lower(j) == "to" and sc.adoc.lower(j + 2) in V.COMPASS))
