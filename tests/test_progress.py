"""Progress on stderr: n/N, an ETA only after a few documents, lines in a log file (a fake clock:
no wall-clock time is asserted)."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main
from extractor.io.progress import ETA_AFTER, LINE_EVERY, Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_terminal_shows_n_of_total_and_an_eta_only_after_a_few_documents() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(20, out, terminal=True, clock=clock)
    clock.now += 30  # loading the models and starting workers: not in the rate
    for _ in range(ETA_AFTER - 1):
        clock.now += 1
        progress.update(failed=False)
        assert "ETA" not in progress.status()
    assert progress.status().startswith(f"extracting {ETA_AFTER - 1}/20 documents")
    clock.now += 1
    progress.update(failed=True)
    # 4 documents in the 4 s since the first: 1 doc/s, 15 to go
    assert progress.status() == f"extracting {ETA_AFTER}/20 documents, 1 failed, 1.0 docs/s, ETA 0:15"
    assert "\r" in out.getvalue() and "\n" not in out.getvalue()
    progress.finish()
    assert out.getvalue().endswith("\n")


def test_a_log_file_gets_a_line_every_few_seconds() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress(100, out, terminal=False, clock=clock)
    for _ in range(30):
        clock.now += LINE_EVERY / 4
        progress.update(failed=False)
    lines = out.getvalue().splitlines()
    assert lines[0] == "extract: extracting 100 documents"
    assert len(lines) == 1 + 30 // 4
    assert lines[1].startswith("extract: extracting 4/100 documents")
    assert "ETA" in lines[-1] and "\r" not in out.getvalue()


def test_progress_option_in_a_log(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Мэр Твери Алексей Огоньков открыл новую школу.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path), "--progress", "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "extract: extracting 3 documents"
    assert "\r" not in result.stderr
    quiet = CliRunner().invoke(main, [str(tmp_path), "--jobs", "1"], catch_exceptions=False)
    assert "extracting" not in quiet.stderr  # not a terminal, not asked for
