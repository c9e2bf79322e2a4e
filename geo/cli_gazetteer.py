"""``geo gazetteer``: import GeoNames dumps into the offline gazetteer, list and remove them, show what it
holds."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from geo import settings
from geo.console import door, say, setup_logging
from geo.places.gazetteer import Gazetteer

gazetteer_app = typer.Typer(no_args_is_help=True,
                            help="The offline gazetteer: add GeoNames data, show what it holds.")


@gazetteer_app.command("import")
@door
def gazetteer_import(
    file: Annotated[Path, typer.Argument(help="A GeoNames country dump: UA.txt or UA.zip "
                                              "(download.geonames.org/export/dump/).")],
) -> None:
    """Add every populated place of a GeoNames dump to the gazetteer.

    The dump is kept in the cache folder and used by every run."""
    from geo.places.imports import import_dump

    setup_logging(False)
    cache_dir = settings.default_cache_dir(os.environ)
    count = import_dump(cache_dir, file)
    say("", f"imported {count} populated places from {file}; {_holdings(cache_dir)}")


def _holdings(cache_dir: Path) -> str:
    """What the gazetteer of ``cache_dir`` holds, counted by kind of place."""
    stats = Gazetteer.open(cache_dir).stats()
    return "the gazetteer now holds " + ", ".join(f"{n} {k}" for k, n in sorted(stats.items()))


@gazetteer_app.command("info")
@door
def gazetteer_info() -> None:
    """Where the gazetteer cache is, which dumps were imported, and how many places it holds."""
    from geo.places.sources import imported_dumps

    cache_dir = settings.default_cache_dir(os.environ)
    gazetteer = Gazetteer.open(cache_dir)
    dumps = imported_dumps(cache_dir)
    typer.echo(f"cache: {gazetteer.path}")
    typer.echo("imported: " + (", ".join(p.name for p in dumps) if dumps else "none"))
    for kind, n in sorted(gazetteer.stats().items()):
        typer.echo(f"{kind}: {n}")


@gazetteer_app.command("list")
@door
def gazetteer_list() -> None:
    """The GeoNames dumps imported into the gazetteer: name, size and count of populated places."""
    from geo.places.imports import import_counts
    from geo.places.sources import imported_dumps

    setup_logging(False)
    cache_dir = settings.default_cache_dir(os.environ)
    dumps = imported_dumps(cache_dir)
    if not dumps:
        typer.echo("no GeoNames dump imported (geo gazetteer import UA.zip adds one)")
        return
    counts = import_counts(cache_dir)
    for path in dumps:
        count = counts.get(path.name)
        places = "?" if count is None else f"{count:,}"
        typer.echo(f"{path.name}\t{path.stat().st_size:,} bytes\t{places} populated places")


@gazetteer_app.command("remove")
@door
def gazetteer_remove(
    name: Annotated[str, typer.Argument(help="An imported dump, as geo gazetteer list shows it: UA.zip.")],
) -> None:
    """Remove one imported GeoNames dump and rebuild the gazetteer without it."""
    from geo.places.imports import remove_import

    setup_logging(False)
    cache_dir = settings.default_cache_dir(os.environ)
    remove_import(cache_dir, name)
    say("", f"removed {name}; {_holdings(cache_dir)}")
