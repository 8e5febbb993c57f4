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
import tempfile
from pathlib import Path

from aimap import changes, datapackage, export, formatting, options, query, safety
from aimap.load import GEO_FILE, DataError, Dataset, data_dir, load_dataset
from aimap.selection import Selection
from aimap.views import VIEWS, VIEWS_BY_KEY, figure_name


def _validate(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.dir), Path(args.geo))
    except DataError as error:
        print("\n".join(error.problems))
        return 1
    counts = ", ".join(f"{name} {len(getattr(dataset, name))}" for name in
                       ("factories", "antennas", "budgets", "milestones", "sectors", "sources"))
    budgets = query.published_budgets(dataset, query.sites(dataset))
    print(f"ok: {counts}; published budgets {formatting.format_money(budgets.total_eur)} "
          f"({budgets.summed} of {budgets.sites} sites)")
    return 0


def _given(args: argparse.Namespace, names: list[str]) -> dict[str, list[str]]:
    return {name: [getattr(args, name)] for name in names if getattr(args, name) is not None}


def _refused(notices: list[options.Notice], describe: dict[str, str]) -> list[str]:
    """The usage problems among `notices` (a dropped value), each with what is allowed."""
    return [f"--{n.name} {n.given!r} is not allowed ({describe[n.name]})" for n in notices
            if n.shown is None]


def _adjusted(notices: list[options.Notice]) -> None:
    for notice in notices:
        if notice.shown is not None:
            print(f"--{notice.name} {notice.given!r}: using {notice.shown}", file=sys.stderr)


def _selection(args: argparse.Namespace, dataset: Dataset) -> tuple[Selection, list[str]]:
    """The filters given, and a usage problem for each value the data does not know."""
    selection, notices = options.read_selection(
        _given(args, [f.name for f in options.FILTERS]), dataset)
    describe = {f.name: ", ".join(f.allowed(dataset)) for f in options.FILTERS}
    return selection, _refused(notices, describe)


def _load() -> Dataset | None:
    try:
        return load_dataset(data_dir(), GEO_FILE)
    except DataError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return None


def _unwritable(path: Path, folder: bool = False) -> str | None:
    """Why `path` cannot be written, found before any rendering by trying (permissions say
    little to root or on special file systems); None if it can. Missing folders are made."""
    if folder and path.exists() and not path.is_dir():
        return f"--out {str(path)!r} is a file, not a folder"
    if not folder and path.is_dir():
        return f"--out {str(path)!r} is a folder"
    if not folder and path.is_symlink() and not path.exists():
        return f"--out {str(path)!r} is a link to nothing"
    if not folder and path.exists() and not path.is_file():
        return f"--out {str(path)!r} is not a regular file (a pipe or a device)"
    try:
        if folder:
            path.mkdir(parents=True, exist_ok=True)
            tempfile.TemporaryFile(dir=path).close()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            existed = path.exists()
            with path.open("ab"):
                pass
            if not existed:
                path.unlink()
    except OSError as error:
        return f"--out {str(path)!r} cannot be written ({error.strerror or error})"
    return None


def _write(files: dict[Path, bytes]) -> int:
    """Write the rendered files; a failure (a full disk) is a message and exit 2."""
    try:
        for path, content in files.items():
            path.write_bytes(content)
    except OSError as error:
        print(f"could not write {error.filename or 'the output'}: {error.strerror or error}",
              file=sys.stderr)
        return 2
    print("\n".join(str(path) for path in files))
    return 0


def _export(args: argparse.Namespace) -> int:
    dataset = _load()
    if dataset is None:
        return 1
    view = VIEWS_BY_KEY[args.view]
    selection, problems = _selection(args, dataset)
    given = _given(args, list(_all_options()))
    problems += [f"--{name} does not apply to the {view.key} view" for name in given
                 if name not in {option.name for option in view.options}]
    values, notices = options.read_options(view.options, given, dataset)
    problems += _refused(notices, {o.name: o.describe(dataset) for o in view.options})
    builder = view.figure(args.figure)
    if builder is None:
        problems.append("--figure must be one of: "
                        + ", ".join(figure_name(b) for b in view.figures))
    problems += filter(None, [_unwritable(Path(args.out))])
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    _adjusted(notices)
    try:
        image = export.png(builder, dataset, selection, args.preset,
                           **view.keywords(builder, values))
    except export.ExportUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    return _write({Path(args.out): image})


def _pack(args: argparse.Namespace) -> int:
    dataset = _load()
    if dataset is None:
        return 1
    selection, problems = _selection(args, dataset)
    problems += filter(None, [_unwritable(Path(args.out), folder=True)])
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    try:
        files = export.briefing_files(dataset, selection, args.preset)
    except export.ExportUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    out = Path(args.out)
    return _write({**{out / name: content for name, content in files.items()},
                   out / "aimap-briefing-pack.zip": export.zipped(files)})


def _datapackage(args: argparse.Namespace) -> int:
    try:
        print(datapackage.written(Path(args.dir)))
    except OSError as error:
        print(f"{args.dir}: cannot write {datapackage.FILE}: {error}", file=sys.stderr)
        return 2
    return 0


def _changes(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    known = changes.releases(folder)
    if args.since not in known:
        print(f"--since: no release {args.since!r} in {folder / changes.RELEASES_DIR}; "
              f"releases: {', '.join(known) or 'none'}", file=sys.stderr)
        return 2
    found = safety.frame_csv(changes.compare(folder / changes.RELEASES_DIR / args.since, folder))
    if args.out is None:
        sys.stdout.write(found.decode("utf-8"))
        return 0
    problem = _unwritable(Path(args.out))
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return _write({Path(args.out): found})


def _all_options() -> dict[str, options.Option]:
    """Every view's options that a figure takes, by name (a name means the same wherever it
    appears)."""
    return {option.name: option for view in VIEWS for option in view.options if option.keyword}


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters (as in the URL; comma-separated)")
    for spec in options.FILTERS:
        group.add_argument(f"--{spec.name}", help=spec.describe())
    parser.add_argument("--preset", choices=list(export.PRESETS), default=export.DEFAULT_PRESET)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aimap",
                                     description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check the data tables; exit 1 on problems")
    validate.add_argument("dir", nargs="?", default=str(data_dir()), help="the data folder")
    validate.add_argument("--geo", default=str(GEO_FILE), help="the boundaries file")
    validate.set_defaults(run=_validate)

    package = commands.add_parser(
        "datapackage", help="write the folder's datapackage.json (Frictionless Data Package)")
    package.add_argument("dir", nargs="?", default=str(data_dir()), help="the data folder")
    package.set_defaults(run=_datapackage)

    since = commands.add_parser("changes", help="what changed since a release of the data, "
                                                "as CSV")
    since.add_argument("--since", required=True, help="a release: the name of a folder in "
                                                      "DIR/releases (its as-of date)")
    since.add_argument("--dir", default=str(data_dir()), help="the data folder")
    since.add_argument("--out", help="the CSV file to write (default: standard output)")
    since.set_defaults(run=_changes)

    export_command = commands.add_parser("export", help="one view as a PNG")
    export_command.add_argument("--view", required=True,
                                choices=[v.key for v in VIEWS if v.figures])
    export_command.add_argument("--figure", help="which of the view's figures (default: first)")
    export_command.add_argument("--out", required=True, help="the PNG file to write")
    _add_filters(export_command)
    view_options = export_command.add_argument_group("view options (as in the URL)")
    for name, option in _all_options().items():
        views = ", ".join(v.key for v in VIEWS if option in v.options)
        view_options.add_argument(f"--{name}", help=f"{views}: {option.describe()}")
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
