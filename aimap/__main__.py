"""The command line, for scheduled reports and data maintainers:

    python -m aimap validate [DIR]
    python -m aimap export --view map --metric budget --preset slide --out map.png
    python -m aimap pack --out DIR

Filters and view options are the URL's (`--waves 3 --countries ROU,ESP`). Exit codes: 0 done,
1 data problems, 2 bad arguments or PNG export impossible here (the message says why).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aimap import export, params
from aimap.load import GEO_FILE, DataError, Dataset, data_dir, load_dataset
from aimap.selection import Selection
from aimap.views import VIEWS, VIEWS_BY_KEY


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


def _selection(args: argparse.Namespace) -> Selection:
    query = {name: getattr(args, name) for name in ("kinds", "waves", "countries", "sectors")
             if getattr(args, name)}
    return Selection.from_query(query)


def _load() -> Dataset | None:
    try:
        return load_dataset(data_dir(), GEO_FILE)
    except DataError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return None


def _export(args: argparse.Namespace) -> int:
    dataset = _load()
    if dataset is None:
        return 1
    view = VIEWS_BY_KEY[args.view]
    raw = {key: getattr(args, key) for key in params.PARAMS if getattr(args, key) is not None}
    values, problems = params.parse(raw, dataset)
    problems += [f"--{key} does not apply to the {view.key} view" for key in raw
                 if key not in dict(view.params)]
    builders = {b.__name__.removesuffix("_figure"): b for b in view.figures}
    builder = builders.get(args.figure or next(iter(builders)))
    if builder is None:
        problems.append(f"--figure must be one of: {', '.join(builders)}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    try:
        image = export.png(builder, dataset, _selection(args), args.preset,
                           **view.options(builder, values))
    except export.ExportUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    Path(args.out).write_bytes(image)
    print(args.out)
    return 0


def _pack(args: argparse.Namespace) -> int:
    dataset = _load()
    if dataset is None:
        return 1
    try:
        files = export.briefing_files(dataset, _selection(args), args.preset)
    except export.ExportUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_bytes(content)
    (out / "aimap-briefing-pack.zip").write_bytes(export.zipped(files))
    print("\n".join(str(out / name) for name in files))
    return 0


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (as in the URL; comma-separated)")
    group.add_argument("--kinds", help="eurohpc_ai_factory, antenna, national_ai_factory, "
                                       "gigafactory_candidate")
    group.add_argument("--waves", help="1, 2, 3")
    group.add_argument("--countries", help="ISO3 codes, e.g. ROU,ESP")
    group.add_argument("--sectors", help="sector ids, e.g. S01,S04")
    parser.add_argument("--preset", choices=list(export.PRESETS), default=export.DEFAULT_PRESET)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aimap",
                                     description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check the data tables; exit 1 on problems")
    validate.add_argument("dir", nargs="?", default=str(data_dir()), help="the data folder")
    validate.add_argument("--geo", default=str(GEO_FILE), help="the boundaries file")
    validate.set_defaults(run=_validate)

    export_command = commands.add_parser("export", help="one view as a PNG")
    export_command.add_argument("--view", required=True,
                                choices=[v.key for v in VIEWS if v.figures])
    export_command.add_argument("--figure", help="which of the view's figures (default: first)")
    export_command.add_argument("--out", required=True, help="the PNG file to write")
    _add_filters(export_command)
    options = export_command.add_argument_group("view options (as in the URL)")
    for key, (_, help_text) in params.PARAMS.items():
        options.add_argument(f"--{key}", help=help_text)
    export_command.set_defaults(run=_export)

    pack_command = commands.add_parser("pack", help="the briefing pack: every view, a summary, "
                                                    "SOURCES.txt and their ZIP")
    pack_command.add_argument("--out", required=True, help="the folder to write into")
    _add_filters(pack_command)
    pack_command.set_defaults(run=_pack)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
