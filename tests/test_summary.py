"""`extract --summary`: a short digest for the terminal, from the record alone."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main
from extractor.io.digest import digest

VOLOGDA = (
    "Вологда, 5 февраля 2025 года. Губернатор Вологодской области Георгий Филимонов встретился с "
    "генеральным директором ПАО «Северсталь» Александром Шевелевым. Выпуск стали вырос на 4,5%.\n"
)


def test_summary_of_one_release(tmp_path: Path) -> None:
    f = tmp_path / "vologda.txt"
    f.write_text(VOLOGDA, encoding="utf-8")
    result = CliRunner().invoke(main, [str(f), "--summary"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0] == f"{f} — 2025-02-05"
    assert "  Георгий Филимонов — губернатор Вологодской области" in out
    assert "Северсталь (ПАО, company)" in out
    assert "4,5% — выпуск стали, increase" in out
    assert "{" not in out  # no JSON
    assert len(out.splitlines()) < 20
    assert "documents," not in result.stderr  # one file: no batch summary line


def test_summary_of_a_batch_with_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(VOLOGDA, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(main, [str(tmp_path), "--summary", "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 1
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 2
    assert blocks[1].startswith(f"{tmp_path / 'b.txt'}: not extracted (binary)")


def test_digest_shows_facts_and_money_when_a_record_has_them() -> None:
    record = {
        "source": "s.txt", "doc_date": None, "ref_date": "2025-01-10", "ref_date_source": "option",
        "persons": [{"name": "Анна Ковалёва", "posts": [{"normal": "министр финансов"}]}],
        "money": [{"text": "3 млрд рублей", "currency": "RUB", "subject": "бюджет программы"}],
        "appointments": [{"person": {"name": "Анна Ковалёва", "type": "person", "index": 0},
                          "post": "министр финансов", "action": "appointed", "date": "2025-01-09"}],
        "meetings": [],
    }  # fmt: skip
    text = digest(record)
    assert "s.txt — no date of its own (relative dates from 2025-01-10, option)" in text
    assert "  3 млрд рублей — RUB, бюджет программы" in text
    assert "  appointment: Анна Ковалёва (action appointed, post министр финансов, date 2025-01-09)" in text
    assert "meeting" not in text
