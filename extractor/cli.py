"""The `extract` command: choosing inputs, writing outputs, exit codes. No NLP here."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import time
from contextlib import closing
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from extractor.io.output import write_atomic
from extractor.io.reader import ReadError, read_path, read_stdin
from extractor.model import error_record
from extractor.nlp.tagging import get_tagger
from extractor.run.chunks import Item, Settings, dumps
from extractor.run.limits import DocumentTimeout, time_limit, timeout_message
from extractor.run.local import run

EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 130  # 2, a usage error, is click's own

EPILOG = """\b
Examples:
  extract release.txt > release.json
  cat release.txt | extract -
  extract releases/ > all.jsonl
  extract releases/ --out-dir out/ --jobs 2
  extract releases/ | jq -r '.persons[] | [.name, (.posts[0].normal // "")] | @tsv'
  extract old_koi8.txt --encoding koi8-r --date 2024-06-29

\b
Exit codes: 0 all inputs extracted, 1 some inputs failed (error records in the output),
2 usage error, 130 interrupted (Ctrl-C; with --out-dir, --skip-existing resumes).
"""


def _version() -> str:
    try:
        return version("extractor")
    except PackageNotFoundError:
        return "unknown"


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _check_encoding(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


def collect_items(paths: list[str], pattern: str) -> list[Item]:
    """Files named directly, and files matching `pattern` under directories, in sorted path
    order. A path that does not exist stays in the list: it becomes an error record."""
    items: list[Item] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(x for x in path.rglob(pattern) if x.is_file()):
                items.append(Item(str(f), str(f)))
        else:
            items.append(Item(p, p))
    items = list({i.source: i for i in items}.values())  # a file named twice is extracted once
    items.sort(key=lambda i: i.source)
    return items


def _out_path(out_dir: Path, item: Item, roots: list[str]) -> Path:
    """OUT/<path relative to the directory it was found in>.json"""
    src = Path(item.path)
    for root in roots:
        r = Path(root)
        if r.is_dir():
            try:
                return out_dir / (str(src.relative_to(r)) + ".json")
            except ValueError:
                continue
    return out_dir / (src.name + ".json")


def _indent(indent: int | None, compact: bool) -> int | None:
    if compact:
        return None
    if indent is not None:
        return indent
    return 2 if sys.stdout.isatty() else None


def _write_stdout(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _single(path: str, settings: Settings, indent: int | None) -> int:
    try:
        text = read_stdin(sys.stdin.buffer, settings.encoding) if path == "-" else read_path(
            path, settings.encoding
        )
    except ReadError as e:
        click.echo(f"extract: {e.message}", err=True)
        return EXIT_FAILED
    from extractor.pipeline import Pipeline

    get_tagger()  # the time limit is for the extraction, not for loading the models
    try:
        with time_limit(settings.timeout):
            doc = Pipeline().extract(text, source=path, ref_date=settings.ref_date)
    except DocumentTimeout:
        click.echo(f"extract: {timeout_message(path, settings.timeout)}", err=True)
        return EXIT_FAILED
    except Exception as e:  # a bug of ours: say so in one line, keep the exit code honest
        click.echo(f"extract: {path}: extraction failed ({type(e).__name__})", err=True)
        return EXIT_FAILED
    _write_stdout(dumps(doc.to_json(), indent))
    return EXIT_OK


def _batch(
    items: list[Item], roots: list[str], settings: Settings, jobs: int, out_dir: Path | None,
    skip_existing: bool, progress: bool, scheduler: str | None = None,
) -> int:
    started = time.monotonic()
    failed = done = 0
    todo = items
    if out_dir is not None and skip_existing:
        todo = [i for i in items if not _out_path(out_dir, i, roots).exists()]
    bar = click.progressbar(length=len(todo), file=sys.stderr, label="extracting") if progress else None
    try:
        if scheduler is None:
            runner = run(todo, settings, jobs)
        else:
            from extractor.run.cluster import run_on_cluster  # Dask loads only for --scheduler

            runner = run_on_cluster(todo, settings, scheduler)
        with closing(runner) as results:  # closing it stops the workers
            for result in results:
                for warning in result.warnings:
                    click.echo(f"extract: {warning}", err=True)
                if result.failed:
                    failed += 1
                    click.echo(f"extract: {result.error}", err=True)
                line = result.line
                if out_dir is not None:
                    write_atomic(_out_path(out_dir, result.item, roots), line + "\n")
                else:
                    _write_stdout(line)
                done += 1
                if bar is not None:
                    bar.update(1)
    except KeyboardInterrupt:
        if bar is not None:
            bar.render_finish()
        resume = " (--skip-existing resumes)" if out_dir is not None else ""
        click.echo(f"\nextract: interrupted after {done} of {len(todo)} documents{resume}", err=True)
        return EXIT_INTERRUPTED
    if bar is not None:
        bar.render_finish()
    elapsed = time.monotonic() - started
    rate = done / elapsed if elapsed > 0 else 0.0
    click.echo(
        f"extract: {done} documents, {failed} failed, {elapsed:.1f} s, {rate:.1f} docs/s", err=True
    )
    return EXIT_FAILED if failed else EXIT_OK


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--date", "ref_date", metavar="YYYY-MM-DD", callback=_parse_date,
              help="Reference date for relative dates («вчера», «в прошлом году»). "
                   "Default: the release's own date from its header.")
@click.option("--encoding", callback=_check_encoding, metavar="NAME",
              help="Force the input encoding (default: UTF-8, CP1251 or KOI8-R, detected).")
@click.option("--glob", "pattern", default="*.txt", show_default=True,
              help="Files to take from directories (searched recursively).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT/<relative path>.json per input instead of JSON Lines on stdout.")
@click.option("--skip-existing", is_flag=True, help="With --out-dir: skip inputs whose output exists.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for batches (default: CPU count; 1 = in-process).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run batches on a Dask cluster: 'local' (two worker processes on this machine) or a "
                   "scheduler's address (tcp://HOST:PORT); paths must be readable by every worker. "
                   "Needs: pip install 'extractor[dask]'.")
@click.option("--timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Per-document time limit; a document taking longer gets a timeout error record "
                   "(0 = no limit).")
@click.option("--indent", type=click.IntRange(min=0), default=None,
              help="Indent single-document JSON by N spaces (default: 2 on a terminal).")
@click.option("--compact", is_flag=True, help="Compact single-document JSON even on a terminal.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr for batches (default: when stderr is a terminal).")
@click.version_option(_version(), prog_name="extract")
def main(
    paths: tuple[str, ...], ref_date: dt.date | None, encoding: str | None, pattern: str,
    out_dir: Path | None, skip_existing: bool, jobs: int | None, timeout: float, indent: int | None,
    compact: bool, progress: bool | None, scheduler: str | None = None,
) -> None:
    """Extract persons with their posts, organizations, locations, percentages and dates from
    Russian press releases, as JSON.

    One FILE (or - for stdin, or no path with piped input) gives one JSON object; a directory
    or several paths give JSON Lines, one object per document, in sorted path order.
    """
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `extract dir/ | head` ends quietly
    settings = Settings(encoding=encoding, ref_date=ref_date, timeout=timeout)
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: give a file, a directory, or - for stdin")
        paths = ("-",)
    if skip_existing and out_dir is None:
        raise click.UsageError("--skip-existing needs --out-dir")
    if len(paths) == 1 and not os.path.isdir(paths[0]) and out_dir is None:
        try:
            code = _single(paths[0], settings, _indent(indent, compact))
        except KeyboardInterrupt:
            click.echo("\nextract: interrupted", err=True)
            code = EXIT_INTERRUPTED
        sys.exit(code)
    if "-" in paths:
        raise click.UsageError("- (stdin) cannot be mixed with other paths")
    items = collect_items(list(paths), pattern)
    if not items:
        click.echo("extract: no input files found", err=True)
        sys.exit(EXIT_FAILED)
    if out_dir is not None:  # two inputs must not silently overwrite each other's output
        targets: dict[Path, str] = {}
        for item in items:
            target = _out_path(out_dir, item, list(paths))
            if target in targets:
                raise click.UsageError(f"{targets[target]} and {item.source} would both be written to {target}")
            targets[target] = item.source
    show = sys.stderr.isatty() if progress is None else progress
    workers = jobs or os.cpu_count() or 1
    workers = min(workers, max(1, len(items) // 2)) if jobs is None else workers
    if scheduler is not None:
        from extractor.run.cluster import dask_available

        if jobs is not None:
            raise click.UsageError("--jobs and --scheduler cannot be used together")
        if not dask_available():
            raise click.UsageError("--scheduler needs Dask: pip install 'extractor[dask]'")
    sys.exit(_batch(items, list(paths), settings, workers, out_dir, skip_existing, show, scheduler))


__all__ = ["main", "collect_items", "error_record"]
