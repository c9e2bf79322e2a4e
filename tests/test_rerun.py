"""Re-runs: only the new work, nothing lost or doubled, bad files named and skipped, never a corrupt store."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo import settings
from geo.cli import app
from tests.conftest import write_article

OUTPUTS = ("map.html", "claims.geojson", "claims.csv", "places.geojson")
ARTICLES = {
    "toretsk.md": ("On Friday, Russia's defence ministry said its troops had taken Toretsk.", "2025-02-07"),
    "kupiansk.md": ("Ukraine's General Staff said on Monday that its troops had recaptured Kupiansk.",
                    "2024-02-19"),
    "robotyne.md": ("Ukrainian troops liberated Robotyne on Monday, the military said.", "2023-08-28"),
}


def geo(cache_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"GEO_CACHE_DIR": str(cache_dir)})
    return result.exit_code, result.stderr


def claims(out: Path) -> dict[str, dict[str, object]]:
    features = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    return {f["properties"]["claim_id"]: f["properties"] for f in features}


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, (text, day) in ARTICLES.items():
        write_article(folder, name, text, published=day, url=f"https://example.org/{name}")
    return folder


def run(cache_dir: Path, seeds: Path) -> tuple[int, str]:
    return geo(cache_dir, "run", "--seeds", str(seeds), "--out", str(seeds.parent / "out"))


def test_a_rerun_costs_only_the_new_work_and_loses_nothing(cache_dir: Path, seeds: Path) -> None:
    out = seeds.parent / "out"
    code, said = run(cache_dir, seeds)
    assert code == 0 and said.startswith("3 new, 0 changed, 0 unchanged"), said
    first = claims(out)
    assert {c["place"] for c in first.values()} == {"Toretsk", "Kupiansk", "Robotyne"}
    outputs = {name: (out / name).read_bytes() for name in OUTPUTS}

    code, said = run(cache_dir, seeds)  # nothing new: nothing read, nothing written
    assert code == 0 and "0 new, 0 changed, 3 unchanged" in said and "(outputs unchanged)" in said
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == outputs

    write_article(seeds, "vuhledar.md", "Russia said on Wednesday its forces had taken Vuhledar.",
                  published="2024-10-02")
    code, said = run(cache_dir, seeds)  # one more: one read, the others' claims as they were
    assert code == 0 and "1 new, 0 changed, 3 unchanged" in said
    now = claims(out)
    assert ({k: v for k, v in now.items() if k in first} == first
            and {c["place"] for c in now.values()} >= {"Vuhledar"})

    write_article(seeds, "toretsk.md",
                  "On Friday, Russia's defence ministry said its troops had taken Chasiv Yar.",
                  published="2025-02-07")
    code, said = run(cache_dir, seeds)  # an edit replaces the article's claims
    assert code == 0 and "0 new, 1 changed, 3 unchanged, 1 retired" in said
    places = {c["place"] for c in claims(out).values()}
    assert "Chasiv Yar" in places and "Toretsk" not in places

    (seeds / "kupiansk.md").unlink()
    code, said = run(cache_dir, seeds)  # a deletion takes its claims out of the outputs, not out of the store
    assert code == 0 and "1 retired" in said
    assert "Kupiansk" not in {c["place"] for c in claims(out).values()}
    with sqlite3.connect(out / "geo.sqlite") as con:
        assert con.execute("SELECT retired FROM article WHERE path LIKE '%kupiansk.md'").fetchone() == (1,)


def test_articles_read_by_other_rules_are_read_again(cache_dir: Path, seeds: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A geo whose reading code differs (an upgrade, an edited rule) reads every article again, unasked."""
    from geo import pipeline

    assert pipeline.reader_version().startswith(f"{settings.EXTRACTOR_VERSION}.")
    assert run(cache_dir, seeds)[1].startswith("3 new, 0 changed, 0 unchanged")
    monkeypatch.setattr(pipeline, "reader_version", lambda: "other rules")
    code, said = run(cache_dir, seeds)
    assert code == 0 and said.startswith("0 new, 3 changed, 0 unchanged"), said
    assert run(cache_dir, seeds)[1].startswith("0 new, 0 changed, 3 unchanged")


def test_the_reader_version_covers_every_module_that_reads_an_article(cache_dir: Path) -> None:
    """Every module of geo that reading an article runs is in the version's digest (but the gazetteer's own,
    which has a version of its own), so an edit to any of them reads the articles again."""
    import sys

    from geo import pipeline
    from geo.models import Article
    from geo.places.gazetteer import Gazetteer
    from geo.work.process import process_article

    gazetteer = Gazetteer.open(cache_dir)
    article = Article("a", "a.md", "t", None, "example.org", None,
                      "Russian forces took Toretsk, the ministry said.")
    assert process_article(article, gazetteer).claims
    root = Path(pipeline.__file__).parent
    covered = {root / name for name in pipeline.READERS}
    used = {Path(m.__file__) for name, m in list(sys.modules.items())
            if name.startswith("geo.") and getattr(m, "__file__", None)}
    reading = {f for f in used if f.relative_to(root).as_posix() not in _NOT_READERS}
    missing = sorted(str(f.relative_to(root)) for f in reading
                     if f not in covered and f.parent not in covered)
    assert not missing, f"modules that read articles but are not in pipeline.READERS: {missing}"


#: modules of geo a run loads that do not decide what an article says (the gazetteer is versioned on its own)
_NOT_READERS = {"__init__.py", "cli.py", "cli_gazetteer.py", "console.py", "pipeline.py",
                "places/gazetteer.py", "places/build.py", "places/sources.py", "places/katottg.py",
                "places/imports.py", "errors.py",
                "atomic.py", "store/db.py", "store/schema.py", "store/dating.py", "ingest/read.py",
                "places/corrections.py", "work/parallel.py", "places/geocode.py", "http.py", "evaluate.py",
                "ingest/add.py",
                "places/__init__.py",
                "ingest/__init__.py", "work/__init__.py", "store/__init__.py", "outputs/__init__.py"} | {
                f"outputs/{name}.py" for name in ("files", "cache", "export", "formats", "maprows", "render",
                                                  "picture", "snapshot", "timeline", "borders", "basemap")}


def test_an_edit_to_a_reading_module_changes_the_reader_version(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest follows the files: a byte more in a rule module gives another version."""
    from geo import pipeline

    copy = tmp_path / "geo"
    for name in pipeline.READERS:
        source = Path(pipeline.__file__).parent / name
        files = sorted(source.glob("*.py")) if source.is_dir() else [source]
        for f in files:
            target = copy / f.relative_to(Path(pipeline.__file__).parent)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(f.read_bytes())
    monkeypatch.setattr(pipeline, "__file__", str(copy / "pipeline.py"))
    versions = []
    for edit in ("", "# an edited rule\n"):
        with (copy / "claims" / "rules.py").open("a", encoding="utf-8") as f:
            f.write(edit)
        pipeline.reader_version.cache_clear()
        versions.append(pipeline.reader_version())
    pipeline.reader_version.cache_clear()
    assert versions[0] != versions[1]


def test_a_rerun_writes_what_a_fresh_run_on_the_same_articles_writes(cache_dir: Path, seeds: Path,
                                                                     tmp_path: Path) -> None:
    """Re-runs draw again only the places they change; the files must still be those of a run from scratch."""
    out = seeds.parent / "out"

    def undated_toretsk() -> object:
        dates = {c["place"]: c["event_date"] for c in claims(out).values() if c["article_id"] == undated_id}
        assert set(dates) == {"Toretsk", "Chasiv Yar"} and len(set(dates.values())) == 1, dates
        return dates["Chasiv Yar"]  # a place no other article names: drawn again because the year moved

    def same_as_fresh(step: str) -> None:
        fresh = tmp_path / f"fresh-{step}"
        assert geo(cache_dir, "run", "--seeds", str(seeds), "--out", str(fresh))[0] == 0
        assert ({n: (out / n).read_bytes() for n in OUTPUTS}
                == {n: (fresh / n).read_bytes() for n in OUTPUTS}), step

    # an undated article: its "February 5" takes its year from the dated reports on the same places and side
    (seeds / "undated.md").write_text("Russian troops captured Toretsk and Chasiv Yar on February 5, the "
                                      "ministry said.",
                                      encoding="utf-8")
    assert run(cache_dir, seeds)[0] == 0
    (undated_id,) = {c["article_id"] for c in claims(out).values() if c["published"] is None}
    assert undated_toretsk() == "2025-02-05"
    same_as_fresh("first")

    write_article(seeds, "toretsk-2024.md", "Russia's defence ministry said its troops had captured Toretsk.",
                  published="2024-03-04")
    assert run(cache_dir, seeds)[0] == 0  # 2024 against 2025: the undated article's year is no longer clear
    assert undated_toretsk() is None
    same_as_fresh("dated report added")

    (seeds / "toretsk-2024.md").unlink()
    (seeds / "kupiansk.md").unlink()
    write_article(seeds, "robotyne.md", "Russian forces took Robotyne back on Friday, the ministry said.",
                  published="2024-05-10")
    assert run(cache_dir, seeds)[0] == 0
    assert undated_toretsk() == "2025-02-05"
    same_as_fresh("removed and edited")


def test_outputs_a_user_removed_or_edited_are_written_again(cache_dir: Path, seeds: Path) -> None:
    out = seeds.parent / "out"
    assert run(cache_dir, seeds)[0] == 0
    outputs = {name: (out / name).read_bytes() for name in OUTPUTS}
    (out / "map.html").unlink()
    (out / "claims.csv").write_text("edited by hand", encoding="utf-8")
    code, said = run(cache_dir, seeds)
    assert code == 0 and "3 unchanged" in said and "(outputs unchanged)" not in said, said
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == outputs


def test_a_new_map_script_writes_the_map_again_on_a_rerun_with_nothing_new(
    cache_dir: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(cache_dir, seeds)[0] == 0
    out = seeds.parent / "out"
    before = (out / "map.html").stat().st_mtime_ns
    # nothing new: not written
    assert run(cache_dir, seeds)[0] == 0 and (out / "map.html").stat().st_mtime_ns == before
    monkeypatch.setattr("geo.outputs.files.skeleton_key", lambda: "a-new-map-script")
    monkeypatch.setattr("geo.outputs.files.skeleton", lambda: "<html>__GEO_SLOT_data__</html>")
    assert run(cache_dir, seeds)[0] == 0
    assert (out / "map.html").read_text(encoding="utf-8").startswith("<html>{")


def test_a_changed_places_file_rereads_only_the_articles_it_concerns(cache_dir: Path, seeds: Path) -> None:
    assert run(cache_dir, seeds)[0] == 0
    (seeds / "places.csv").write_text("name,lat,lon,country,admin1\nToretsk,48.4,37.9,UA,Donetsk Oblast\n",
                                      encoding="utf-8")
    code, said = run(cache_dir, seeds)
    assert code == 0 and "0 new, 1 changed, 2 unchanged" in said, said
    (toretsk,) = [c for c in claims(seeds.parent / "out").values() if c["place"] == "Toretsk"]
    assert toretsk["place_id"] == "user:toretsk"


BAD_INPUTS = {"binary": (lambda d: (d / "photo.txt").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR" * 40),
                         "photo.txt", "binary file", 1),
              "empty": (lambda d: (d / "empty.md").write_bytes(b""), "empty.md", "the file is empty", 1),
              "cp1251 (read)": (lambda d: (d / "cp.txt").write_bytes("Бахмут. Russian forces took "
                                                                     "Soledar.".encode("cp1251")),
                                "cp.txt", "read as Windows-1251", 0),
              "utf-16 (read)": (lambda d: (d / "u16.txt").write_bytes("Russian forces took Soledar on "
                                                                      "Monday.".encode("utf-16")),
                                None, None, 0),
              "100 MB": (lambda d: os.truncate(Path(d / "huge.md").open("wb").name, 100_000_000), "huge.md",
                         "byte limit", 1),
              "broken header": (lambda d: (d / "broken.md").write_text("---\ntitle: x\nno end",
                                                                       encoding="utf-8"), "broken.md",
                                "never closed", 1),
              "published not a date (read)": (lambda d: write_article(d, "day.md",
                                                                      "Russian forces took Soledar.",
                                                                      published="last week"), "day.md",
                                              "is not a date; write it as YYYY-MM-DD", 0),
              "duplicate": (lambda d: write_article(d, "copy.md", ARTICLES["toretsk.md"][0],
                                                    published="2025-02-07"), "copy.md", "the same text as",
                            1),
              "folder": (lambda d: (d / "folder.md").mkdir(), "folder.md", "is a folder", 1),
              "dangling link": (lambda d: (d / "gone.md").symlink_to(d / "nowhere.md"), "gone.md",
                                "link to a file that does not exist", 1),
              }


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_a_bad_input_is_named_and_the_good_articles_are_all_read(cache_dir: Path, seeds: Path,
                                                                 case: str) -> None:
    make, name, message, status = BAD_INPUTS[case]
    make(seeds)
    code, said = run(cache_dir, seeds)
    assert code == status, said
    if name:
        (line,) = [line for line in said.splitlines() if name in line]
        assert message in line
    assert {"Toretsk", "Kupiansk", "Robotyne"} <= {c["place"] for c in claims(seeds.parent / "out").values()}


def test_a_second_run_on_the_same_output_stops_with_a_message(cache_dir: Path, seeds: Path) -> None:
    out = seeds.parent / "out"
    out.mkdir()
    with open(out / ".geo.lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        code, said = run(cache_dir, seeds)
    assert code == 2 and "another geo run is writing to" in said
    assert not (out / "claims.geojson").exists()
    assert run(cache_dir, seeds)[0] == 0  # once the first is done, the next goes ahead


def test_a_run_killed_anywhere_leaves_a_sound_store_and_whole_outputs(tmp_path: Path,
                                                                      cache_dir: Path) -> None:
    seeds, out, clean = tmp_path / "seeds", tmp_path / "out", tmp_path / "clean"
    seeds.mkdir()
    towns = ["Toretsk", "Kupiansk", "Robotyne", "Vuhledar", "Avdiivka", "Marinka", "Bakhmut", "Soledar",
             "Lyman", "Izium", "Kherson", "Selydove", "Pokrovsk", "Myrnohrad", "Siversk", "Chasiv Yar"]
    for i in range(120):
        town = towns[i % len(towns)]
        write_article(seeds, f"a{i:03d}.md",
                      f"Russia's defence ministry said on Monday its forces had taken {town}. "
                      f"Ukraine's General Staff denied the claim about {town} in report {i}.",
                      published="2024-02-19")
    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir))
    command = [sys.executable, "-m", "geo", "run", "--seeds", str(seeds), "--out"]
    assert subprocess.run([*command, str(clean)], env=env, capture_output=True, timeout=300).returncode == 0
    final = {name: (clean / name).read_bytes() for name in OUTPUTS}

    # a first, complete run on half the articles gives the "old outputs"
    for i in range(60, 120):
        (seeds / f"a{i:03d}.md").rename(tmp_path / f"a{i:03d}.md")
    assert subprocess.run([*command, str(out)], env=env, capture_output=True, timeout=300).returncode == 0
    old = {name: (out / name).read_bytes() for name in OUTPUTS}
    for i in range(60, 120):
        (tmp_path / f"a{i:03d}.md").rename(seeds / f"a{i:03d}.md")

    for delay in (0.3, 0.9, 1.5, 2.2):
        process = subprocess.Popen([*command, str(out)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with sqlite3.connect(out / "geo.sqlite") as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for name in OUTPUTS:  # each output is the old one or the new one, never half of one
            assert (out / name).read_bytes() in (old[name], final[name]), name
    assert subprocess.run([*command, str(out)], env=env, capture_output=True, timeout=300).returncode == 0
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == final


def test_a_run_tells_how_far_it_is(cache_dir: Path, seeds: Path) -> None:
    from geo.pipeline import run as run_pipeline
    from geo.settings import RunSettings

    told: list[tuple[str, int, int]] = []
    report = run_pipeline(RunSettings(seeds=seeds, out=seeds.parent / "out", cache_dir=cache_dir),
                          progress=lambda stage, done, total: told.append((stage, done, total)))
    assert [t for t in told if t[0] == "articles"] == [("articles", i, 3) for i in (1, 2, 3)]
    assert told[-1] == ("places", report.places, report.places) and report.places == 3
