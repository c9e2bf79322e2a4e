"""``geo explain`` on the bundled seed article: every claim names its rule and the reasons for its values; the
seed's facts (those ``../shared/tools/check_seed.py`` checks) each come with a claim line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geo.claims.rules import BY_ID
from geo.cli import app
from geo.evaluate import name_key
from geo.ingest.read import read_article
from geo.places.gazetteer import Gazetteer
from geo.work.process import explain_article, process_article
from tests.conftest import SEED

#: The seed's six facts (check_seed.py): the names a claim may carry, and the side it must give control to.
FACTS = (("Selydove", ("Selydove",), "RU"), ("Hirnyk", ("Hirnyk", "Girnyk"), "RU"),
         ("Bohoiavlenka", ("Bohoiavlenka", "Bogoyavlenka"), "RU"), ("Katerynivka", ("Katerynivka",), "RU"),
         ("Avdiivka", ("Avdiivka",), "RU"), ("Kursk region", ("Kursk region", "Kursk"), "UA"))
_CLAIM = re.compile(r"^ {2}(?:claim|"
                    r"kept) (?P<surface>.+?)  (?P<controller>\S+) \S+ · .* · rule (?P<rule>\S+)$")


def explain(cache_dir: Path, seeds: Path, *args: str) -> str:
    """Run ``geo explain`` on the seed article; its standard output."""
    result = CliRunner().invoke(app, ["explain", str(SEED), "--seeds", str(seeds), *args],
                                env={"GEO_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty seeds folder: no places.csv of the user's to change what is read."""
    return tmp_path_factory.mktemp("explain-seeds")


@pytest.fixture(scope="module")
def text(cache_dir: Path, seeds: Path) -> str:
    return explain(cache_dir, seeds)


@pytest.fixture(scope="module")
def reading(cache_dir: Path, seeds: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(explain(cache_dir, seeds, "--json"))
    return document


def claim_blocks(output: str) -> list[tuple[re.Match[str], list[str]]]:
    """Each ``claim`` line of the output with the reason lines under it."""
    blocks: list[tuple[re.Match[str], list[str]]] = []
    for line in output.splitlines():
        match = _CLAIM.match(line)
        if match and line.startswith("  claim "):
            blocks.append((match, []))
        elif blocks and line.startswith("      "):
            blocks[-1][1].append(line.strip())
    return blocks


def test_every_claim_names_its_rule_and_reasons(text: str, reading: dict[str, Any]) -> None:
    blocks = claim_blocks(text)
    assert blocks, text
    for match, reasons in blocks:
        assert match["rule"] in BY_ID and BY_ID[match["rule"]].kind != "block", match.group(0)
        for value in ("controller", "stance", "date"):
            assert any(r.startswith(f"{value} ")
                       for r in reasons), f"no {value} reason for {match.group(0)!r}"
    shown = {(m["surface"], m["controller"], m["rule"]) for m, _ in blocks}
    for claim in reading["claims"]:  # each claim the tool keeps comes from a claim line of some sentence
        assert claim["rule"] in BY_ID
        assert (claim["surface"], claim["controller"], claim["rule"]) in shown, claim


@pytest.mark.parametrize(("fact", "names", "controller"), FACTS, ids=[f[0] for f in FACTS])
def test_each_seed_fact_has_a_claim_line(text: str, reading: dict[str, Any], fact: str,
                                         names: tuple[str, ...], controller: str) -> None:
    keys = {name_key(n) for n in names}
    claims = [c for c in reading["claims"] if {name_key(c["surface"]), name_key(c["place"]["name"])} & keys
              and c["controller"] == controller]
    assert claims, f"no {controller} claim for {fact}; see geo explain {SEED.name} --place {names[-1]}"
    lines = {(m["surface"], m["controller"]) for m, _ in claim_blocks(text)}
    assert all((c["surface"], controller) in lines for c in claims)


def test_place_keeps_the_sentences_naming_it(cache_dir: Path, seeds: Path) -> None:
    output = explain(cache_dir, seeds, "--place", "Selydove")
    assert any(m["surface"] == "Selydove" for m, _ in claim_blocks(output)), output
    sentences = re.split(r"^(?=s\d+  )", output, flags=re.M)[1:]
    assert sentences and all("selydove" in s.split("\n  kept", 1)[0].casefold() for s in sentences)
    assert "Ryder" not in output  # the Kursk sentence names no Selydove


def test_json_is_the_whole_reading(text: str, reading: dict[str, Any], cache_dir: Path, seeds: Path) -> None:
    assert reading["article"]["published"] == "2024-10-29" and "text" not in reading["article"]
    assert [f"s{s['index']}" for s in reading["sentences"] if s["frames"] or s["blocked"] or s["claims"]] == \
        re.findall(r"^(s\d+)  ", text, flags=re.M)
    for sentence in reading["sentences"]:
        for trace in sentence["claims"]:
            assert trace["claim"]["rule"] in BY_ID and trace["reasons"]
            assert isinstance(trace["claim"]["place"], dict) and trace["claim"]["place"]["name"]
    raw = explain(cache_dir, seeds, "--json")
    # keys sorted, same each run
    assert raw.strip() == json.dumps(reading, sort_keys=True, ensure_ascii=False)


def test_a_missing_article_is_one_error_line(cache_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["explain", str(tmp_path / "none.md")],
                                env={"GEO_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 2 and result.stderr.startswith("error: ") and "Traceback" not in result.output


def test_explain_reads_as_run_does(gazetteer: Gazetteer) -> None:
    article = read_article(SEED)
    assert list(explain_article(article, gazetteer).claims) == process_article(article, gazetteer).claims
