"""Where the records of a run go, together: JSON on stdout, ``--out-dir`` files, ``--tables``
CSV files, a digest on stdout (``--summary``), HTML pages (``--html``). Each takes the record's
JSON line as the run made it; the ones that need the record itself share one parse of it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from extractor.io.digest import digest
from extractor.io.errors import display_name
from extractor.io.output import DirSink, OutputError, OutputFileError, StdoutSink
from extractor.io.tables import TableSink
from extractor.io.view import HtmlSink


def _dumps(record: dict[str, Any], indent: int | None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


@dataclass
class Outputs:
    """The outputs a run was asked for. ``json``: JSON on stdout (one object, or JSON Lines);
    ``indent``: of JSON written (stdout's single document, ``--out-dir`` files); ``keep_text``:
    whether the record's ``text`` (added for a page that needs it) stays in the JSON and tables."""

    json: bool = True
    out_dir: DirSink | None = None
    tables: TableSink | None = None
    html: HtmlSink | None = None
    summary: bool = False  # a digest of each record on stdout
    indent: int | None = None
    keep_text: bool = True
    stdout: StdoutSink = field(default_factory=StdoutSink)
    closed: bool = False

    def check(self) -> None:
        """Every output can be written, before anything is extracted: else OutputError."""
        if self.json or self.summary:
            self.stdout.check()
        if self.out_dir is not None:
            self.out_dir.check()
        if self.tables is not None:
            try:
                self.tables.check()
            except OSError as e:
                where = display_name(str(self.tables.folder))
                raise OutputError(f"cannot write to {where}: {e.strerror or e}") from None
        if self.html is not None:
            try:
                self.html.check()
            except OSError as e:
                raise OutputError(f"cannot write to {display_name(str(self.html.path))}: {e.strerror or e}") from None

    def write(self, line: str, source: str, out_name: str) -> str | None:
        """Write one record everywhere; the one-line message of an output file that alone could
        not be written (its document fails), or None. OutputError: nothing more can be written."""
        record: dict[str, Any] | None = None
        parsed = self.tables is not None or self.summary or self.html is not None
        if not self.keep_text or self.indent is not None or parsed:
            record = json.loads(line)
            if self.html is not None:
                self._page(record, out_name)
            if not self.keep_text:
                record.pop("text", None)
            line = _dumps(record, None)
        if self.json:
            self.stdout.write(line)
        if self.summary and record is not None:
            self.stdout.write(digest(record))  # its own last newline and write's: a blank line between
        failed = None
        if self.out_dir is not None:
            try:
                self.out_dir.write(out_name, line if self.indent is None else _dumps(record or {}, self.indent), source)
            except OutputFileError as e:
                failed = e.message
        if self.tables is not None and record is not None:
            try:
                self.tables.write(record)
            except OSError as e:
                where = display_name(str(self.tables.folder))
                raise OutputError(f"cannot write to {where}: {e.strerror or e}") from None
        return failed

    def _page(self, record: dict[str, Any], out_name: str) -> None:
        assert self.html is not None
        try:
            self.html.write(record, out_name)
        except OSError as e:
            raise OutputError(f"cannot write to {display_name(str(self.html.path))}: {e.strerror or e}") from None

    def close(self) -> None:
        """Finish the outputs (the tables' files, the pages' index), once: OutputError if that fails."""
        if self.closed:
            return
        self.closed = True
        if self.tables is not None:
            self.tables.close()
        if self.html is not None:
            try:
                self.html.close()
            except OSError as e:
                raise OutputError(f"cannot write to {display_name(str(self.html.path))}: {e.strerror or e}") from None
