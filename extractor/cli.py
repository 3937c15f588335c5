"""The `extract` command: choosing inputs and outputs, exit codes. No NLP here."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from extractor import DISTRIBUTION
from extractor.io.errors import STDIN, display_name, source_name
from extractor.io.inputs import Input, check_out_name, check_pattern, find_inputs, html_files_under
from extractor.io.output import DirSink, OutputError, StdoutSink, deferred_signals
from extractor.io.progress import Progress
from extractor.io.reader import check_encoding
from extractor.io.sinks import Outputs
from extractor.io.tables import TableSink
from extractor.io.view import HtmlSink
from extractor.model import error_record
from extractor.run.chunks import Item, Result, Settings, dumps, process_chunk, warm_up
from extractor.run.limits import MAX_TIMEOUT
from extractor.run.local import PoolError, run, workers_within_fd_limit

DASK_INSTALL = f"pip install '{DISTRIBUTION}[dask]' (from a clone: pip install '.[dask]')"

EXIT_OK = 0  # every input extracted
EXIT_FAILED = 1  # some inputs failed (error records), or the run could not go on (no worker, cluster lost)
# 2: a usage error, click's own
EXIT_OUTPUT = 3  # the output could not be written (stdout closed or full, --out-dir read-only or full)
EXIT_INTERRUPTED = 128 + signal.SIGINT  # Ctrl-C: 130
EXIT_TERMINATED = 128 + signal.SIGTERM  # SIGTERM: 143

# Without --jobs: a worker per CPU, but at least this many inputs per worker (forking and warming
# a worker costs about as much as extracting a document or two).
INPUTS_PER_DEFAULT_WORKER = 2
DEFAULT_PATTERN = "*.txt"

EPILOG = """\b
Examples:
  extract release.txt > release.json
  cat release.txt | extract -
  extract releases/ > all.jsonl
  extract releases/ --out-dir out/ --jobs 2
  extract release.txt --summary
  extract release.html --html view.html
  extract releases/ --tables tables/
  extract site/ --glob '*.html' --glob '*.htm' > all.jsonl
  extract releases/ | jq -r 'select(.error | not) | .source as $s | .persons[]
    | [$s, .name, (.posts | map(.normal) | join("; "))] | @tsv'
  extract old_koi8.txt --encoding koi8-r --date 2024-06-29

\b
Exit codes: 0 all inputs extracted, 1 some inputs failed (error records in the output),
2 usage error, 3 the output could not be written, 130 interrupted (Ctrl-C), 143 terminated
(SIGTERM); after 130 or 143 with --out-dir, --skip-existing resumes.
"""


@dataclass(frozen=True)
class Options:
    """The command's options, as click gives them."""

    ref_date: dt.date | None
    override_date: dt.date | None
    with_text: bool
    encoding: str | None
    patterns: tuple[str, ...]
    stdin_name: str | None
    out_dir: Path | None
    tables: Path | None
    html_path: Path | None
    summary: bool
    skip_existing: bool
    jobs: int | None
    timeout: float
    indent: int | None
    compact: bool
    progress: bool | None
    scheduler: str | None = None


class Terminated(BaseException):
    """SIGTERM, raised in the main thread: the run stops as it does on Ctrl-C."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated


@contextmanager
def _signal_handling() -> Iterator[None]:
    """`extract dir/ | head` ends quietly (SIGPIPE's default); SIGTERM stops a run as Ctrl-C does,
    with a summary. The previous handlers come back afterwards (the CLI may run in a test)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in (signal.SIGPIPE, signal.SIGTERM)}
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _reserve_standard_fds() -> None:
    """A standard stream the caller closed (``>&-``) gets /dev/null, so that no file opened later
    takes its number and receives what was meant for it."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def _note(message: str) -> None:
    click.echo(f"extract: {message}", err=True)


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
    try:
        check_encoding(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None
    return value


def _check_patterns(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    try:
        return tuple(check_pattern(v) for v in value) or (DEFAULT_PATTERN,)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def _check_source_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise click.BadParameter("the name is empty")
    return value


def _check_timeout(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of seconds (0 = no limit)")
    return value


def collect_items(paths: list[str], pattern: str | tuple[str, ...] = DEFAULT_PATTERN) -> list[Item]:
    """The inputs of a batch as run items, in sorted order (see ``io.inputs.find_inputs``)."""
    return [Item(i.path, i.source, i.error) for i in find_inputs(paths, pattern)]


def _indent(indent: int | None, compact: bool) -> int | None:
    if compact:
        return None
    if indent is not None:
        return indent
    return 2 if sys.stdout is not None and sys.stdout.isatty() else None


def _single(path: str, settings: Settings, indent: int | None, name: str | None = None) -> int:
    sink = StdoutSink()
    try:
        sink.check()
        warm_up()  # the time limit is for reading and extracting, not for loading the models
        (outcome,) = process_chunk([Item(path, name or source_name(path))], settings)
        for warning in outcome.warnings:
            _note(warning)
        if outcome.error is not None:
            _note(outcome.error)
            return EXIT_FAILED
        sink.write(outcome.line if indent is None else dumps(json.loads(outcome.line), indent))
    except OutputError as e:
        _note(e.message)
        return EXIT_OUTPUT
    return EXIT_OK


def _documents(n: int) -> str:
    return f"{n} document" if n == 1 else f"{n} documents"


def _batch(
    inputs: list[Input], outputs: Outputs, settings: Settings, jobs: int, progress: bool,
    scheduler: str | None = None, single: bool = False, skipped: int = 0,
) -> int:
    """Run a batch into its outputs. `single`: one file named alone (no summary line); `skipped`:
    inputs left out by --skip-existing (counted in the summary)."""
    started = time.monotonic()
    failed = done = 0
    out_names = {i.path: i.out_name for i in inputs}
    items = [Item(i.path, i.source, i.error) for i in inputs]
    bar = Progress(len(items), sys.stderr, _is_terminal(sys.stderr)) if progress else None

    def stopped(how: str) -> str:
        resume = " (--skip-existing resumes)" if outputs.out_dir is not None else ""
        return f"{how} after {done} of {_documents(len(items))}{resume}"

    def write(result: Result) -> str | None:
        """Write one result; the output's own failure, if any."""
        return outputs.write(result.line, result.item.source, out_names[result.item.path])

    try:
        if scheduler is None:
            runner = run(items, settings, jobs, note=_note)
        else:
            from extractor.run.cluster import run_on_cluster  # Dask loads only for --scheduler

            runner = run_on_cluster(items, settings, scheduler)
        with closing(runner) as results:  # closing it stops the workers
            for result in results:
                with deferred_signals():  # a Ctrl-C or SIGTERM lands after the count, which says what is written
                    errors = [e for e in (result.error, write(result)) if e is not None]
                    if bar is not None and (errors or result.warnings):
                        bar.clear()  # a note takes the line the bar is drawn on
                    for note in (*result.warnings, *errors):
                        _note(note)
                    failed += bool(errors)
                    done += 1
                if bar is not None:
                    bar.update(bool(errors))
        outputs.close()
    except (KeyboardInterrupt, Terminated) as stop:
        if bar is not None:
            bar.finish()
        interrupted = isinstance(stop, KeyboardInterrupt)
        click.echo("", err=True)
        _note(stopped("interrupted" if interrupted else "terminated"))
        return EXIT_INTERRUPTED if interrupted else EXIT_TERMINATED
    except OutputError as e:
        _note(f"{e.message}; {stopped('stopped')}")
        return EXIT_OUTPUT
    except PoolError as e:
        _note(f"{e.message}; {stopped('stopped')}")
        return EXIT_FAILED
    finally:
        with suppress(OutputError):  # stopped early: what can be finished is (the index of the pages so far)
            outputs.close()
    if bar is not None:
        bar.finish()
    elapsed = time.monotonic() - started
    rate = done / elapsed if elapsed > 0 else 0.0
    if not single:
        skips = f", {skipped} skipped (already in --out-dir)" if skipped else ""
        _note(f"{_documents(done)}, {failed} failed{skips}, {elapsed:.1f} s, {rate:.1f} docs/s")
    return EXIT_FAILED if failed else EXIT_OK


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: a record
@click.option("--date", "ref_date", metavar="YYYY-MM-DD", callback=_parse_date,
              help="Reference date for relative dates («вчера», «в прошлом году») in a release that has no "
                   "date of its own (in its header, dateline or HTML page).")
@click.option("--date-override", "override_date", metavar="YYYY-MM-DD", callback=_parse_date,
              help="Reference date for relative dates in every release, even one with a date of its own.")
@click.option("--with-text", is_flag=True, help="Add the decoded text (what the offsets refer to) to each record.")
@click.option("--encoding", callback=_check_encoding, metavar="NAME",
              help="Force the input encoding (default: detected: UTF-8, UTF-16 with BOM, CP1251 or KOI8-R).")
@click.option("--glob", "patterns", multiple=True, callback=_check_patterns, metavar="PATTERN",
              help=f"Files to take from directories, searched recursively (relative, no '..'); repeat it for "
                   f"several: --glob '*.html' --glob '*.htm'. Default: {DEFAULT_PATTERN}.")
@click.option("--source-name", "stdin_name", metavar="NAME", callback=_check_source_name,
              help="The name of standard input (-) in the output (default: -); with --out-dir, its file name there.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT/<relative path>.json per input instead of JSON Lines on stdout.")
@click.option("--tables", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Write DIR/<kind>.csv (persons, posts, organizations, ..., documents, errors), UTF-8 with BOM, "
                   "instead of JSON on stdout.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), metavar="PATH",
              help="Write a page to look at: the text with every entity highlighted (hover for its normal form, "
                   "value, post), facts and figures beside it. One input: PATH is the page; a batch: a folder "
                   "of pages with an index.html.")
@click.option("--summary", is_flag=True,
              help="Print a short readable digest of each document (persons with posts, organizations, facts, "
                   "figures) instead of JSON.")
@click.option("--skip-existing", is_flag=True,
              help="With --out-dir: skip inputs whose output holds a document (error records are redone).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for batches (default: CPU count; 1 = in-process).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run batches on a Dask cluster: 'local' (two worker processes on this machine) or a "
                   "scheduler's address (tcp://HOST:PORT); paths must be readable by every worker. "
                   f"Needs the dask extra: {DASK_INSTALL}.")
@click.option("--timeout", type=click.FloatRange(min=0, max=MAX_TIMEOUT), default=60, show_default=True,
              metavar="SECONDS", callback=_check_timeout,
              help="Per-document time limit on reading and extracting; a document taking longer gets a "
                   "timeout error record (0 = no limit).")
@click.option("--indent", type=click.IntRange(min=0), default=None,
              help="Indent single-document JSON and --out-dir files by N spaces (default: 2 for one document "
                   "on a terminal).")
@click.option("--compact", is_flag=True, help="Compact single-document JSON even on a terminal.")
@click.option("--progress/--no-progress", default=None,
              help="Progress on stderr for batches: n/N, rate, ETA; a line redrawn on a terminal, else a line "
                   "every 10 s (default: on when stderr is a terminal).")
# the version is looked up when asked for: reading the package metadata costs every start 20 ms
@click.version_option(package_name=DISTRIBUTION, prog_name="extract")
def main(paths: tuple[str, ...], **options: Any) -> None:
    """Extract persons with their posts, organizations, locations, percentages, dates (and more)
    from Russian press releases, as JSON.

    One FILE (or - for stdin, or no path with piped input) gives one JSON object; a directory
    or several paths give JSON Lines, one object per document, in sorted path order. Inputs are
    text (UTF-8, UTF-16 with BOM, CP1251, KOI8-R: detected) or HTML pages (.html, .htm, or text
    that starts as a page or a fragment): a page is reduced to its main text, and its date is
    the release's date. --summary, --html, --tables and --out-dir choose other outputs.
    """
    _reserve_standard_fds()
    opts = Options(**options)
    if opts.ref_date is not None and opts.override_date is not None:
        raise click.UsageError("--date and --date-override cannot be used together")
    # a page shows the text: the records carry it then, and it is dropped from the other outputs
    settings = Settings(opts.encoding, opts.override_date or opts.ref_date, opts.timeout,
                        opts.override_date is not None, opts.with_text or opts.html_path is not None)  # fmt: skip
    with _signal_handling():
        try:
            code = _main(paths, settings, opts)
        except KeyboardInterrupt:  # a batch says how far it got itself; this is before or outside one
            click.echo("", err=True)
            _note("interrupted")
            code = EXIT_INTERRUPTED
        except Terminated:
            _note("terminated")
            code = EXIT_TERMINATED
    sys.exit(code)


def _nothing_found(paths: tuple[str, ...], patterns: tuple[str, ...]) -> str:
    """Why a batch has no input, in one line, with the way out when the folders hold HTML pages."""
    where = ", ".join(display_name(p) for p in paths)
    what = " or ".join(patterns)
    html = html_files_under(paths) and "*.html" not in patterns
    hint = "; HTML pages: --glob '*.html' --glob '*.htm'" if html else ""
    return f"no input files matching {what} in {where}{hint}"


def _names_a_folder(path: Path) -> bool:
    """Whether --html for one input names a folder (an existing one, or written with a final /)."""
    return path.is_dir() or str(path).endswith(("/", os.sep))


def _main(paths: tuple[str, ...], settings: Settings, opts: Options) -> int:
    stdin_name, out_dir, tables, html_path = opts.stdin_name, opts.out_dir, opts.tables, opts.html_path
    skip_existing, jobs, scheduler, patterns = opts.skip_existing, opts.jobs, opts.scheduler, opts.patterns
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("no input: give a file, a directory, or - for stdin")
        paths = (STDIN,)
    if skip_existing and out_dir is None:
        raise click.UsageError("--skip-existing needs --out-dir")
    if STDIN in paths and len(paths) > 1:
        raise click.UsageError("- (stdin) cannot be mixed with other paths")
    if stdin_name is not None and paths != (STDIN,):
        raise click.UsageError("--source-name names standard input (-), and there is none")
    if STDIN in paths and out_dir is not None:
        if stdin_name is None:
            raise click.UsageError("- (stdin) has no file name to write under --out-dir: "
                                   "give it one with --source-name NAME, or redirect stdout instead")  # fmt: skip
        try:
            check_out_name(stdin_name)
        except ValueError as e:
            raise click.UsageError(f"--source-name: {e}") from None
    if scheduler is not None:
        from extractor.run.cluster import dask_available

        if jobs is not None:
            raise click.UsageError("--jobs and --scheduler cannot be used together")
        if not dask_available():
            raise click.UsageError(f"--scheduler needs Dask: {DASK_INSTALL}")
    single = len(paths) == 1 and not os.path.isdir(paths[0])
    other_outputs = out_dir is not None or tables is not None or html_path is not None or opts.summary
    if single and not other_outputs:
        return _single(paths[0], settings, _indent(opts.indent, opts.compact), stdin_name)

    if paths == (STDIN,):
        inputs = [Input(STDIN, stdin_name or STDIN, stdin_name or STDIN)]
    else:
        inputs = find_inputs(paths, patterns)
    if not inputs:
        _note(_nothing_found(paths, patterns))
        return EXIT_FAILED
    sink = None if out_dir is None else DirSink(out_dir)
    outputs = Outputs(
        json=not other_outputs, out_dir=sink, tables=None if tables is None else TableSink(tables),
        html=None if html_path is None else HtmlSink(html_path, not single or _names_a_folder(html_path)),
        summary=opts.summary, indent=None if opts.compact else opts.indent, keep_text=opts.with_text,
    )
    if sink is not None:  # two inputs must not silently overwrite each other's output
        targets: dict[Path, str] = {}
        for i in inputs:
            target = sink.path_of(i.out_name)
            if target in targets:
                names = f"{display_name(targets[target])} and {display_name(i.source)}"
                raise click.UsageError(f"{names} would both be written to {display_name(str(target))}")
            targets[target] = i.source
    try:
        outputs.check()
    except OutputError as e:
        _note(e.message)
        return EXIT_OUTPUT
    todo = inputs
    if sink is not None and skip_existing:
        todo = [i for i in inputs if not sink.holds_document(i.out_name)]
    show = _is_terminal(sys.stderr) if opts.progress is None else opts.progress
    workers = jobs or min(os.cpu_count() or 1, max(1, len(todo) // INPUTS_PER_DEFAULT_WORKER))
    if workers > 1 and scheduler is None:
        fit, why = workers_within_fd_limit(min(workers, len(todo)))
        if why is not None:
            _note(why)
            workers = fit
    return _batch(todo, outputs, settings, workers, show, scheduler, single, len(inputs) - len(todo))


__all__ = ["main", "collect_items", "error_record", "EXIT_OK", "EXIT_FAILED", "EXIT_OUTPUT"]
