"""Who speaks other than as a speaker with its verb: when one voice relays another ("X, Reuters reported,
citing the Ukrainian military" and "Interfax quoted Pushilin as saying X" are the military's and Pushilin's
word, not the outlet's), in a participle after a speaker's verb ("..., the military said, rejecting Russia's
claim that ..."; "The ministry went further, claiming that ...") and as the agent of a denial ("a claim denied
by Kyiv")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from geo.claims import vocab as V
from geo.claims.sides import Actor
from geo.claims.tokens import ArticleDoc, Span
from geo.claims.voices import OFFICE, OFFICES, PERSON, Act, between, find_acts, new_act
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
    """The speech acts of a sentence (a speaker and its verb, and the other forms below), the ones an outlet
    relays given to the party it relays."""
    acts = find_acts(adoc, span, actors)
    acts += [*_quoted(adoc, span, actors), *_denying_participles(adoc, span, acts),
             *_speaking_participles(adoc, span, actors, acts), *_denied_by(adoc, span, actors, acts)]
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


#: participles of speech going on from their subject's other verb ("The ministry went further, claiming ...")
_SPEAKING = frozenset({"claiming", "saying", "insisting", "stating", "asserting", "arguing", "announcing"})


def _speaking_participles(adoc: ArticleDoc, span: Span, actors: Sequence[Actor],
                          acts: Sequence[Act]) -> list[Act]:
    """"The Russian Defense Ministry went further, claiming that ...": a participle of speech after a comma is
    said by the sentence's subject (its first actor, in no phrase and owning nothing: not "despite Zelensky's
    pledges"; not a force: "Russian troops captured X, announcing ..." stays unattributed), when no act
    before it has a speaker."""
    if _SPEAKING.isdisjoint(adoc.words.lower[span.start : span.end]):
        return []
    for k in range(span.start + 2, span.end):
        if adoc.lower(k) in _SPEAKING and adoc.lower(k - 1) == "," and not any(a.verb <= k for a in acts):
            subject = next((a for a in actors
                            if a.end <= k and not a.event and not _in_a_phrase(adoc, a)), None)
            if subject is not None and not subject.military \
                    and adoc.clause[subject.start] == adoc.clause[k - 2]:
                return [new_act(subject.text, subject.side, adoc.lemma(k), k, subject.start,
                                f"subject of '{adoc.lower(k)}'")]
    return []


#: words before an actor that put it in a phrase, not in the subject ("After talks with Zelensky, ...")
_IN_A_PHRASE = V.PREP_AT | frozenset({"despite", "after", "before", "with", "from", "by", "amid", "than"})


def _in_a_phrase(adoc: ArticleDoc, a: Actor) -> bool:
    """Whether an actor stands in a phrase ("despite Zelensky's pledges") or owns what follows it."""
    return adoc.lower(a.start - 1 - (adoc.lower(a.start - 1) == "the")) in _IN_A_PHRASE \
        or adoc.lower(a.end) in ("'s", "’s")


def _denied_by(adoc: ArticleDoc, span: Span, actors: Sequence[Actor], acts: Sequence[Act]) -> list[Act]:
    """"..., a claim denied by Ukraine", "Russia's claim ... was rejected by Kyiv": the agent of a denying
    participle denies what a report before it says (not "an offer was rejected by Kyiv")."""
    out: list[Act] = []
    for a in actors:
        k = a.start - 1 - (adoc.lower(a.start - 1) == "the")
        verb = k - 1
        if (adoc.lower(k) == "by" and adoc.lemma(verb) in V.DENY and adoc.lower(verb).endswith("ed")
                and not a.event and all(x.verb != verb for x in acts)
                and any(adoc.lemma(j) in V.SPEECH_NOUN for j in range(max(span.start, verb - 14), verb))):
            out.append(new_act(a.text, a.side, adoc.lemma(verb), verb, a.start,
                               f"agent of '{adoc.lower(verb)}'"))
    return out


def _denying_participles(adoc: ArticleDoc, span: Span, acts: Sequence[Act]) -> list[Act]:
    """"X is still held, the military said on Monday, rejecting Russia's claim that ...": a denying participle
    right after a speaker's verb (past a day) is that speaker's denial of the report it names."""
    out: list[Act] = []
    if not acts or V.DENY.isdisjoint(adoc.words.lemma[span.start : span.end]):
        return out
    for act in acts:
        k = act.verb + 1
        while k < span.end and k - act.verb < 6 and (between(adoc, k) or adoc.lower(k) in DAY_WORDS
                                                     or adoc.number(k)):
            k += 1
        denying = k + 1
        names_a_report = any(adoc.lemma(n) in V.SPEECH_NOUN for n in range(denying + 1, min(span.end, k + 7)))
        if (act.kind != "deny" and adoc.lower(k) == "," and adoc.lower(denying).endswith("ing")
                and adoc.lemma(denying) in V.DENY and names_a_report):
            out.append(replace(act, kind="deny", verb=denying, via=f"'{adoc.lower(denying)}' after its verb"))
    return out
