"""``geo evaluate``: metrics computed by hand for a tiny labelled set."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import write_article


def test_evaluate_scores_places_and_claims(tmp_path: Path, cache_dir: Path) -> None:
    seeds = tmp_path / "articles"
    seeds.mkdir()
    write_article(seeds, "a1.md", "Russia's defence ministry said its forces captured Avdiivka on Saturday. "
                  "Ukraine said it still holds Zzyzxivka.", title="a1", published="2024-02-19", url="https://example.org/1")
    write_article(seeds, "a2.md", "Missiles struck Kharkiv overnight, the mayor said.", title="a2",
                  published="2024-02-19", url="https://example.org/2")
    labels = [
        {"id": "a1", "url": "https://example.org/1", "claims": [
            {"place": "Avdiivka", "canonical": "Avdiivka", "lat": 48.139, "lon": 37.743, "controller": "RU",
             "event": "captured", "stance": "claimed", "event_date": "2024-02-17", "date_precision": "day"},
            {"place": "Zzyzxivka", "canonical": "Zzyzxivka", "lat": 48.0, "lon": 37.0, "controller": "UA",
             "event": "holds", "stance": "claimed", "event_date": None, "date_precision": None}],
         "non_claim_places": []},
        {"id": "a2", "url": "https://example.org/2", "claims": [], "non_claim_places": ["Kharkiv"]},
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in labels), encoding="utf-8")
    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir))
    done = subprocess.run([sys.executable, "-m", "geo", "evaluate", str(path), "--seeds", str(seeds),
                           "--json", "--misses", "10"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    m = json.loads(done.stdout)
    # Avdiivka is found and placed within 10 km; Zzyzxivka is in no gazetteer; Kharkiv is a labelled non-claim
    # place.
    assert ((m["label_places"], m["place_recall"], m["place_precision"], m["place_location_acc"])
            == (2, 0.5, 1.0, 1.0))
    assert ((m["label_claims"], m["predicted_claims"], m["claim_recall"], m["claim_precision"])
            == (2, 1, 0.5, 1.0))
    assert ((m["controller_acc"], m["stance_acc"], m["date_acc"], m["noclaim_false_claims"])
            == (1.0, 1.0, 1.0, 0))
    assert "PLACE MISS a1 'Zzyzxivka'" in done.stderr


def test_evaluate_names_a_bad_labels_line(tmp_path: Path, cache_dir: Path) -> None:
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "labels.jsonl"
    path.write_text('{"id": "a", "claims": []}\nnot json\n', encoding="utf-8")
    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir))
    done = subprocess.run([sys.executable, "-m", "geo", "evaluate", str(path), "--seeds",
                           str(tmp_path / "seeds")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "labels.jsonl:2" in done.stderr
