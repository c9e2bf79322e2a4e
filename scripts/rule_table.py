"""Write the claim rule table into README.md (between its markers): ``python scripts/rule_table.py
[README]``."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from geo.atomic import atomic_write
from geo.claims.catalog import replace_in

log = logging.getLogger("rule_table")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("readme", nargs="?", type=Path,
                        default=Path(__file__).resolve().parent.parent / "README.md")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    text = args.readme.read_text(encoding="utf-8")
    updated = replace_in(text)
    if updated != text:
        atomic_write(args.readme, updated)
        log.info("updated the claim rule table in %s", args.readme)
    else:
        log.info("%s is up to date", args.readme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
