"""Speakers named before: a surname, an office or a pronoun that speaks for the one an earlier sentence named
("Vyacheslav Chaus, the region's governor, said ..." then "Chaus said ..."; "Russia's Defence Ministry said
..." then "The ministry said ..."; "Syrskyi visited the front. He said ...")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from geo.claims.sides import find_actors
from geo.claims.tokens import ArticleDoc, Span
from geo.claims.voices import BETWEEN, OFFICES, PERSON, SPEECH_LEMMAS, Act, new_act


def remembered(acts: Sequence[Act], people: dict[str, Act]) -> list[Act]:
    """Acts of persons and offices, with the side of the one named earlier in the article under the same
    surname ("Vyacheslav Chaus, the region's governor, said ..." then "Chaus said ...") or office ("Russia's
    Defence Ministry said ..." then "The ministry said ..."); those whose side is known are added to
    ``people`` (surnames capitalised, offices in lower case)."""
    out = []
    for a in acts:
        key = _known_as(a)
        known = people.get(key)
        if a.side == "unknown" and known is not None:
            a = replace(a, who=known.who, side=known.side, voice=known.voice,
                        via=f"{a.via}, named before as {known.who}")
        elif key and a.side in ("RU", "UA") and len(a.who.split()) > 1:
            people[key] = a
        out.append(a)
    return out


def _known_as(act: Act) -> str:
    """The key a speaker is known by later: a person's surname, an office's head noun."""
    last = act.who.split()[-1] if act.who else ""
    if act.via == PERSON and act.who[:1].isupper():
        return last
    return last.lower() if last.lower() in OFFICES else ""


#: pronouns that may open a sentence as its speaker, and whether they stand for a person or an office
_SPEAKING_PRONOUNS = frozenset({"he", "she", "it"})


def pronoun_act(adoc: ArticleDoc, span: Span, before: Span | None) -> Act | None:
    """"Syrskyi visited the front on Sunday. He said ...", "The ministry issued a briefing. It said ...": a
    pronoun opening a sentence that speaks stands for the last person or office (not a force) the sentence
    before names."""
    k = span.start
    if before is None or adoc.lower(k) not in _SPEAKING_PRONOUNS:
        return None
    verb = k + 1
    while verb < span.end and adoc.lower(verb) in BETWEEN and adoc.lemma(verb) not in SPEECH_LEMMAS:
        verb += 1
    if adoc.lemma(verb) not in SPEECH_LEMMAS:
        return None
    named = [x for x in find_actors(adoc, before.start, before.end)
             if x.side != "unknown" and not x.military and not x.event]
    if not named:
        return None
    return new_act(named[-1].text, named[-1].side, adoc.lemma(verb), verb, k,
                f"'{adoc.lower(k)}' = '{named[-1].text}', named before")
