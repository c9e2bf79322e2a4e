"""Speakers named before: a surname, an office or a pronoun that speaks for the one an earlier sentence named
("Vyacheslav Chaus, the region's governor, said ..." then "Chaus said ..."; "Russia's Defence Ministry said
..." then "The ministry said ..."; "Syrskyi visited the front. He said ...")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from geo.claims import vocab as V
from geo.claims.sides import find_actors, voice_kind
from geo.claims.tokens import ArticleDoc, Span
from geo.claims.voices import OFFICES, PERSON, Act, between, new_act


def remembered(acts: Sequence[Act], people: dict[str, Act]) -> list[Act]:
    """Acts of persons and offices, with the side of the one named earlier in the article under the same
    surname ("Vyacheslav Chaus, the region's governor, said ..." then "Chaus said ...") or office ("Russia's
    Defence Ministry said ..." then "The ministry said ..."); those whose side is known are added to
    ``people`` (surnames capitalised, offices in lower case)."""
    out = []
    for a in acts:
        keys = _known_as(a)
        known = people.get(keys[0]) if keys else None
        if a.side == "unknown" and known is not None:
            a = replace(a, who=known.who, side=known.side, voice=known.voice,
                        via=f"{a.via}, named before as {known.who}")
        elif a.side in ("RU", "UA") and len(a.who.split()) > 1:
            people.update((key, a) for key in keys)
        out.append(a)
    return out


def _known_as(act: Act) -> list[str]:
    """The keys a speaker is known by later: a person's surname and office ("Serhiy Bratchuk, spokesman for
    ..." is "Bratchuk" and "the spokesman"), an office's head noun."""
    last = act.who.split()[-1] if act.who else ""
    if act.via == PERSON and act.who[:1].isupper():
        return [last, *([act.office] if act.office else [])]
    return [last.lower()] if last.lower() in OFFICES else []


#: pronouns that may open a sentence as its speaker
_SPEAKING_PRONOUNS = frozenset({"he", "she", "it"})
#: pronouns "according to" cites
_CITED_PRONOUNS = frozenset({"him", "her", "it"})


def pronoun_act(adoc: ArticleDoc, span: Span, before: Span | None) -> Act | None:
    """"Syrskyi visited the front on Sunday. He said ...", "The ministry issued a briefing. It said ...",
    "According to him, ...": a pronoun opening a sentence that speaks stands for the person or office (not a
    force) the sentence before names first, when all it names are of one side."""
    speaking = _pronoun_speaking(adoc, span)
    if before is None or speaking is None:
        return None
    k, verb, lemma = speaking
    person = adoc.lower(k) != "it"  # "he", "him": a person, not an outlet ("Reuters spoke to a soldier.")
    named = [x for x in find_actors(adoc, before.start, before.end)
             if x.side != "unknown" and not x.military and not x.event
             and not (person and voice_kind(x.text.split()) == "media")]
    if not named or len({x.side for x in named}) > 1:
        return None  # "Zelensky hit back at Putin. He said ...": whose word, the pronoun does not say
    return new_act(named[0].text, named[0].side, lemma, verb, k,
                   f"'{adoc.lower(k)}' = '{named[0].text}', named before")


def _pronoun_speaking(adoc: ArticleDoc, span: Span) -> tuple[int, int, str] | None:
    """The pronoun opening a sentence that speaks, its speech verb and the verb's lemma: "He said ...",
    "According to him, ..." (the pronoun stands for the verb)."""
    k = span.start
    if adoc.lower(k) == "according" and adoc.lower(k + 1) == "to" and adoc.lower(k + 2) in _CITED_PRONOUNS:
        return k + 2, k + 2, "say"
    if adoc.lower(k) not in _SPEAKING_PRONOUNS:
        return None
    verb = k + 1
    while verb < span.end and between(adoc, verb) and adoc.lemma(verb) not in V.SPEECH_VERB:
        verb += 1
    return (k, verb, adoc.lemma(verb)) if adoc.lemma(verb) in V.SPEECH_VERB else None
