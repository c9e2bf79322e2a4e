import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.places.rank import km
from tests.conftest import SEED, open_in_chromium, write_article

OUTPUTS = ("map.html", "claims.geojson", "claims.csv", "places.geojson")


def geo(*args: str, cwd: Path, cache_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir))
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("run")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / SEED.name)
    result = geo("run", cwd=root, cache_dir=cache_dir)
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stderr
    return root


def features(path: Path) -> list[dict[str, object]]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    return collection["features"]


def test_run_on_the_seed_writes_the_contract(workdir: Path) -> None:
    out = workdir / "output"
    assert all((out / name).is_file() for name in OUTPUTS) and (out / "geo.sqlite").is_file()
    claims = {f["properties"]["place"]: f for f in features(out / "claims.geojson")}
    assert set(claims) == {"Selydove", "Hirnyk", "Bohoiavlenka", "Katerynivka", "Avdiivka", "Kursk Oblast"}
    s = claims["Selydove"]["properties"]
    assert ({k: s[k] for k in ("controller", "event", "claimant_side", "stance", "event_date",
                               "date_precision")}
            == {"controller": "RU", "event": "captured", "claimant_side": "RU", "stance": "claimed",
                "event_date": "2024-10-29", "date_precision": "day"})
    lon, lat = claims["Selydove"]["geometry"]["coordinates"]
    assert km(lat, lon, 48.148, 37.297) <= 5
    assert claims["Hirnyk"]["properties"]["surface"] == "Girnyk"
    k = claims["Kursk Oblast"]["properties"]
    assert ((k["feature"], k["controller"], k["event"], k["date_precision"])
            == ("region", "UA", "holds", "season"))
    for name in ("Kyiv", "Moscow", "Pyongyang", "Ankara"):
        assert name not in claims
    header = (out / "claims.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert (header[:3] == ["claim_id", "place", "surface"]
            and header[-5:] == ["confidence", "rule", "part", "lat", "lon"])
    assert len((out / "claims.csv").read_text(encoding="utf-8").splitlines()) == 1 + len(claims)
    places = {f["properties"]["place"]: f["properties"] for f in features(out / "places.geojson")}
    assert (places["Selydove"]["controller"] == "RU" and places["Selydove"]["since"] == "2024-10-29"
            and places["Selydove"]["claims"] == 1)


def test_second_run_with_nothing_new_changes_nothing(workdir: Path, cache_dir: Path) -> None:
    before = {name: (workdir / "output" / name).read_bytes() for name in (*OUTPUTS, "geo.sqlite")}
    result = geo("run", cwd=workdir, cache_dir=cache_dir)
    assert result.returncode == 0, result.stderr
    assert "0 new, 0 changed, 1 unchanged" in result.stderr and "outputs unchanged" in result.stderr
    after = {name: (workdir / "output" / name).read_bytes() for name in (*OUTPUTS, "geo.sqlite")}
    assert after == before


@pytest.mark.browser
def test_map_shows_one_marker_per_place_offline(workdir: Path) -> None:
    seen = open_in_chromium(workdir / "output" / "map.html")
    assert seen["markers"] == len(features(workdir / "output" / "places.geojson")) == 6
    assert seen["errors"] == [] and seen["outside"] == []


def test_bad_file_is_named_skipped_and_exit_1(tmp_path: Path, cache_dir: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_article(seeds, "good.md", "Russian forces captured Avdiivka in February.", published="2024-03-01")
    (seeds / "bad.txt").write_bytes(b"\x00\xff\x00binary")
    result = geo("run", "--seeds", str(seeds), "--out", str(tmp_path / "out"), cwd=tmp_path,
                 cache_dir=cache_dir)
    assert result.returncode == 1
    assert "bad.txt" in result.stderr and "binary" in result.stderr
    [claim] = features(tmp_path / "out" / "claims.geojson")
    assert claim["properties"]["place"] == "Avdiivka" and claim["properties"]["event_date"] == "2024-02-01"


def test_missing_seeds_folder_is_a_usage_error(tmp_path: Path, cache_dir: Path) -> None:
    result = geo("run", "--seeds", str(tmp_path / "nope"), cwd=tmp_path, cache_dir=cache_dir)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert geo("run", "--no-such-option", cwd=tmp_path, cache_dir=cache_dir).returncode == 2


def test_version_prints_the_version(tmp_path: Path, cache_dir: Path) -> None:
    from geo import __version__

    result = geo("--version", cwd=tmp_path, cache_dir=cache_dir)
    assert result.returncode == 0 and result.stdout.strip() == __version__ != ""


def test_a_damaged_store_under_a_name_with_markup_is_one_error_line_and_exit_2(tmp_path: Path,
                                                                               cache_dir: Path) -> None:
    """Rich markup in a path ("out[/]x") is printed as it is, not read as markup; a store that is no SQLite
    database is one error line, not a traceback."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    out = tmp_path / "out[/]x"  # the folder "]x" in the folder "out["
    out.mkdir(parents=True)
    (out / "geo.sqlite").write_bytes(b"this is no database" * 300)
    result = geo("run", "--out", str(out), cwd=tmp_path, cache_dir=cache_dir)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert len(lines) == 1 and lines[0].startswith("error: cannot open the store ") and "out[/]x" in lines[0]
    assert "Traceback" not in result.stderr
