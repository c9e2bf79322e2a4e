"""The rules' example sentences (:mod:`geo.claims.examples`, from corpus/dev and corpus/dev2) rewritten in
ways that keep their meaning must keep their claims: a rule that holds only for the corpus' own wording is a
rule written for a sentence, not for a construction of English.

Each rewrite is a plain edit of the sentence (the speaker moved, an adverb or an aside put in, a list's comma,
a tense, a side named otherwise); a sentence a rewrite does not apply to is left out of that rewrite's check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from geo.claims.cases import Example
from geo.claims.examples import EXAMPLES
from geo.models import Article
from geo.places.gazetteer import Gazetteer
from geo.work.process import process_article

MONDAY = date(2024, 2, 19)
Rewrite = Callable[[str], "str | None"]

_SPEAKER_FIRST = re.compile(r"^((?:[A-Z][\w'’.-]*\s){1,6}?)(said|says|reported|announced|claimed|stated)"
                            r"((?: on \w+| late on \w+| early on \w+)?)(?: that)? (.+?)\.?$")
_SPEAKER_LAST = re.compile(r"^(.+), ((?:the |a )?[\w'’ -]{3,60}?) (said|says|reported|announced)"
                           r"((?: on \w+)?)\.$")
_PERFECT = {"taken": "took", "retaken": "retook", "withdrawn": "withdrew", "driven": "drove",
            "seized": "seized", "captured": "captured", "liberated": "liberated", "freed": "freed",
            "regained": "regained", "recaptured": "recaptured", "pushed": "pushed", "entered": "entered",
            "left": "left", "pulled": "pulled", "abandoned": "abandoned", "won": "won", "cleared": "cleared"}
_HAVE = re.compile(r"\b(had|have|has) (?!been)")


def _replacing(name: str, doc: str, *edits: tuple[str, str]) -> Rewrite:
    """A rewrite that makes each edit (a pattern and its replacement) once, if the sentence has it."""
    def rewrite(text: str) -> str | None:
        out = text
        for pattern, replacement in edits:
            out = re.sub(pattern, replacement, out, count=1)
        return out if out != text else None

    rewrite.__name__ = rewrite.__qualname__ = name
    rewrite.__doc__ = doc
    return rewrite


_SIDE_FORCES = r"(?<![Tt]he )\b{side} (forces|troops)\b"
oxford_comma = _replacing(
    "oxford_comma", '"A, B and C" -> "A, B, and C" (a list of names).',
    (r"([A-Z][\w'-]*), ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*) and (?=[A-Z][\w'-]*(?:[.,;]| [a-z]))",
     r"\1, \2, and "))
bare_name = _replacing("bare_name", '"the village of X" -> "X".',
                       (r"\bthe (village|town|settlement|city) of ([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)", r"\2"))
other_side_names = _replacing(
    "other_side_names", '"Russian forces" -> "Moscow\'s troops", "Ukrainian forces" -> "Kyiv\'s forces".',
    (r"\bRussian (forces|troops)\b", "Moscow's troops"), (r"\bUkrainian (forces|troops)\b", "Kyiv's forces"))
stated = _replacing("stated", '"said" -> "stated".', (r"\bsaid\b", "stated"))
announced = _replacing("announced", '"said" -> "announced".', (r"\bsaid\b", "announced"))
reportedly_past = _replacing(
    "reportedly_past", '"Russian forces captured" -> "Russian forces reportedly captured".',
    (r"\b(Russian|Ukrainian) (forces|troops) (captured|took|seized|liberated|retook|recaptured|freed|"
     r"withdrew|entered)\b", r"\1 \2 reportedly \3"))
country_army = _replacing(
    "country_army", '"Russian forces" -> "Russia\'s army", "Ukrainian troops" -> "Ukraine\'s army".',
    (_SIDE_FORCES.format(side="Russian"), "Russia's army"),
    (_SIDE_FORCES.format(side="Ukrainian"), "Ukraine's army"))
place_adjectives = _replacing(
    "place_adjectives", '"the village of X" -> "the sprawling hilltop village of X" (unlisted modifiers).',
    (r"\bthe (village|town|settlement|city) of ", r"the sprawling hilltop \1 of "))
force_noun = _replacing(
    "force_noun", '"Russian forces" -> "Russian units", "Ukrainian troops" -> "Ukrainian soldiers".',
    (r"\b(Russian|Ukrainian) forces\b", r"\1 units"), (r"\b(Russian|Ukrainian) troops\b", r"\1 soldiers"))
armed_forces_of = _replacing(
    "armed_forces_of", '"Ukrainian forces" -> "the Armed Forces of Ukraine", and Russian ones -> "marines".',
    (_SIDE_FORCES.format(side="Ukrainian"), "the Armed Forces of Ukraine"),
    (_SIDE_FORCES.format(side="Russian"), "Russian marines"))


def speaker_last(text: str) -> str | None:
    """"X said (on Monday) (that) S." -> "S, X said (on Monday).\""""
    m = _SPEAKER_FIRST.match(text)
    if m is None:
        return None
    body = m.group(4).rstrip(".")
    return f"{body[0].upper()}{body[1:]}, {m.group(1).strip()} {m.group(2)}{m.group(3)}."


def speaker_first(text: str) -> str | None:
    """"S, the ministry said." -> "The ministry said that S.\""""
    m = _SPEAKER_LAST.match(text)
    if m is None:
        return None
    speaker = m.group(2)
    return f"{speaker[0].upper()}{speaker[1:]} {m.group(3)}{m.group(4)} that {m.group(1)}."


def also(text: str) -> str | None:
    """"had taken" -> "had also taken"."""
    return _HAVE.sub(r"\1 also ", text, count=1) if _HAVE.search(text) else None


def reportedly(text: str) -> str | None:
    """"had taken" -> "had reportedly taken"."""
    return _HAVE.sub(r"\1 reportedly ", text, count=1) if _HAVE.search(text) else None


def opening_adverb(text: str) -> str | None:
    """"Russian forces ..." -> "Meanwhile, Russian forces ..."."""
    return "Meanwhile, " + text if text.startswith(("Russian ", "Ukrainian ")) else None


def long_opening(text: str) -> str | None:
    """A long adverbial clause before the sentence."""
    if not text.startswith(("Russian ", "Ukrainian ", "The ")):
        return None
    return ("After weeks of heavy shelling and with reserves running short on both sides of the front, "
            + text[0].lower() + text[1:])


def long_ending(text: str) -> str | None:
    """A long apposition after the sentence."""
    if not text.endswith("."):
        return None
    return text[:-1] + (", a development that military analysts said could change the course of the campaign "
                        "in the coming weeks.")


def according_to(text: str) -> str | None:
    """A sentence with no speaker of its own gets "according to the statement"."""
    if not text.endswith(".") or re.search(r"\b(said|says|according)\b", text):
        return None
    return text[:-1] + ", according to the statement."


def simple_past(text: str) -> str | None:
    """"had taken" -> "took" (not "to have taken")."""
    m = re.search(r"(?<!to )(?<!would )(?<!will )\b(had|have|has) (" + "|".join(_PERFECT) + r")\b", text)
    return text[:m.start()] + _PERFECT[m.group(2)] + text[m.end():] if m else None


def subject_aside(text: str) -> str | None:
    """"Russian forces had taken" -> "Russian forces, backed by artillery and drones, had taken"."""
    m = re.search(r"\b(Russian|Ukrainian) (forces|troops|units)\b(?= (had|have|has|captured|took|seized|"
                  r"liberated|retook|recaptured|freed|withdrew|entered|regained|were|are)\b)", text)
    return text[:m.end()] + ", backed by artillery and drones," + text[m.end():] if m else None


_TAKING = (r"\b(captured|took|seized|liberated|retook|recaptured|freed|entered|taken|withdrawn from|"
           r"withdrew from) (the (?:village|town|city|settlement) of )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")


def place_apposition(text: str) -> str | None:
    """"captured X on Monday" -> "captured X, a small settlement near the front line, on Monday"."""
    m = re.search(_TAKING + r"(?=\.$| [a-z])", text)
    if m is None:
        return None
    aside = ", a small settlement near the front line"
    return text[:m.end()] + aside + ("" if text[m.end()] == "." else ",") + text[m.end():]


def village_of(text: str) -> str | None:
    """"captured X" -> "captured the village of X"."""
    m = re.search(_TAKING + r"(?=[ .,])", text)
    return text[:m.start(3)] + "the village of " + text[m.start(3):] if m and not m.group(2) else None


def day_after_place(text: str) -> str | None:
    """"captured X, a town ..." -> "captured X on Tuesday, a town ..." (a sentence naming no weekday)."""
    if re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text):
        return None
    m = re.search(_TAKING + r"(?=[ .,])(?!\s[A-Z])", text)
    return text[:m.end()] + " on Tuesday" + text[m.end():] if m else None


REWRITES: tuple[Rewrite, ...] = (speaker_last, speaker_first, also, reportedly, oxford_comma, opening_adverb,
                                 long_opening, long_ending, according_to, simple_past, bare_name,
                                 other_side_names, subject_aside, place_apposition, village_of, stated,
                                 reportedly_past, country_army, place_adjectives, announced, force_noun,
                                 day_after_place, armed_forces_of)


def claims_alone(text: str, gazetteer: Gazetteer, published: date | None) -> set[tuple[str, str, str]]:
    """The claims a text makes read alone, as (surface folded, controller, event); also used by
    ``scripts/rewrite_check.py``."""
    article = Article("case", "case.md", "case", published or MONDAY, "example.org", "https://example.org/case",
                      text)
    return {(c.surface.casefold(), c.controller, c.event) for c in process_article(article, gazetteer).claims}


def _examples() -> list[tuple[str, Example]]:
    return [(rule_id, e) for rule_id, examples in sorted(EXAMPLES.items()) for e in examples]


def test_the_rewrites_apply_to_enough_examples() -> None:
    """Each rewrite changes at least a few of the examples (else it checks nothing)."""
    counts = {r.__name__: sum(1 for _, e in _examples() if r(e.text) not in (None, e.text)) for r in REWRITES}
    assert all(n >= 2 for n in counts.values()), counts
    assert also("Russian forces had taken X.") == "Russian forces had also taken X."
    assert speaker_last("Kyiv said on Monday that Russian forces had taken X.") == \
        "Russian forces had taken X, Kyiv said on Monday."


@pytest.mark.parametrize("rewrite", REWRITES, ids=[r.__name__ for r in REWRITES])
def test_an_example_rewritten_keeps_its_claims(gazetteer: Gazetteer, rewrite: Rewrite) -> None:
    lost = []
    for rule_id, example in _examples():
        text = rewrite(example.text)
        if text is None or text == example.text:
            continue
        got = claims_alone(text, gazetteer, example.published)
        missing = [t for t in example.expect if (t[0].casefold(), t[1], t[2]) not in got]
        if missing:
            lost.append(f"{rule_id} ({example.article}): {text!r} lost {missing}")
    assert not lost, "\n".join(lost)
