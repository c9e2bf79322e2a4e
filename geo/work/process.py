"""The work of one article, wherever it runs (see :mod:`geo.work.parallel`): recognise the places it names,
resolve them, extract its claims. The result is a plain record, the same whichever process made it."""

from __future__ import annotations

import functools
import gc
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from geo import settings
from geo.claims.engine import extract_claims, read_claims
from geo.claims.trace import Reading
from geo.models import Article, Claim, Place, Resolved, Unresolved
from geo.places.gazetteer import Gazetteer
from geo.places.recognize import candidate_names, find_mentions
from geo.places.resolve import resolve_mentions
from geo.places.sentences import long_sentences

log = logging.getLogger(__name__)

#: What the online pass found for the names no offline source places, by name (None: nothing found).
Answers = Mapping[str, Place | None]


@dataclass(frozen=True, slots=True)
class Processed:
    """What one article gave: its resolved mentions, the names nothing matched, its claims, and the names it
    holds with what the gazetteer made of each (for re-reading it when that changes). ``failure`` says why an
    article could not be processed (it is then skipped and named, and nothing else is kept); ``notes`` are
    warnings for the user about how it was read."""

    resolved: list[Resolved]
    unresolved: list[Unresolved]
    claims: list[Claim]
    names: dict[str, str]
    failure: str | None = None
    notes: tuple[str, ...] = ()


def process_article(article: Article, gazetteer: Gazetteer, answers: Answers | None = None) -> Processed:
    """Recognise, resolve and extract the claims of one article; ``answers`` (of the online pass) place the
    names no offline source does. Whatever goes wrong with one article stays with it: the result says so in
    ``failure``."""
    try:
        return _process(article, gazetteer, answers)
    except Exception as err:  # noqa: BLE001 - one article that breaks a rule no one foresaw must not stop the others
        log.debug("processing %s failed", article.path, exc_info=True)
        return Processed([], [], [], {}, failure=f"could not be processed ({type(err).__name__}: "
                                                 f"{str(err)[:200]}); please report this with the file")


def names_to_look_up(article: Article, gazetteer: Gazetteer) -> list[str]:
    """The names of an article no offline source places, in the article's order: what the online pass looks up
    before the article is read (none if it cannot be read: reading it then says why)."""
    try:
        resolved, unresolved = _resolve(article, gazetteer, None)
    except Exception:  # noqa: BLE001 - process_article names the failure
        log.debug("finding the names of %s failed", article.path, exc_info=True)
        return []
    return list(dict.fromkeys([r.mention.surface for r in resolved if _guessed(r)]
                              + [u.surface for u in unresolved if not u.candidates]))


def _guessed(r: Resolved) -> bool:
    """A name no source knows, drawn at the region the article names (not a place a source knows, nor a name
    left out for a reason)."""
    return r.candidates == 0 and r.place.precision == "region" and r.place.feature == "settlement"


def _online(resolved: list[Resolved], unresolved: list[Unresolved], answers: Answers
            ) -> tuple[list[Resolved], list[Unresolved]]:
    """The names no source places, placed where the online pass found them."""
    placed, still = [], []
    for r in resolved:
        place = answers.get(r.mention.surface) if _guessed(r) else None
        placed.append(r if place is None else Resolved(r.mention, place, 1, "found online"))
    for u in unresolved:
        place = None if u.candidates else answers.get(u.surface)
        if place is None:
            still.append(u)
        else:
            placed.append(Resolved(u.mention, place, 1, "found online"))
    return sorted(placed, key=lambda r: r.mention.start), still


#: objects allocated (less those freed) before the garbage collector looks at the young ones again; Python's
#: own 700 made it look about 20 times an article (0.15 ms an article on ``benchmarks/``' corpus), for cycles
#: that reading an article hardly makes
YOUNG_COLLECTION_THRESHOLD = 10_000


@functools.cache
def warm_up() -> None:
    """Load what reading claims needs (spaCy's tokenizer, its lemma table, the rules) once per process, then
    hide every object alive from the garbage collector (``gc.freeze``) and let it look at young objects less
    often. Those objects live as long as the process; left in sight, each full collection walks them all
    again, which cost 0.4 ms an article on ``benchmarks/``' corpus. Call it once the gazetteer is open, before
    the first article."""
    try:
        extract_claims(Article("", "", "", None, None, None, "Russian forces said they captured the town."),
                       [])
    except Exception:  # noqa: BLE001 - then each article says what fails, as process_article reports it
        log.debug("warming up the claim engine failed", exc_info=True)
        return
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])


def explain_article(article: Article, gazetteer: Gazetteer) -> Reading:
    """The claims of one article with how each sentence gave them (what ``geo explain`` shows): the places
    found and resolved as :func:`process_article` finds them, read with the claim rules' trace on. Errors
    propagate."""
    resolved, _ = _resolve(article, gazetteer, None)
    return read_claims(article, resolved, trace=True)


def _resolve(article: Article, gazetteer: Gazetteer,
             answers: Answers | None) -> tuple[list[Resolved], list[Unresolved]]:
    """The places an article names, resolved; those no source knows placed by ``answers`` when given."""
    resolved, unresolved = resolve_mentions(find_mentions(article.id, article.text, gazetteer), gazetteer,
                                            article.text)
    if answers is not None:
        resolved, unresolved = _online(resolved, unresolved, answers)
    return resolved, unresolved


def _process(article: Article, gazetteer: Gazetteer, answers: Answers | None) -> Processed:
    resolved, unresolved = _resolve(article, gazetteer, answers)
    long = long_sentences(article.text)
    notes = (f"{long} sentence(s) longer than {settings.MAX_SENTENCE_CHARS:,} characters were read in pieces "
             "cut at clauses; a claim spread across a cut may be missed",) if long else ()
    return Processed(resolved, unresolved, extract_claims(article, resolved),
                     gazetteer.name_states(candidate_names(article.text)), notes=notes)
