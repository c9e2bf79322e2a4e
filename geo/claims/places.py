"""Which place tokens of a sentence a rule may claim, and the lists they stand in.

A place is a *locator*, never a claim, where the grammar says it only locates something else: "20 km from X",
"north of X", "toward X", "the X direction", "(Donetsk region)" after a village, "in the Donetsk region" after
a list. Lists of every shape are built here, by one scanner over joiners (",", "and", "or", "as well as",
"along with", ":", "including", "namely") that skips locators and the words of a place phrase ("the village
of").
"""

from __future__ import annotations

from collections.abc import Collection

from geo.claims import vocab as V
from geo.claims.tokens import ArticleDoc, Span
from geo.when_rules import DAY_WORDS

MAX_LIST = 40
#: the most words between two places of one list (joiners, locators, "a settlement in Ukraine's Sumy region")
_GAP = 12
_AS_MODIFIER = frozenset({"city", "town", "village", "settlement", "cities", "towns", "villages",
                          "settlements", "localities", "communities", "hromada", "hamlets"})
_PHRASE = frozenset({"the", "a", "an", "city", "town", "village", "settlement", "of", "small", "regional",
                     "centre", "center", "capital", "outskirts", "'s", "’s", "ukraine", "russia",
                     "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
                     "north-western", "south-eastern", "south-western", "eastern", "western", "northern",
                     "southern", "central"})
_HROMADA = frozenset({"hromada", "community", "district", "raion", "rayon", "municipality", "hromadas",
                      "communities", "districts", "territorial"})
#: the common noun of a named feature that stands in a list of places ("near Nevske, the Serebrianske forestry
#: and Bilohorivka", "at the Azovstal steel plant and in Mariupol")
_FEATURE = frozenset({"forestry", "forest", "woods", "wood", "heights", "hill", "plant", "works", "mine",
                      "station", "farm", "reservoir", "quarry", "microdistrict", "neighbourhood",
                      "neighborhood", "island"})
#: what a place's name may name instead of the place: a facility near it ("the Zaporizhzhia nuclear plant",
#: "the Kakhovka dam", "Kherson airport")
_FACILITY = frozenset({"nuclear", "dam", "reservoir", "airport", "airfield", "bridge", "power", "mine",
                       "plant", "factory", "works"})
_DISTANCE = frozenset({"km", "kilometres", "kilometers", "miles", "metres", "meters", "away"})
_LIST_WORDS = (V.DET | V.PLACE_NOUN | V.ADVERB | V.PARTITIVE
               | frozenset({"the", "of", "in", "also", "then", "nearby", "neighbouring", "'s", "’s",
                            "ukraine", "russia", "on", "monday", "tuesday", "wednesday", "thursday", "friday",
                            "saturday", "sunday", "last", "week", "day", "earlier", "later"}) | _HROMADA)


#: words of a phrase naming a part of a place: "the eastern outskirts of", "about 80% of", "the city centre
#: of"
_PART_PHRASE = V.PARTITIVE | V.COMPASS | frozenset({
    "centre", "center", "districts", "district", "quarter", "quarters", "neighbourhoods", "neighborhoods",
    "suburbs", "streets", "about", "nearly", "almost", "around", "over", "roughly", "per", "cent", "city",
    "town", "village", "industrial", "residential", "the", "a"})
#: the words that make such a phrase name a part (not "the village of X", "the city of X")
_PART_HEADS = ((V.PARTITIVE - {"vicinity", "area", "areas", "some"})
               | frozenset({"centre", "center", "districts", "district", "quarter", "quarters",
                            "neighbourhoods", "neighborhoods", "suburbs", "streets"}))


_REF_WORDS = frozenset({"city", "town", "village", "settlement"})


def part_named(adoc: ArticleDoc, t: int) -> str:
    """The part of the place at ``t`` the phrase before it names ("the eastern outskirts of X" -> "eastern
    outskirts", "about 80% of X" -> "about 80%", "most of X" -> "most"), or "" when the phrase names the place
    itself."""
    named = adoc.places.get(t)
    if adoc.lower(t - 1) == "the" and named is not None and named.place.feature == "region":
        t -= 1  # "parts of the Kursk region"
    if adoc.lower(t - 1) != "of":
        return ""
    if adoc.lower(t - 2) in _REF_WORDS and adoc.lower(t - 3) in ("the", "a") and adoc.lower(t - 4) == "of":
        t -= 3  # "the eastern outskirts of the village of X": the part is named before the place's noun
    k = t - 2
    while k >= 0 and t - 2 - k < 5 and (adoc.lower(k) in _PART_PHRASE or adoc.number(k)):
        k -= 1
    words = [adoc.lower(j) for j in range(k + 1, t - 1)]
    if not any(w in _PART_HEADS or w == "%" or (w == "cent" and "per" in words) for w in words):
        return ""
    while words and words[0] in ("the", "a"):
        words = words[1:]
    return adoc.text(t - 1 - len(words), t - 1)


def part_of(adoc: ArticleDoc, j: int) -> bool:
    """"the west of X", "the north of the Kharkiv region": a part of X (not "to the west of X", which lies
    outside it)."""
    return adoc.lower(j) in V.COMPASS and adoc.lower(j + 1) == "of" and adoc.lower(j - 1) == "the" and \
        adoc.lower(j - 2) != "to"


#: the prepositions after "all (of them)" that say where a list's places are
_WHERE_ALL_ARE = frozenset({"in", "near", "around", "outside", "inside", "within"})


def _after_all_of_them(adoc: ArticleDoc, j: int) -> bool:
    """Whether ``j`` follows ", all (of them)" or ", both (of them)" right after a place."""
    k = j - 1 - 2 * (adoc.words.lower[j - 2 : j] == ("of", "them"))
    return adoc.lower(k) in ("all", "both") and adoc.lower(k - 1) == "," and k - 2 in adoc.places


def locators(adoc: ArticleDoc, span: Span) -> set[int]:
    """The place tokens of a sentence that only locate something else."""
    found = set()
    for i in (t for t in range(span.start, span.end) if t in adoc.places):
        j = i - 1
        while j > span.start and adoc.lower(j) in _PHRASE:
            j -= 1
        head = adoc.lower(j)
        if head in V.LOCATOR_BEFORE or (head == "from" and adoc.lower(j - 1) in _DISTANCE) or (
                adoc.lower(j + 1) == "of" and not part_of(adoc, j) and (
                    head in V.COMPASS or head.endswith(V.POINTS) or head in (
                        "outside", "short", "direction", "km", "kilometres", "kilometers", "miles"))):
            found.add(i)
        elif head in _WHERE_ALL_ARE and _after_all_of_them(adoc, j):
            # "A, B and C, all of them in the Donetsk region", "A and B, both near Avdiivka": where the list's
            # places are
            found.add(i)
        elif head in ("bank", "banks") and adoc.lower(j + 1) == "of" and \
                adoc.places[i].place.feature == "settlement":
            found.add(i)  # "the right bank of the Dnipro": a river, named as the city is
        elif adoc.lower(i + 1) in V.AXIS or _names_axes(adoc, span, i) or adoc.lower(i + 1) in _FACILITY:
            found.add(i)  # "the Pokrovsk axis", "the occupied Zaporizhzhia nuclear plant"
        elif ((adoc.lower(i + 1) in _HROMADA and adoc.lower(j) in ("in", "of"))
              or (adoc.places[i].place.feature == "region" and adoc.lower(i - 1) == "of"
                  and adoc.lower(i - 2) in _AS_MODIFIER)):
            # "in the Khotin hromada", "four villages of Sumy Oblast": where the places named are
            found.add(i)
        elif names_where(adoc, i):
            found.add(i)  # "this Donetsk Oblast city", "the Donetsk town of X": where the town is
        elif (head in ("near", "outside", "close") and adoc.lower(j - 1) == "," and j - 2 in adoc.places
              and j - 2 not in found):
            # "Vovchansk, near Vovchanski Khutory": the second only says where the first is (unless the
            found.add(i)
            # first only says where something is: "in the direction of Pokrovsk, near Myrolyubivka")
        elif _apposed(adoc, span, i):
            found.add(i)  # "Makariv, a suburb of Kyiv,": Kyiv only says where Makariv is
        elif _located(adoc, span, i):
            found.add(i)
    return found


def _names_axes(adoc: ArticleDoc, span: Span, i: int) -> bool:
    """"the Kupyansk, Lyman, Bakhmut and Avdiyivka directions", "the Siversk and Bakhmut areas": a list of
    names ending in a plural of direction or area names axes, not places."""
    k = i + 1
    while k + 1 < span.end and adoc.lower(k) in (",", "and", "-", "or") and k + 1 in adoc.places:
        k += 2
    return k > i + 1 and adoc.lower(k) in ("directions", "axes", "sectors", "areas", "direction", "axis")


def _apposed(adoc: ArticleDoc, span: Span, i: int) -> bool:
    """"Makariv, a suburb of Kyiv", "Kostyantynivka, a settlement in Ukraine's Sumy region": a place that only
    says where the place before it is."""
    k = i - 1
    while k > span.start and adoc.lower(k) in _PHRASE - {"of", "city", "town", "village", "settlement",
                                                         "capital"}:
        k -= 1
    return adoc.lower(k) in ("of", "in", "near") and _in_apposition(adoc, span, k)


def _in_apposition(adoc: ArticleDoc, span: Span, k: int) -> bool:
    """Whether ``k`` is inside ", a <noun phrase>" after a place."""
    for m in range(k - 1, max(span.start, k - 6), -1):
        if adoc.lower(m) in ("a", "an") and adoc.lower(m - 1) == "," and m - 2 in adoc.places:
            return True
        if adoc.lower(m) in (",", ";"):
            return False
    return False


def _located(adoc: ArticleDoc, span: Span, i: int) -> bool:
    """A region that says where the places before it are: "X and Y in the Donetsk region", "X (Donetsk
    Oblast)", "X, in the Kharkiv region,"."""
    if adoc.places[i].place.feature != "region":
        return False
    comma = i - 1 - (adoc.lower(i - 1) == "the")
    if adoc.lower(comma) == "," and comma - 1 in adoc.places:  # "Pishchane, Luhansk region"
        return (adoc.places[comma - 1].place.feature == "settlement"
                and adoc.lower(i + 1) in (",", ".", ";", ")", "and", ""))
    j = i - 1
    while j >= span.start and adoc.lower(j) in _LOCATOR_SKIP:
        j -= 1
    opener = {adoc.lower(k) for k in range(j + 1, i)}
    return (j >= span.start and j in adoc.places and bool(opener & {"in", "of", "("})
            and adoc.places[j].place.feature == "settlement")


#: the words between a settlement and the region that locates it ("X, in Ukraine's southeastern Zaporizhzhia
#: region")
_LOCATOR_SKIP = frozenset({"the", "in", "of", "(", ",", "both", "its", "russia", "ukraine", "'s", "’s",
                           "russia's", "ukraine's"}) | frozenset(w for w in V.COMPASS if w.endswith("ern"))


def names_where(adoc: ArticleDoc, i: int) -> bool:
    """Whether the place at ``i`` modifies a settlement noun after it, naming where that settlement lies: a
    region ("this Donetsk Oblast city") or a place standing for its region before "town of" and another
    settlement ("the Donetsk town of Vuhledar", not "Robotyne village of Zaporizhzhia Oblast")."""
    if adoc.lower(i + 1) not in _AS_MODIFIER:
        return False
    after = adoc.places.get(i + 3) if adoc.lower(i + 2) == "of" else None
    return adoc.places[i].place.feature == "region" or (
        after is not None and after.place.feature == "settlement")


#: words that end a run of a noun's modifiers: no modifier is a preposition, a conjunction, a determiner, a
#: verb's helper or a verb of saying
_NO_MODIFIER = V.PREP_AT | V.AUX | V.SPEECH_VERB | frozenset({
    "and", "or", "but", "from", "with", "by", "that", "which", "as", "the", "a", "an", "this", "these",
    "those", "its", "their", "his", "her", "our", "says", "said", "claims", "claimed", "reports", "reported",
    "while", "yet", "then", "toward", "towards", "into", "where", "when", "after", "before", "so", "if",
    "because", "than"})
_ARTICLES = frozenset({"the", "a", "an"})
_REGION_NOUNS = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces", "area",
                           "areas"})
#: a settlement noun after a settlement's name ("Krynky village", "Sudzha town")
_NAME_NOUN = frozenset({"village", "town", "city", "settlement"})
#: the words of a day named after a place ("captured X on Tuesday, ...", "took X on Nov. 11, ...")
_TIME_WORDS = DAY_WORDS | frozenset({"on", "last", "this", "early", "late", "morning", "night", "evening",
                                     "afternoon"})


def own_place(adoc: ArticleDoc, k: int, aside: bool = True) -> int:
    """The place a phrase ending at ``k`` is about, past what only says when or where it is: a day ("X on
    Tuesday", "X on Nov. 11", "X last Friday"), a region ("X in the Donetsk region") unless what follows is
    said of a region ("..., one of the regions that ...": only asked of an ``aside`` after ``k``), and a
    settlement noun after its name ("Krynky village"); else ``k``."""
    about_region = aside and any(adoc.lower(t) in _REGION_NOUNS for t in range(k + 2, k + 7))
    while True:
        j = k
        while j > k - 6 and (adoc.lower(j).rstrip(".") in _TIME_WORDS or adoc.number(j)):
            j -= 1
        named = any(adoc.lower(t).rstrip(".") in DAY_WORDS for t in range(j + 1, k + 1))
        if named and adoc.lower(j + 1) in ("on", "last", "this", "early", "late"):
            k = j
        elif _in_region(adoc, k) and not about_region:
            k -= 2 + (adoc.lower(k - 1) == "the")
        elif adoc.lower(k) in _NAME_NOUN and k - 1 in adoc.places and \
                adoc.places[k - 1].place.feature == "settlement":
            k -= 1
        else:
            return k


def _in_region(adoc: ArticleDoc, k: int) -> bool:
    """Whether ``k`` ends "X (village) in (the) R" with R a region: where the place X is."""
    the = adoc.lower(k - 1) == "the"
    before = k - 2 - the
    return k in adoc.places and adoc.places[k].place.feature == "region" and adoc.lower(k - 1 - the) == "in" \
        and (before in adoc.places or (adoc.lower(before) in _NAME_NOUN and before - 1 in adoc.places))


def named_by_noun(adoc: ArticleDoc, usable: Collection[int], j: int, end: int) -> int:
    """The place a settlement noun names after a few modifiers of any kind ("the former coal-mining town of
    X", "the heavily fortified hilltop town of X"), else ``j``."""
    for k in range(j, min(end - 2, j + 6)):
        if adoc.lower(k) in _AS_MODIFIER and adoc.lower(k + 1) == "of" and k + 2 in usable:
            return k + 2
        if not _modifier(adoc, k):
            return j
    return j


def _modifier(adoc: ArticleDoc, k: int) -> bool:
    """Whether a token may modify a noun after it: a lower-case word (or a hyphen) that is no preposition,
    conjunction or auxiliary."""
    word = adoc.lower(k)
    return not adoc.title(k) and word not in _NO_MODIFIER and (word == "-" or word.replace("-", "").isalpha())


def _noun_phrase_before(adoc: ArticleDoc, k: int, j: int) -> bool:
    """Whether token ``k``, read leftwards from ``j`` (the token before a place), modifies the settlement noun
    of a list's next item "the ... city of X" ("A and the sprawling hilltop city of X"; not "A, yet the ...
    town of X fell")."""
    if not (adoc.lower(j) == "of" and adoc.lower(j - 1) in _AS_MODIFIER):
        return False
    m = j - 2
    while m > j - 6 and _modifier(adoc, m):
        m -= 1
    return m < k < j - 1 and adoc.lower(m) in _ARTICLES and adoc.lower(m - 1) in V.LIST_JOIN


def expand(adoc: ArticleDoc, anchor: int, span: Span, usable: set[int], step: int) -> list[int]:
    """The places of the list ``anchor`` stands in, read rightwards (``step`` 1) or leftwards (-1)."""
    out = [anchor]
    j = anchor + step
    while span.start <= j < span.end and len(out) < MAX_LIST:
        k, joined, aside, unknown = j, False, 0, False
        dated = _time_then_and(adoc, j, span.end) if step == 1 else None
        if dated is not None:  # "liberated A on 27 July and B on 16 August": B is liberated too
            aside, k = dated - j, dated
        while span.start <= k < span.end and abs(k - j) - aside < _GAP and (k not in usable) and (
                adoc.lower(k) in V.LIST_JOIN or adoc.lower(k) in _LIST_WORDS or k in adoc.places
                or adoc.lower(k) in ("(", ")") or (step == 1 and adoc.lower(k) in V.PREP_AT and joined)
                or (joined and (adoc.title(k) or adoc.lower(k) in _FEATURE))
                or (joined and step == 1 and adoc.lower(k - 1) in _ARTICLES
                    and named_by_noun(adoc, usable, k, span.end) > k)
                or (not joined and step == -1 and _noun_phrase_before(adoc, k, j))
                or adoc.lower(k) in V.COMPASS or adoc.lower(k).endswith(V.POINTS)):
            if joined and adoc.lower(k) in ("a", "an", "another") and adoc.lower(k - step) == ",":
                # ", a suburb of Kyiv": an apposition, not a list; the list goes on after it only in
                # "A, a village near B, and C"
                closing = _apposition_then_and(adoc, k, span.end) if step == 1 else None
                if closing is None:
                    return out
                aside += closing - k
                k = closing
            if step == 1 and unknown and adoc.lower(k) in V.PREP_AT:
                return out  # "took A and Tolpino in the Kursk region": the region locates the unknown name
            unknown = unknown or (joined and adoc.title(k) and k not in adoc.places)
            joined = joined or adoc.lower(k) in V.LIST_JOIN
            if step == 1 and adoc.lower(k) == "(" and (close := _closing(adoc, k, span.end)) is not None:
                # "A and B (DeepState marks C as captured), and near D": the aside is no part
                aside += close - k
                k = close  # of the list
            if k in adoc.places and k not in usable and not _skippable_locator(adoc, k, step):
                return out
            k += step
        if joined and k in usable and span.start <= k < span.end and not (
                aside and step == 1 and _opens_a_clause(adoc, k, span.end, dated is not None)) and not (
                step == 1 and adoc.lower(k - 1) == "," and adoc.lower(k + 1) in _SPEAKER_TITLES):
            out.append(k)
            j = k + step
        else:
            break
    return out


def _time_then_and(adoc: ArticleDoc, k: int, end: int) -> int | None:
    """Where "and" (or ", and") stands after a time phrase that opens at ``k`` ("on 27 July and", "in early
    October, and"), if one does."""
    if adoc.lower(k) not in ("on", "in"):
        return None
    j = k + 1
    while j < end and j - k <= 4 and (adoc.lower(j).rstrip(".") in _TIME_WORDS or adoc.number(j)):
        j += 1
    named = any(adoc.lower(x).rstrip(".") in DAY_WORDS for x in range(k + 1, j))
    j += adoc.lower(j) == ","
    return j if named and adoc.lower(j) == "and" else None


#: words after a place that make it part of a speaker's title, not the next of a list ("captured A, Luhansk
#: regional governor Serhiy Haidai said"; "took A, Kharkiv Mayor Ihor Terekhov said")
_SPEAKER_TITLES = frozenset({"governor", "mayor", "regional", "oblast", "military", "administration", "head",
                             "chief", "official", "officials", "authorities", "council", "prosecutor",
                             "police", "ombudsman", "spokesman", "spokesperson", "governor's", "mayor's"})


def _opens_a_clause(adoc: ArticleDoc, k: int, end: int, dated: bool = False) -> bool:
    """Whether the place at ``k`` is the subject of a clause of its own, not the next of a list ("..., and
    Bakhmut remains occupied", "..., and Pokrovsk, a hub to the west, is now under threat"): a word that
    neither goes on with a list nor locates follows it, past one apposition."""
    nxt = k + 1
    if adoc.lower(nxt) == "," and adoc.lower(nxt + 1) in ("a", "an", "another"):
        nxt = next((c for c in range(nxt + 2, min(end, nxt + 14)) if adoc.lower(c) == ","), end) + 1
    word = adoc.lower(nxt) if nxt < end else ""
    if dated and (word == "in" or word.rstrip(".") in _TIME_WORDS):
        return False  # "... and B last Wednesday": the item's own time
    return bool(word) and word not in _LIST_GOES_ON and word not in V.COMPASS and not adoc.title(nxt)


#: what may follow a place of a list: the list or the sentence goes on, or a phrase locates the place
_LIST_GOES_ON = V.LIST_JOIN | V.PREP_AT | frozenset({".", ";", ":", "(", ")", "\"", "”", "'", "’", "as", "on",
                                                    "from", "to", "by", "—", "–"})


def _apposition_then_and(adoc: ArticleDoc, k: int, end: int) -> int | None:
    """The comma that closes the apposition opening at ``k`` when "and" follows it ("Andriivka, a village
    near Bakhmut, and Klishchiivka"), within a short aside."""
    close = next((c for c in range(k + 1, min(end, k + 12)) if adoc.lower(c) in (",", ";", ":")), None)
    ends_with_and = close is not None and adoc.lower(close) == "," and adoc.lower(close + 1) == "and"
    return close if ends_with_and else None


def _closing(adoc: ArticleDoc, k: int, end: int) -> int | None:
    """The ")" that closes the "(" at ``k``, within a short aside."""
    return next((c for c in range(k + 1, min(end, k + 25)) if adoc.lower(c) == ")"), None)


def _skippable_locator(adoc: ArticleDoc, k: int, step: int) -> bool:
    """A locator inside a list may be stepped over: a region ("A in the Donetsk region, and B"), a hromada ("A
    and B in the Yunakivka hromada and C") or a place a compass phrase locates ("A and B north-east of
    Bakhmut, and at C")."""
    return (adoc.places[k].place.feature == "region" or adoc.lower(k + step) in _HROMADA
            or adoc.lower(k - 1) == "of"
            and (adoc.lower(k - 2) in V.COMPASS or adoc.lower(k - 2).endswith(V.POINTS)))
