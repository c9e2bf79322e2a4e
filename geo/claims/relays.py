"""Who speaks when one voice relays another: "X, Reuters reported, citing the Ukrainian military" and
"Interfax quoted Pushilin as saying X" are the military's and Pushilin's word, not the outlet's."""

from __future__ import annotations

from collections.abc import Sequence

from geo.claims import vocab as V
from geo.claims.sides import Actor
from geo.claims.tokens import ArticleDoc, Span
from geo.claims.voices import OFFICE, OFFICES, PERSON, Act, find_acts, new_act
from geo.when_rules import DAY_WORDS

#: how near "citing" the verb or the name of the outlet that cites stands
_RELAY_REACH = 6
#: the verbs that quote a speaker "as saying"
_QUOTING = frozenset({"quoted", "cited", "quotes", "cites", "quoting", "citing"})
#: what the one quoted does: "quoted X as saying", "cited X as claiming"
_AS_SAYING = frozenset({"saying", "claiming", "stating", "reporting", "telling", "confirming"})
#: how an act quoted "as saying" is found
_QUOTED = "quoted 'as saying'"
#: how far before "as saying" the verb that quotes may stand ("Tass quoted Stanislav Orlov, commander of a
#: Russian brigade, as saying")
_QUOTE_REACH = 16


def heard(adoc: ArticleDoc, span: Span, actors: Sequence[Actor]) -> list[Act]:
    """The speech acts of a sentence, the ones an outlet relays given to the party it relays."""
    acts = [*find_acts(adoc, span, actors), *_quoted(adoc, span, actors)]
    return _relayed(adoc, sorted(acts, key=lambda x: x.verb))


def _relayed(adoc: ArticleDoc, acts: list[Act]) -> list[Act]:
    """"X, Reuters reported, citing the Ukrainian military", "Reuters, citing the ministry, said X": an outlet
    relaying a party's statement gives the party's word; the outlet's act is dropped."""
    relays = set()
    for cited in acts:
        k = cited.speaker - 1 - (adoc.lower(cited.speaker - 1) in ("the", "a", "an"))
        if adoc.lower(k) == "citing" and not _owns_a_thing(adoc, cited):
            # not "milbloggers said, citing the Ukrainian military's silence"
            relays |= {id(a) for a in acts if a is not cited and a.kind == "say" and a.voice == "media"
                       and (0 < k - a.verb <= _RELAY_REACH or 0 < k - a.speaker <= _RELAY_REACH)}
    return [a for a in acts if id(a) not in relays]


def _owns_a_thing(adoc: ArticleDoc, cited: Act) -> bool:
    """Whether a cited speaker owns what is cited ("citing the Ukrainian military's silence"), not a speaker
    whose name has an "'s" of its own ("citing Russia's defence ministry")."""
    names = cited.who.lower().split()
    return any(adoc.lower(p) in ("'s", "’s") and adoc.lower(p + 1) not in names
               for p in range(cited.speaker, cited.verb + 4))


def _quoted(adoc: ArticleDoc, span: Span, actors: Sequence[Actor]) -> list[Act]:
    """"Interfax quoted Pushilin as saying ...", "Maliar was quoted by the military as saying ...": the one
    quoted says what follows "as saying"."""
    out: list[Act] = []
    if _AS_SAYING.isdisjoint(adoc.words.lower[span.start : span.end]):
        return out
    for k in range(span.start + 2, span.end):
        if adoc.lower(k) not in _AS_SAYING or adoc.lower(k - 1) != "as":
            continue
        q = next((j for j in range(k - 2, max(span.start, k - _QUOTE_REACH), -1)
                  if adoc.lower(j) in _QUOTING), None)
        if q is None:
            continue
        act = _passive_speaker(adoc, span, actors, q, k) if adoc.lower(q - 1) in V.AUX else \
            _speaker_at(adoc, span, actors, q + 1 + (adoc.lower(q + 1) in ("the", "a", "an")), k)
        if act is not None:
            out.append(act)
    return out


def _passive_speaker(adoc: ArticleDoc, span: Span, actors: Sequence[Actor], q: int, verb: int) -> Act | None:
    """The subject of "... was quoted (by X) as saying": the actor that ends before the auxiliaries, else the
    (given name and) surname there ("Deputy Defence Minister Hanna Maliar was quoted")."""
    end = q - 1
    while end > span.start and adoc.lower(end - 1) in V.AUX:
        end -= 1
    actor = next((a for a in actors if a.end == end and not a.event), None)
    if actor is not None:
        return new_act(actor.text, actor.side, adoc.lemma(verb), verb, actor.start, _QUOTED)
    first = end
    while first > span.start and adoc.title(first - 1) and end - first < 2:
        first -= 1
    return _person(adoc, first, end, verb)


def _speaker_at(adoc: ArticleDoc, span: Span, actors: Sequence[Actor], first: int, verb: int) -> Act | None:
    """The act of the speaker whose words start at ``first``: an actor, an office ("the ministry's statement")
    or a person's capitalised name."""
    actor = next((a for a in actors if a.start == first and not a.event), None)
    if actor is not None:
        return new_act(actor.text, actor.side, adoc.lemma(verb), verb, first, _QUOTED)
    office = next((j for j in range(first, min(span.end, first + 3)) if adoc.lower(j) in OFFICES), None)
    if office is not None:  # "the ministry's statement", "the defence ministry"
        return new_act(f"the {adoc.lower(office)}", "unknown", adoc.lemma(verb), verb, first, OFFICE)
    end = first
    while end < span.end and adoc.title(end) and end - first < 4:
        end += 1
    return _person(adoc, first, end, verb)


def _person(adoc: ArticleDoc, first: int, end: int, verb: int) -> Act | None:
    """The act of a person the actor table does not know, quoted by name (not "Tuesday's bulletin")."""
    words = adoc.words.lower[first:end]
    if not words or not DAY_WORDS.isdisjoint(words):
        return None
    return new_act(adoc.text(first, end), "unknown", adoc.lemma(verb), verb, first, PERSON)
