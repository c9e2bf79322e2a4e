"""The ``geo`` command. The only place that reads the environment, prints errors and picks exit codes."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from geo import __version__, settings
from geo.cli_gazetteer import gazetteer_app
from geo.console import door, err, fail, printable, say, setup_logging
from geo.models import Article
from geo.pipeline import RunReport
from geo.pipeline import run as run_pipeline
from geo.places.corrections import FILE_NAME as CORRECTIONS
from geo.places.corrections import read_corrections
from geo.places.gazetteer import Gazetteer
from geo.settings import RunSettings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news articles about a war into a map of reported territorial changes.")
app.add_typer(gazetteer_app, name="gazetteer")


def _version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version,
                                                help="Print the version and exit.")] = False) -> None:
    """Turn news articles about a war into a map of reported territorial changes."""


@app.command()
@door
def run(
    seeds: Annotated[Path, typer.Option(help="Folder of articles (.txt, .md, .html, .jsonl) and "
                                             "places.csv.")] = settings.SEEDS_DIR,
    out: Annotated[Path, typer.Option(help="Folder for map.html, claims.geojson, claims.csv, places.geojson "
                                           "and the store.")] = settings.OUT_DIR,
    online: Annotated[bool, typer.Option(help="Look names the offline gazetteer lacks up online (Nominatim; "
                                              "GeoNames with GEO_GEONAMES_USERNAME), at most 1 request/s, "
                                              "answers cached.")] = False,
    workers: Annotated[int | None, typer.Option(min=1, help="Processes reading new articles (default: one "
                                                            "per core).")] = None,
    dask: Annotated[str | None,
                    typer.Option(metavar="ADDRESS", help="Read new articles on a Dask cluster: a scheduler "
                                 "address (tcp://host:8786) or 'local'. Needs pip install "
                                 "'geo-frontlines\\[dask]'.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log how each name was resolved.")] = False,
) -> None:
    """Read new articles in SEEDS, extract their claims and write the map and data files into OUT."""
    setup_logging(verbose)
    if not seeds.is_dir():
        fail(f"seeds folder {seeds} does not exist; create it and put articles in it, or pass --seeds DIR")
    if out.exists() and not out.is_dir():
        fail(f"--out {out} is a file, not a folder; pass a folder for the outputs")
    options = RunSettings(seeds=seeds, out=out, cache_dir=settings.default_cache_dir(os.environ),
                          online=settings.OnlineSettings.from_env(os.environ) if online else None,
                          workers=workers, dask=dask)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("articles", total=None)
        report = run_pipeline(options, progress=lambda stage, done, total: bar.update(
            task, description=stage, completed=done, total=total))
    _tell(report, out)
    if report.skipped:
        raise typer.Exit(1)



def _tell(report: RunReport, out: Path) -> None:
    """What a run did, for people: files skipped, names unresolved or left out, online lookups unanswered,
    and the counts."""
    for skipped in report.skipped:
        say("[yellow]skipped[/]", f"{skipped.path}: {skipped.reason}")
    if report.unresolved:
        names = sorted({surface for _, surface, _ in report.unresolved})
        say("[yellow]unresolved[/]", f"{len(names)} name(s) no gazetteer knows: {', '.join(names[:20])}"
             + (" ..." if len(names) > 20 else "")
             + "; add them to seeds/places.csv (name,lat,lon), or for villages in Russia import GeoNames' "
               "RU.zip (geo gazetteer import RU.zip)")
    left_out = sorted(set(report.left_out))
    for path, surface, why in left_out[:20]:
        say("[yellow]left out[/]", f"{surface} ({path}): {why.removeprefix('left out: ')}; if it is right, "
                                   "add it to seeds/places.csv (name,lat,lon)")
    if len(left_out) > 20:
        say("[yellow]left out[/]", f"... and {len(left_out) - 20} more; geo run -v says why for each")
    if report.unanswered:
        say("[yellow]online[/]",
            f"{report.unanswered} lookup(s) got no answer; they are asked again on the next run")
    say("", f"{report.new} new, {report.changed} changed, {report.unchanged} unchanged, {report.retired} "
            f"retired, {len(report.skipped)} skipped, {len(report.unresolved)} unresolved name(s); "
            f"{report.claims} claims on {report.places} places -> {out / 'map.html'}"
             + ("" if report.written else " (outputs unchanged)"))

@app.command()
@door
def add(sources: Annotated[list[str],
                           typer.Argument(help="Article files (.txt, .md, .html, .jsonl) or web addresses.")],
        seeds: Annotated[Path, typer.Option(help="The seeds folder to add them to.")] = settings.SEEDS_DIR,
        online: Annotated[bool, typer.Option(help="Allow fetching web addresses (one request each, with "
                                                  "geo's User-Agent).")] = False,
        ) -> None:
    """Copy articles into SEEDS as .md files with a proper header (title, published, source, url)."""
    from geo.ingest.add import add as add_articles

    setup_logging(False)
    if seeds.exists() and not seeds.is_dir():
        fail(f"--seeds {seeds} is a file, not a folder; pass the seeds folder")
    skipped = 0
    for item in add_articles(sources, seeds,
                             online=settings.OnlineSettings.from_env(os.environ) if online else None):
        if isinstance(item, Path):
            say("added", str(item))
        else:
            skipped += 1
            say("[yellow]skipped[/]", f"{item.path}: {item.reason}")
    if skipped:
        raise typer.Exit(1)


@app.command()
@door
def export(
    fmt: Annotated[str, typer.Option("--format", "-f",
                                     help="geojson, csv, gpkg (GeoPackage: claims and places), png "
                                     "(a static picture) or html (the map).")],
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD",
                                                 help="The claims made by that day, and each place as it "
                                                      "stood then (default: the latest).")] = None,
    bbox: Annotated[str | None, typer.Option(metavar="W,S,E,N", help="Only places in this box (degrees), "
                                                                       "e.g. 36.5,47.5,38.5,49.")] = None,
    layer: Annotated[str, typer.Option(help="geojson and csv: the claims or the places.")] = "claims",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The file to write (default: "
                                                   "OUT/exports/geo-...).")] = None,
    embed: Annotated[bool, typer.Option(help="html: an <iframe> line holding the whole map, to paste into a "
                                             "report.")] = False,
    width: Annotated[int, typer.Option(min=200, max=8000, help="png: width in pixels.")] = 1600,
    height: Annotated[int, typer.Option(min=200, max=8000,
                                        help="png: height in pixels; html --embed: the frame's.")] = 1200,
    out: Annotated[Path, typer.Option(help="The output folder of geo run (it holds the "
                                           "store).")] = settings.OUT_DIR,
) -> None:
    """Write the claims and places as GeoJSON, CSV, GeoPackage, a PNG or the map.

    All of them, or as of a day (--as-of), or inside a box (--bbox)."""
    from datetime import date

    from geo.outputs.borders import load as load_borders
    from geo.outputs.formats import default_name, write_export
    from geo.outputs.snapshot import parse_bbox, take
    from geo.store.db import Store

    setup_logging(False)
    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        fail(f"--as-of {as_of!r} is not a date; write it as YYYY-MM-DD")
    store_path = out / settings.STORE_NAME
    if not store_path.is_file():
        fail(f"no store in {out}; run geo run first, or pass --out DIR")
    with Store(store_path) as store:
        snapshot = take(store, as_of=day, bbox=parse_bbox(bbox) if bbox else None)
    path = output or out / "exports" / default_name(fmt, snapshot, layer=layer, embed=embed)
    cache = settings.default_cache_dir(os.environ)
    spellings = Gazetteer.open(cache).spellings if fmt == "html" else None
    write_export(snapshot, fmt, path, load_borders(cache), layer=layer, embed=embed, width=width,
                 height=height, store=store_path, spellings=spellings)
    say("", f"{len(snapshot.claims)} claims on {len(snapshot.places)} places -> {path}")


def _gazetteer(seeds: Path) -> Gazetteer:
    """The gazetteer of the cache folder with the user's own places (``SEEDS/places.csv``) added, as geo run
    reads names; rows of places.csv that cannot be read are named."""
    gazetteer = Gazetteer.open(settings.default_cache_dir(os.environ))
    corrections, problems = read_corrections(seeds / CORRECTIONS)
    for skipped in problems:
        say("[yellow]skipped[/]", f"{skipped.path}: {skipped.reason}")
    gazetteer.add_user_places(corrections)
    return gazetteer


@app.command()
@door
def resolve(
    name: Annotated[str, typer.Argument(help="A place name as an article spells it: Girnyk, Artemovsk, "
                                             '"Kursk region".')],
    context: Annotated[str, typer.Option(help="Text around the name; the places it names help choose among "
                                              "namesakes.")] = "",
    top: Annotated[int, typer.Option(help="How many candidates to show.")] = 5,
    seeds: Annotated[Path, typer.Option(help="Folder whose places.csv (your own places) wins over the "
                                             "gazetteer.")] = settings.SEEDS_DIR,
) -> None:
    """Show the places NAME may mean, how each scores in CONTEXT, and what geo run makes of it there."""
    from geo.models import Resolved
    from geo.places.resolve import decide

    setup_logging(False)
    decision = decide(name, context, _gazetteer(seeds))
    outcome = decision.outcome
    if not decision.ranking and not isinstance(outcome, Resolved):
        say("", f"no place called {name!r} is known; add it to seeds/places.csv, or for a village in Russia "
                "import GeoNames' RU.zip (geo gazetteer import RU.zip)")
        raise typer.Exit(1)
    drawn = outcome.place.place_id if isinstance(outcome, Resolved) else None
    table = Table("", "place", "region", "country", "lat, lon", "location", "score", "why",
                  title=f"{name!r}: {len(decision.ranking)} candidate(s)")
    for c in decision.ranking[:top]:
        p = c.place
        table.add_row("→" if p.place_id == drawn else "", p.name, p.admin1 or "", p.country,
                      f"{p.lat:.4f}, {p.lon:.4f}", p.precision, f"{c.score:.2f}", c.why)
    Console(soft_wrap=True, width=None if err.is_terminal else 200).print(table)
    if (isinstance(outcome, Resolved)
        and outcome.place.place_id not in {c.place.place_id for c in decision.ranking[:top]}):
        typer.echo(f"→ geo run draws it at {outcome.place.name} ({outcome.place.admin1}, "
                   f"{outcome.place.lat:.4f}, {outcome.place.lon:.4f}, {outcome.place.precision}): "
                   f"{outcome.reason}")
    elif outcome is not None and not isinstance(outcome, Resolved):
        typer.echo(f"geo run leaves it out: {outcome.reason}")


def _explained(article: Article, gazetteer: Gazetteer, place: str | None,
               as_json: bool) -> tuple[list[str], bool]:
    """What geo explain prints of one article (the whole reading as one JSON line with ``as_json``; else the
    sentences naming ``place``, if given), and whether any sentence names ``place``."""
    from geo.claims.explain import as_json as json_line
    from geo.claims.explain import header_line, kept_lines, sentence_lines, shown
    from geo.work.process import explain_article

    reading = explain_article(article, gazetteer)
    sentences = shown(reading, place)
    if as_json:
        return [json_line(article, reading)], bool(sentences)
    body = [line for s in sentences for line in sentence_lines(s)]
    return [header_line(article), *body, *kept_lines(reading, place)], bool(sentences)


@app.command()
@door
def explain(
    article: Annotated[Path, typer.Argument(help="An article file (.txt, .md, .html, .jsonl: every line of a "
                                                 "feed).")],
    place: Annotated[str | None, typer.Option(metavar="NAME", help="Only the sentences whose frames, blocked "
                                                 "triggers or claims name NAME (case-insensitive).")] = None,
    seeds: Annotated[Path, typer.Option(help="Folder whose places.csv (your own places) wins over the "
                                             "gazetteer.")] = settings.SEEDS_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print each article's whole reading (--place aside) "
                                                         "as one line of JSON, keys sorted.")] = False,
) -> None:
    """Show how the claim rules read ARTICLE, sentence by sentence, and why each claim has its values.

    Per sentence: its speakers, the rules that fired and on which places, the triggers that made no claim and
    why, and each claim with the reason for each of its values."""
    from geo.ingest.read import Skipped, read_file

    setup_logging(False)
    if not article.is_file():
        fail(f"{article} is a folder; give one article file" if article.is_dir()
             else f"{article} is not a file; check the path")
    if not article.name.lower().endswith(settings.ARTICLE_SUFFIXES):
        fail(f"{article}: not an article file; geo reads {', '.join(settings.ARTICLE_SUFFIXES)}")
    gazetteer = _gazetteer(seeds)
    # plain text: no markup, emoji codes or highlighting read in what an article says
    out = Console(soft_wrap=True, highlight=False, markup=False, emoji=False)
    read, skipped, matched = 0, 0, 0
    for item in read_file(article):
        if isinstance(item, Skipped):
            skipped += 1
            say("[yellow]skipped[/]", f"{item.path}: {item.reason}")
            continue
        lines, named = _explained(item, gazetteer, place, as_json)
        read, matched = read + 1, matched + named
        for line in lines:
            out.print(printable(line))
    if not read:
        fail(f"{article}: no article could be read")
    if place is not None and not matched:
        say("", f"no sentence names {place!r}; check the spelling, or run without --place")
    if skipped or (place is not None and not matched):
        raise typer.Exit(1)


@app.command()
@door
def evaluate(
    labels: Annotated[Path, typer.Argument(help="Hand labels, one JSON object per article (the dev corpus' "
                                                "labels.jsonl format).")],
    seeds: Annotated[Path, typer.Option(help="Folder of the labelled articles.")] = settings.SEEDS_DIR,
    out: Annotated[Path | None,
                   typer.Option(help="Folder for the run's outputs (default: a temporary folder).")] = None,
    misses: Annotated[int, typer.Option(help="Print up to N misses (missed, misplaced or false places and "
                                             "claims).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as one JSON object.")] = False,
) -> None:
    """Run geo on SEEDS and score places and claims against LABELS."""
    from geo.evaluate import evaluate as score
    from geo.evaluate import read_labels
    from geo.store.db import Store

    setup_logging(False)
    with tempfile.TemporaryDirectory(prefix="geo-evaluate-") as tmp:
        options = RunSettings(seeds=seeds, out=out or Path(tmp),
                              cache_dir=settings.default_cache_dir(os.environ))
        gold = read_labels(labels)
        run_pipeline(options)
        with Store(options.out / settings.STORE_NAME) as store:
            articles = store.articles()
            metrics, missed = score(gold, articles, store.mentions(), store.claims(),
                                    [(name.article_id, name.surface) for name in store.unresolved()])
    for line in missed[:misses]:
        err.print(line, markup=False, highlight=False)
    if as_json:
        typer.echo(json.dumps(metrics, indent=1))
        return
    table = Table("metric", "value", title=f"geo evaluate {labels}")
    for name, value in metrics.items():
        table.add_row(name, "-" if value is None else str(value))
    Console().print(table)


def main() -> None:
    """Console-script entry point."""
    app()
