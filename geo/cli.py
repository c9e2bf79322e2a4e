"""The ``geo`` command. The only place that reads the environment, prints errors and picks exit codes."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from geo import __version__, settings
from geo.errors import GeoError
from geo.pipeline import run as run_pipeline
from geo.settings import RunSettings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn news articles about a war into a map of reported territorial changes.")
err = Console(stderr=True, soft_wrap=True)


def _logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(message)s",
        handlers=[RichHandler(console=err, show_time=False, show_path=False)], force=True,
    )


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit()


@app.command()
def run(
    seeds: Annotated[Path, typer.Option(help="Folder of articles (.txt, .md).")] = settings.SEEDS_DIR,
    out: Annotated[Path, typer.Option(help="Folder for map.html, claims.geojson, claims.csv, places.geojson and the store.")] = settings.OUT_DIR,
    online: Annotated[bool, typer.Option(help="Allow online geocoding for names the offline gazetteer lacks.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log how each name was resolved.")] = False,
) -> None:
    """Read new articles in SEEDS, extract their claims and write the map and data files into OUT."""
    _logging(verbose)
    if not seeds.is_dir():
        err.print(f"[red]error:[/] seeds folder {seeds} does not exist; create it and put articles in it, or pass --seeds DIR")
        raise typer.Exit(2)
    if online:
        err.print("[yellow]note:[/] online geocoding is not available in this version; running offline")
    options = RunSettings(seeds=seeds, out=out, online=online, cache_dir=settings.default_cache_dir(os.environ))
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("articles", total=None)
            report = run_pipeline(options, progress=lambda done, total: bar.update(task, completed=done, total=total))
    except GeoError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    for skipped in report.skipped:
        err.print(f"[yellow]skipped[/] {skipped.path}: {skipped.reason}")
    err.print(
        f"{report.new} new, {report.unchanged} unchanged, {report.retired} retired, {len(report.skipped)} skipped; "
        f"{report.claims} claims on {report.places} places -> {out / 'map.html'}"
        + ("" if report.written else " (outputs unchanged)")
    )
    if report.skipped:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except GeoError as exc:  # pragma: no cover - last resort
        err.print(f"[red]error:[/] {exc}")
        sys.exit(2)
