"""Who says so: the speech acts of a sentence, each with the actor who speaks, its side, and its kind.

An act is an actor followed by a verb of speech ("Russia's defence ministry said"), a speech verb followed by
its speaker (", said the regional governor"), "according to X", an actor's speech noun ("Moscow's
declaration"), or a person named before a speech verb, with the body an apposition names ("Nazar Voloshyn,
spokesperson for the Khortytsia group, said"). A person the actor table does not know speaks for an unknown
side, or for Ukraine when the apposition names a Ukrainian local office (governor, mayor, military
administration). Kinds: ``say``, ``confirm``, ``admit`` and ``deny`` (the verb's lemma decides).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.claims import vocab as V
from geo.claims.sides import Actor, voice_kind
from geo.claims.tokens import ArticleDoc, Span
from geo.models import Side
from geo.when_rules import DAY_WORDS

BETWEEN = V.AUX | V.ADVERB | V.MODAL | frozenset({
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "later", "officially",
    "publicly", "in", "a", "statement", "itself", "also", "separately", "earlier", "late", "this", "week",
    "yesterday", "today", "morning", "evening", "overnight", "then", "last", "night", "bulletin", "update",
    "report", "daily", "project", "group", "team", "monitoring", "analytical", "mapping", "website", "portal",
    "platform", "service"})
#: words in -ly that are no adverbs ("Ukraine's allies", "a rally")
_LY_NOUNS = frozenset({"rally", "supply", "reply", "family", "assembly", "anomaly", "early", "italy", "belly",
                       "bully", "jolly", "daily", "weekly", "monthly", "yearly", "friendly"})


def adverb(adoc: ArticleDoc, k: int) -> bool:
    """Whether the word at ``k`` is an adverb ("now", "strongly", "reluctantly"; not the name "Kelly")."""
    word = adoc.lower(k)
    return word in V.ADVERB or (len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS
                                and not adoc.title(k))


def between(adoc: ArticleDoc, k: int) -> bool:
    """Whether the word at ``k`` may stand between a speaker and its verb: an auxiliary, a day, "in a
    statement", or an adverb ("strongly denied", "reluctantly admitted")."""
    return adoc.lower(k) in BETWEEN or adverb(adoc, k)


_LOCAL_OFFICE = frozenset({"governor", "mayor", "administration", "council", "police", "head", "chief",
                           "community", "hromada", "municipality", "prosecutor"})
#: words of a local authority's name: "the oblast military administration", "the regional state
#: administration"
_ADMINISTRATION = frozenset({"oblast", "regional", "military", "state", "city", "district", "civil-military",
                             "civil", "local"})
_INSTALLED = frozenset({"installed", "pro-russian", "occupation", "separatist", "pro-kremlin", "proxy"})
_TITLES = frozenset({"governor", "mayor", "spokesman", "spokesperson", "head", "the", "regional", "local",
                     "city"})
_PERSON_STOP = frozenset({"the", "a", "an", "in", "on", "but", "and", "it", "he", "she", "they", "we", "this",
                          "that", "there", "officials", "sources", "some", "both", "earlier", "later", "when",
                          "while", "if", "unless", "once", "as", "after", "before", "since", "although",
                          "though", "until", "because", "whether", "what"})
#: words of nationality: "Russian claims", "Western reports" are claims and reports, not a person who claims
_NATIONALITY = frozenset({*V.SIDE_WORD, "american", "british", "western", "european", "german", "french",
                          "polish", "belarusian", "chechen", "north", "korean", "u.s.", "us", "uk"})
#: capitalised words that name no person: nationalities, days and months
_NO_PERSON = _NATIONALITY | DAY_WORDS


@dataclass(frozen=True, slots=True)
class Act:
    """A speech act: who speaks, for which side, what kind of act, and where its verb is."""

    who: str
    side: Side
    kind: str  # say | confirm | admit | deny
    verb: int  # token of the speech verb (or of "according")
    speaker: int  # first token of the speaker
    voice: str  # official | media | analyst
    via: str
    office: str = ""  # the office a person holds, as "the ..." may name it later ("spokesman")


def _kind(lemma: str) -> str:
    if lemma in V.DENY:
        return "deny"
    if lemma in V.ADMIT:
        return "admit"
    return "confirm" if lemma in V.CONFIRM else "say"


#: how a person speaking is found (see :func:`_people`)
PERSON = "a person named with the verb"


def new_act(actor_text: str, side: Side, lemma: str, verb: int, speaker: int, via: str) -> Act:
    return Act(actor_text, side, _kind(lemma), verb, speaker, voice_kind(actor_text.split()), via)


#: adverbs between a speaker's aside and its verb ("X, a Russian news site, likewise reported")
_ADVERBS_BEFORE_SPEECH = frozenset({"likewise", "also", "later", "earlier", "separately", "similarly"})


def _speech_after(adoc: ArticleDoc, end: int, stop: int) -> int | None:
    """The speech verb right after an actor (past adverbs, auxiliaries and a day: "said on Friday")."""
    j = end
    if adoc.lower(j) == ",":  # "Nazar Voloshyn, spokesperson for the Khortytsia group, said"
        k = j + 1
        while k < stop and adoc.lower(k) != "," and k - j < 16:
            k += 1
        verb = k + 1
        while verb < stop and verb - k < 3 and adoc.lower(verb) in _ADVERBS_BEFORE_SPEECH:
            verb += 1  # "RIA Novosti, a Russian news site, likewise reported"
        if k < stop and adoc.lower(k) == "," and adoc.lemma(verb) in V.SPEECH_VERB:
            return verb
    # "the Institute ... (ISW) reported", 'Operational Command "South" said'
    acronym = 3 if (adoc.lower(j), adoc.lower(j + 2)) in (("(", ")"), ('"', '"'), ("“", "”")) else 0
    j += acronym
    while (j < stop and j - end - acronym < 6 and (between(adoc, j) or adoc.lower(j) in ("not", "n't"))
           and adoc.lemma(j) not in V.SPEECH_VERB):
        j += 1
    if adoc.lower(j - 1) in ("not", "n't") and adoc.lemma(j) not in V.CONFIRM:
        return None  # "did not say", "has not denied": no act; "does not confirm" is one (engine._denied)
    if (j < stop and adoc.lemma(j) in V.SPEECH_VERB
        and (adoc.lower(j) not in ("claim", "report", "statement", "post", "map", "data")
             or adoc.lower(j + 1) in ("that", "to"))  # "the occupiers claim that ..."
        and not (adoc.lower(j + 1) == "to" and adoc.lower(j - 1) in V.AUX)):  # "troops are said to have left"
        return j
    return None


def find_acts(adoc: ArticleDoc, span: Span, actors: Sequence[Actor]) -> list[Act]:
    """The speech acts of one sentence, by the position of their verb."""
    acts: list[Act] = []
    for a in (a for a in actors if not a.event):  # "the report on Russian advances noted": the report speaks
        verb = _speech_after(adoc, a.end, span.end)
        if verb is not None:
            acts.append(new_act(_full_name(adoc, span, a), a.side, adoc.lemma(verb), verb, a.start,
                             f"subject of '{adoc.lower(verb)}'"))
        elif any(adoc.lemma(k) in V.SPEECH_NOUN for k in range(a.start, a.end)) or (
                adoc.lower(a.end) in ("'s", "’s") and (adoc.lemma(a.end + 1) in V.SPEECH_NOUN or (
                    adoc.lower(a.end + 1) in _REPORT_KINDS and adoc.lemma(a.end + 2) in V.SPEECH_NOUN))):
            acts.append(new_act(a.text, a.side, "say", a.end - 1, a.start, "owner of the statement"))
        elif _cited(adoc, a.start):
            acts.append(new_act(_with_role(adoc, span, a), a.side, "say", a.start - 1, a.start,
                             "'according to'"))
        elif ((said := _said_before(adoc, a.start)) is not None
              and (a.end >= span.end or adoc.words.punct[a.end])):
            # ', said (Oleksandr) Shtupun.' -- not ', said Russian forces captured X': those are what was said
            acts.append(new_act(adoc.text(said + 1, a.end), a.side, adoc.lemma(said), said, said + 1,
                             "named after the quote"))
    verbs = {a.verb for a in acts}
    acts += [p for p in _people(adoc, span, actors) if p.verb not in verbs]  # one speaker to a verb
    acts += _offices(adoc, span, acts)
    return sorted((a for a in acts if not _concessive(adoc, a.speaker)), key=lambda x: x.verb)


def _said_before(adoc: ArticleDoc, start: int) -> int | None:
    """The speech verb right before an actor and its given names, after a comma or a quote (", said Oleksandr
    Shtupun")."""
    k = start - 1
    while start - k <= 2 and adoc.title(k) and adoc.lemma(k) not in V.SAY:
        k -= 1
    return k if adoc.lemma(k) in V.SAY and adoc.lower(k - 1) in (",", "\"", "”", "'") else None


def _concessive(adoc: ArticleDoc, first: int) -> bool:
    """"whatever Russia claims", "despite what Moscow says", "despite (the) Russian claims", "contrary to
    Moscow's statements": not the one speaking."""
    k = first - 1 - (adoc.lower(first - 1) in ("the", "what"))
    if adoc.lower(first - 1) == "whatever" or (adoc.lower(first - 1) == "what"
                                               and adoc.lower(first - 2) in ("despite", "of")):
        return True
    # "despite (the) Russian claims", not "Despite Ukraine saying its troops hold X, Moscow said ..."
    return (adoc.lower(k) == "despite" or (adoc.lower(k), adoc.lower(k - 1)) in (("of", "spite"),
                                                                                ("to", "contrary"))) \
        and any(adoc.lemma(j) in V.SPEECH_NOUN for j in range(first, first + 4))


_CITING = frozenset({"reported", "published", "posted", "cited", "released", "circulated", "spread"})


#: what kind of report a speaker's report is: "the General Staff's morning report"
_REPORT_KINDS = frozenset({"morning", "evening", "daily", "latest", "weekly", "official", "regular",
                           "operational"})


def _cited(adoc: ArticleDoc, start: int) -> bool:
    """"according to (the) X", "according to a statement from X", "citing X", "circulated by X": X is the
    source of what the sentence says."""
    k = start - 1 - (adoc.lower(start - 1) in ("the", "a"))
    if adoc.lower(k) in ("from", "by", "of") and adoc.lemma(k - 1) in V.SPEECH_NOUN:  # "a statement from X"
        k -= 2 + (adoc.lower(k - 2) in _REPORT_KINDS)
        k -= adoc.lower(k) in ("the", "a", "an")
    return (adoc.lower(k) == "to" and adoc.lower(k - 1) == "according") or adoc.lower(k) == "citing" or (
        adoc.lower(k) == "by" and adoc.lower(k - 1) in _CITING)


#: what a person an actor phrase qualifies is ("Ukrainian military observer Kostyantyn Mashovets")
_ROLES = frozenset({"observer", "analyst", "expert", "blogger", "milblogger", "commentator", "correspondent",
                    "journalist", "reporter"})


def _with_role(adoc: ArticleDoc, span: Span, a: Actor) -> str:
    """An actor's words, with the role and the name after them when the actor only qualifies a person
    ("Ukrainian military" + "observer Kostyantyn Mashovets")."""
    if adoc.lower(a.end) not in _ROLES:
        return a.text
    end = a.end + 1
    while end < span.end and adoc.title(end) and end - a.end < 4:
        end += 1
    return adoc.text(a.start, end)


def _full_name(adoc: ArticleDoc, span: Span, a: Actor) -> str:
    """An actor's words with the given names before a surname the table knows ("Nazar Voloshyn")."""
    first = a.start
    while first > span.start and a.end - first < 4 and adoc.title(first - 1) \
            and first - 1 not in adoc.places \
            and adoc.lower(first - 1) not in _PERSON_STOP | DAY_WORDS:
        first -= 1
    return adoc.text(first, a.end) if a.end - a.start == 1 else a.text


def _people(adoc: ArticleDoc, span: Span, actors: Sequence[Actor]) -> list[Act]:
    """Persons and offices the actor table does not know, before or after a speech verb."""
    taken = {t for a in actors for t in range(a.start, a.end)}
    out = []
    lemmas = adoc.words.lemma
    for v in (k for k in range(span.start, span.end) if lemmas[k] in V.SPEECH_VERB):
        if v in taken or adoc.lower(v - 1) in V.DET or (v > span.start and adoc.title(v)):
            continue  # "the Reports", "the United States": a capital in mid-sentence is a name, not a verb
        who = _name_before(adoc, span, v, taken) or _name_after(adoc, span, v, taken)
        if who is not None:
            first, last = who
            words = adoc.text(first, last).split()
            role = adoc.text(last, min(span.end, last + 14)).lower().split() if last > v else \
                adoc.text(max(span.start, first - 14), first).lower().split() \
                + adoc.text(last, v).lower().split()
            # "Ukrainian military spokesman Illia Yevlash", "Russian war blogger Alexander Kots"
            title = next((a for a in actors if a.end == first and a.side != "unknown"), None)
            side = title.side if title else _office_side(words, role, adoc, last, actors)
            act = new_act(_name(words), side, adoc.lemma(v), v, first, PERSON)
            office = next((w.strip(",") for w in [*role, *(title.text.lower().split() if title else [])]
                           if w.strip(",") in OFFICES), "")
            out.append(replace(act, office=office,
                               voice=voice_kind([*title.text.split(), *words]) if title else act.voice))
    return out


#: offices a bare "the ..." names: their side is the one of the same office named before ("the ministry said")
OFFICES = frozenset({"ministry", "command", "military", "army", "navy", "governor", "spokesman",
                      "spokesperson", "administration", "mayor", "commander", "brigade", "corps"})
#: how an office is found
OFFICE = "an office named with the verb"


def _offices(adoc: ArticleDoc, span: Span, acts: Sequence[Act]) -> list[Act]:
    """"The ministry said ...", "..., the governor said": a bare office speaking (its side: see
    :func:`remembered`)."""
    out: list[Act] = []
    if OFFICES.isdisjoint(adoc.words.lower[span.start : span.end]):
        return out
    for v in (k for k in range(span.start, span.end) if adoc.lemma(k) in V.SPEECH_VERB):
        k = v - 1
        while k > span.start and between(adoc, k):
            k -= 1
        if adoc.lower(k) in OFFICES and adoc.lower(k - 1) == "the" and all(a.verb != v for a in acts):
            out.append(new_act(f"the {adoc.lower(k)}", "unknown", adoc.lemma(v), v, k - 1, OFFICE))
    return out


def _name(words: list[str]) -> str:
    """A person's name without the title before it ("the region's governor Vyacheslav Chaus" -> "Vyacheslav
    Chaus")."""
    k = 0
    while k < len(words) - 1 and words[k].lower() in _TITLES and words[k + 1][:1].isupper():
        k += 1
    return " ".join(words[k:])


def _office_side(words: list[str], role: list[str], adoc: ArticleDoc, last: int,
                 actors: Sequence[Actor]) -> Side:
    """The side a person or office with no title of a side speaks for: a local office (Ukraine's, unless
    installed by Russia), a body named in apposition ("Name, spokesperson for the Khortytsia group,"), else
    unknown."""
    lowered = {part for w in words + role for part in w.lower().strip(",").split("-")}
    if lowered & _LOCAL_OFFICE:
        return "RU" if lowered & _INSTALLED else "UA"
    body = [a for a in actors
            if last < a.start <= last + 12
            and adoc.lower(a.start - 1) in ("for", "of", "at", "the", "\"", "“")
            and "," in adoc.text(last, a.start)]
    return body[0].side if body else "unknown"


def _name_before(adoc: ArticleDoc, span: Span, v: int, taken: set[int]) -> tuple[int, int] | None:
    """"Serhiy Haidai said", "the regional governor said", "Nazar Voloshyn, spokesperson for X, said"."""
    j = v - 1
    while j >= span.start and (adoc.lower(j) in V.AUX or adverb(adoc, j)):
        j -= 1
    if adoc.lower(j) == ",":  # an apposition: "Name, spokesperson for the group, said"
        k = j - 1
        while k > span.start and adoc.lower(k) != "," and j - k < 16:
            k -= 1
        if adoc.lower(k) == ",":
            j = k - 1
    if j in adoc.places:  # "the governor of (the neighbouring) Zhytomyr region (, which ...,) said"
        k = j - 1
        while k > span.start and adoc.lower(k) in V.DET:
            k -= 1
        return (k - 1, j + 1) if adoc.lower(k) == "of" and adoc.lower(k - 1) in _LOCAL_OFFICE else None
    end = j + 1
    if adoc.lower(j) == "administration":  # "the oblast military administration said"
        while j > span.start and adoc.lower(j - 1) in _ADMINISTRATION and end - j < 5:
            j -= 1
        return (j, end) if j < end - 1 else None
    while j >= span.start and (adoc.title(j)
                               or adoc.lower(j) in ("governor", "mayor", "spokesman", "spokesperson")) \
            and j not in adoc.places and j not in taken and end - j < 5:
        j -= 1
    first = j + 1
    if (end - first < 1 or adoc.lower(first) in _PERSON_STOP
        or (end - first == 1 and adoc.lower(first) not in ("governor", "mayor") and not adoc.title(first))):
        return None
    if all(adoc.lower(k) in _NO_PERSON for k in range(first, end)):
        return None  # "Russian officials", "on 10 October, where ..., said": no person
    return first, end


def _name_after(adoc: ArticleDoc, span: Span, v: int, taken: set[int]) -> tuple[int, int] | None:
    """", said Oleg Grygorov, head of ...", ", the regional governor said" read the other way round."""
    if (adoc.lower(v - 1) not in (",", "\"", "”", "'", "’")
        or adoc.lower(v) not in ("said", "says", "told", "added", "wrote", "noted")):
        return None
    j = v + 1
    while j < span.end and adoc.lower(j) in ("the", "a", "regional", "local", "city", "region's", "military"):
        j += 1
    first = j
    while j < span.end and (adoc.title(j) or adoc.lower(j) in ("governor", "mayor", "head", "spokesman")) \
            and j not in adoc.places and j not in taken and j - first < 5:
        j += 1
    return (first, j) if j > first else None


def reported_denial(adoc: ArticleDoc, span: Span) -> bool:
    """"Kyiv denied the claim.", "Ukraine rejects this": a denial of what the sentence before said."""
    for i in range(span.start, span.end - 1):
        if adoc.lemma(i) in V.DENY and (adoc.lower(i + 1) in ("it", "this", "that", "them", "these") or (
                adoc.lower(i + 1) in ("the", "such", "these", "those", "this", "that", "both", "all", "their",
                                      "its", "moscow's", "russia's", "kyiv's", "ukraine's")
                and adoc.lemma(i + 2) in V.SPEECH_NOUN | {"report", "claim"})):
            return True
    return False


def reported_confirmation(adoc: ArticleDoc, span: Span) -> bool:
    """"ISW confirmed the breakthrough.", "DeepState backs this up": a confirmation of the sentence before
    (not "AFP could not confirm the claim")."""
    for i in range(span.start, span.end - 1):
        negated = not V.NEGATION.isdisjoint(adoc.words.lower[max(span.start, i - 3) : i])
        if not negated and adoc.lemma(i) in V.CONFIRM - V.ADMIT \
                and adoc.lower(i + 1) in ("the", "this", "that", "these", "such") and \
                adoc.lemma(i + 2) in V.SPEECH_NOUN | {"breakthrough", "advance", "capture", "withdrawal",
                                                      "gain", "account", "claim"}:
            return True
        if (adoc.lemma(i) == "back" and adoc.lower(i + 1) in ("this", "that", "it", "these", "them")
            and adoc.lower(i + 2) == "up"):
            return True
    return False
