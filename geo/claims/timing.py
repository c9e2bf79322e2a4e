"""When a frame's event happened: the time expressions of its sentence (:mod:`geo.when`) as token ranges, and
the one that dates the trigger's clause."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from geo import settings
from geo.claims import vocab as V
from geo.claims.frames import Frame
from geo.claims.tokens import ArticleDoc, Span
from geo.models import When
from geo.when import find_times

_OPENING = frozenset({"on", "in", "by", "since", "as", "of", "earlier", "later", "the", "early", "late", "at",
                      "during", "from", "overnight", "between"})


def sentence_times(adoc: ArticleDoc, span: Span, reference: date | None,
                   last_day: date | None) -> list[tuple[When, int]]:
    """The time expressions of a sentence, each with its first token; not those that are a place's name."""
    out = []
    base = span.sentence.start
    for w in find_times(span.sentence.text, reference, last_day):
        tokens = adoc.tokens_at(base + w.start, base + w.end)
        if tokens is None or any(t in adoc.places for t in range(*tokens)) or (
                adoc.lower(tokens[0] - 1) in (",", "and") and tokens[0] - 2 in adoc.places):
            continue  # a name in a list of places ("A, B and 10th October") is not a date
        out.append((w, tokens[0]))
    return out


#: how near its trigger or place a time before the war makes a frame history ("liberated Kharkiv in 1943")
_HISTORY_REACH = 6
#: what parts a time from the frame: a noun phrase of its own, or an aside
_PARTS_A_TIME = V.DET | {","}


def _history_of(adoc: ArticleDoc, f: Frame, t: int) -> bool:
    """Whether a time before the war at ``t`` dates the frame: near its trigger or a place of it, with no
    noun phrase or aside of its own between ("liberated Kharkiv in August 1943"; not "compared the fighting
    in Krynky with the attempt in 1915", "captured Lastochkyne, founded in 1932, on Sunday")."""
    anchor = min((*f.trigger, *(g.token for g in f.targets)), key=lambda k: abs(t - k))
    between = range(min(anchor, t) + 1, max(anchor, t))
    return abs(t - anchor) <= _HISTORY_REACH and not any(adoc.lower(k) in _PARTS_A_TIME for k in between)


def time_of(adoc: ArticleDoc, f: Frame, times: Sequence[tuple[When, int]]) -> tuple[When | None, str]:
    """The time of the trigger's clause, or one opening the sentence; the day of an event beats the day of the
    statement that reports it."""
    span = adoc.span(f.sentence)
    clause = adoc.clause[f.trigger[0]]
    usable = []
    for w, t in times:
        if history(w) and not _history_of(adoc, f, t):
            continue  # "the fighting in Krynky and ... the attempt in 1915 to take the Dardanelles"
        opening = all(adoc.lower(k) in _OPENING for k in range(span.start, t))
        if (adoc.clause[t] != clause and not opening) or _in_a_relative(adoc, f.trigger[0], t):
            continue
        statement = any(adoc.lemma(k) in V.SPEECH_VERB
                        for k in range(max(span.start, t - 3), min(span.end, t + 4))
                        if k < t or adoc.lower(k) in ("said", "says", "told", "announced", "reported",
                                                      "stated", "claimed"))
        usable.append((statement, abs(t - f.trigger[0]), w))
    if not usable:
        return None, ""
    statement, _, best = min(usable, key=lambda u: (u[0], u[1]))
    return best, f"'{best.text}' in the trigger's clause" + (" (the day it was said)" if statement else "")


#: what opens a restrictive relative clause ("a rail hub that Ukraine recaptured in September 2022")
_RELATIVE_OPENERS = frozenset({"that", "which", "who", "whom"})


def _in_a_relative(adoc: ArticleDoc, trigger: int, t: int) -> bool:
    """Whether the time at ``t`` is in a relative clause the trigger is not in: "Kupiansk, a rail hub that
    Ukraine recaptured in September 2022, is again under attack" (not "said that ... on Monday")."""
    k = next((k for k in range(t - 1, max(0, t - 10), -1) if adoc.lower(k) in _RELATIVE_OPENERS), None)
    if k is None or adoc.lemma(k - 1) in V.SPEECH_VERB or adoc.lower(k - 1) in ("so", "such", "now") \
            or adoc.words.punct[k - 1]:
        return False
    end = next((j for j in range(t, len(adoc.words.lower)) if adoc.lower(j) in (",", ";", ".", ")")),
               len(adoc.words.lower))
    return not k < trigger < end  # the trigger outside the clause the time is in


def history(when: When | None) -> bool:
    """Whether a time is before the war began: the attempt in 1915 to take the Dardanelles, the liberation of
    Kharkiv in 1943, not a claim of this war."""
    return when is not None and when.event_date is not None and when.event_date.year < settings.WAR_START_YEAR


def own_time(adoc: ArticleDoc, times: Sequence[tuple[When, int]], place: int) -> When | None:
    """A time right after a place of a list is that place's ("took A on Monday and B last Wednesday", "A on
    27 July and B in late August")."""
    after = (place + 1, place + 2) if adoc.lower(place + 1) in ("on", "in") else (place + 1,)
    return next((w for w, t in times if t in after), None)
