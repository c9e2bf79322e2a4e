"""Every claim rule's example sentences and counter-examples (:mod:`geo.claims.examples`), each read alone
through the whole path (places found and resolved, then claims), published on Monday 19 February 2024 unless
it says otherwise."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from geo.claims.cases import Counter, Example
from geo.claims.counters import COUNTERS
from geo.claims.examples import EXAMPLES, UNPROVEN
from geo.claims.rules import RULES
from geo.claims.trace import Reading
from geo.models import Article, Claim
from geo.places.gazetteer import Gazetteer
from geo.work.process import explain_article, process_article

MONDAY = date(2024, 2, 19)
KINDS = {rule.id: rule.kind for rule in RULES}
VETOES = {rule_id for rule_id, kind in KINDS.items() if kind == "block"}
CORPUS_ID = re.compile(r"[xy]\d{3}")


def _article(text: str, published: date | None = None) -> Article:
    return Article("case", "case.md", "case", published or MONDAY, "example.org", "https://example.org/case",
                   text)


def _claims(text: str, gazetteer: Gazetteer, published: date | None = None) -> list[Claim]:
    processed = process_article(_article(text, published), gazetteer)
    assert processed.failure is None, processed.failure
    return processed.claims


def _trace(reading: Reading) -> str:
    """What read_claims saw, for a failure's message: each sentence's frames, blocked triggers and claims."""
    lines = []
    for s in reading.sentences:
        lines += [f"  frame   {f}" for f in s.frames]
        lines += [f"  blocked {b.rule} {b.text!r}: {b.why}" for b in s.blocked]
        lines += [f"  claim   {t.claim.surface} {t.claim.controller} {t.claim.event} [{t.claim.rule}]"
                  for t in s.claims]
    return "\n".join(lines) or "  (nothing)"


def _explained(text: str, gazetteer: Gazetteer, published: date | None = None) -> str:
    return _trace(explain_article(_article(text, published), gazetteer))


def _params(table: Mapping[str, Sequence[Example | Counter]], vetoes: bool) -> list[Any]:
    """One test per sentence, named by its rule, its article and its place in the rule's list."""
    return [pytest.param(rule_id, case, id=f"{rule_id}-{case.article}-{n}")
            for rule_id, cases in sorted(table.items()) if (rule_id in VETOES) == vetoes
            for n, case in enumerate(cases)]


@pytest.mark.parametrize(("rule_id", "example"), _params(EXAMPLES, vetoes=False))
def test_example(rule_id: str, example: Example, gazetteer: Gazetteer) -> None:
    claims = _claims(example.text, gazetteer, example.published)
    got = {(c.surface, c.controller, c.event) for c in claims}
    missing = [t for t in example.expect if t not in got]
    by_rule = [c for c in claims
               if c.rule == rule_id and (c.surface, c.controller, c.event) in example.expect]
    assert not missing and by_rule, (
        f"{rule_id} on {example.article}: missing {missing}, by the rule {len(by_rule)}; "
        f"got {sorted((c.surface, c.controller, c.event, c.rule) for c in claims)}\n"
        f"{_explained(example.text, gazetteer, example.published)}")


@pytest.mark.parametrize(("rule_id", "counter"), _params(COUNTERS, vetoes=False))
def test_counter(rule_id: str, counter: Counter, gazetteer: Gazetteer) -> None:
    wrong = [(c.surface, c.controller, c.event) for c in _claims(counter.text, gazetteer)
             if c.rule == rule_id and (not counter.absent or c.surface in counter.absent)]
    assert not wrong, f"{rule_id} claims {wrong} on {counter.article}\n{_explained(counter.text, gazetteer)}"


@pytest.mark.parametrize(("rule_id", "counter"), _params(COUNTERS, vetoes=True))
def test_veto(rule_id: str, counter: Counter, gazetteer: Gazetteer) -> None:
    """The veto overlaps a trigger of another rule, and that rule claims none of the absent places."""
    reading = explain_article(_article(counter.text), gazetteer)
    vetoed = {b.rule for s in reading.sentences for b in s.blocked if b.why == f"overlaps {rule_id}"}
    assert vetoed, f"{rule_id} vetoes nothing on {counter.article}\n{_trace(reading)}"
    wrong = [(c.surface, c.controller, c.event, c.rule) for c in _claims(counter.text, gazetteer)
             if c.rule in vetoed and (not counter.absent or c.surface in counter.absent)]
    assert not wrong, f"{rule_id} let through {wrong} on {counter.article}\n{_trace(reading)}"


def test_every_rule_has_its_examples() -> None:
    """Two examples from two articles of dev/dev2 and a counter-example for every rule that claims; a
    counter-example for every veto; no example for a rule that is not a row."""
    assert set(EXAMPLES) <= set(KINDS) - VETOES, set(EXAMPLES) - (set(KINDS) - VETOES)
    assert set(COUNTERS) <= set(KINDS), set(COUNTERS) - set(KINDS)
    assert set(UNPROVEN) <= set(KINDS) - VETOES, set(UNPROVEN) - (set(KINDS) - VETOES)
    proven = [r for r in UNPROVEN if len({e.article for e in EXAMPLES.get(r, ())}) >= 2]
    assert not proven, f"examples from two articles: take {proven} out of UNPROVEN"
    lacking = []
    for rule_id, kind in KINDS.items():
        if kind == "block":
            if not COUNTERS.get(rule_id):
                lacking.append(f"{rule_id}: no sentence it vetoes")
            continue
        if rule_id in UNPROVEN:
            continue
        examples = EXAMPLES.get(rule_id, ())
        if len(examples) < 2 or len({e.article for e in examples}) < 2:
            lacking.append(f"{rule_id}: {len(examples)} examples from {len({e.article for e in examples})} "
                           "articles")
        if not COUNTERS.get(rule_id):
            lacking.append(f"{rule_id}: no counter-example")
    assert not lacking, lacking
    written = [(r, e.article) for r, examples in EXAMPLES.items() for e in examples
               if not CORPUS_ID.fullmatch(e.article)]
    assert not written, f"examples must come from corpus/dev or corpus/dev2 (x### / y###): {written}"
    assert all(e.expect for examples in EXAMPLES.values() for e in examples)


def test_the_readme_lists_every_rule_as_declared() -> None:
    """The README's rule table is the one the rows make (regenerate it with scripts/rule_table.py)."""
    from geo.claims.catalog import replace_in

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert (replace_in(readme)
            == readme), "README.md's claim rule table is stale: run python scripts/rule_table.py"
