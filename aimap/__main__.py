"""The command line: `python -m aimap validate [DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aimap.load import GEO_FILE, DataError, data_dir, load_dataset


def _validate(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.dir), Path(args.geo))
    except DataError as error:
        print("\n".join(error.problems))
        return 1
    counts = ", ".join(f"{name} {len(getattr(dataset, name))}" for name in
                       ("factories", "antennas", "budgets", "milestones", "sectors", "sources"))
    print(f"ok: {counts}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aimap")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the data tables; exit 1 on problems")
    validate.add_argument("dir", nargs="?", default=str(data_dir()), help="the data folder")
    validate.add_argument("--geo", default=str(GEO_FILE), help="the boundaries file")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
