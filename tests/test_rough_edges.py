"""The rough edges a new user hit (issue 15), each through the command; and the README's jq
recipes on a batch with an error record and a person with two posts."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import validate

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
KAZAN = "Мэр Казани Ильсур Метшин открыл новый парк. Он также является секретарём регионального совета.\n"
PERM = (
    "Губернатор Пермского края Дмитрий Махонин встретился с журналистами. Дмитрий Махонин, председатель "
    "наблюдательного совета фонда развития, поддержал проект.\n"
)


def invoke(args: list[str], **kw: Any) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=False, **kw)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_several_globs_add_up(tmp_path: Path) -> None:
    write(tmp_path / "a.html", f"<p>{KAZAN}</p>")
    write(tmp_path / "b.htm", f"<p>{PERM}</p>")
    write(tmp_path / "c.txt", KAZAN)
    result = invoke([str(tmp_path), "--glob", "*.html", "--glob", "*.htm", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()] == ["a.html", "b.htm"]


def test_no_input_names_the_pattern_and_suggests_html(tmp_path: Path) -> None:
    write(tmp_path / "site" / "news.html", f"<p>{KAZAN}</p>")
    result = invoke([str(tmp_path / "site")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"extract: no input files matching *.txt in {tmp_path / 'site'}; HTML pages: --glob '*.html' --glob '*.htm'\n"
    )


def test_indent_applies_to_out_dir_files(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", KAZAN)
    invoke([str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"), "--indent", "2", "--jobs", "1"])
    text = (tmp_path / "out" / "a.txt.json").read_text(encoding="utf-8")
    assert text.startswith('{\n  "source": ') and text.endswith("}\n")
    validate(json.loads(text))
    invoke([str(tmp_path / "in"), "--out-dir", str(tmp_path / "flat"), "--jobs", "1"])
    assert (tmp_path / "flat" / "a.txt.json").read_text(encoding="utf-8").count("\n") == 1  # default: compact


def test_skip_existing_counts_the_skipped(tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "a.txt", KAZAN)
    write(d / "b.txt", PERM)
    out = tmp_path / "out"
    invoke([str(d / "a.txt"), "--out-dir", str(out)])
    result = invoke([str(d), "--out-dir", str(out), "--skip-existing", "--jobs", "1"])
    assert result.exit_code == 0
    assert "extract: 1 document, 0 failed, 1 skipped (already in --out-dir), " in result.stderr


@pytest.mark.parametrize("args", [["-"], []], ids=["dash", "piped"])
def test_stdin_with_out_dir_asks_for_a_name(tmp_path: Path, args: list[str]) -> None:
    result = invoke([*args, "--out-dir", str(tmp_path / "out")], input=KAZAN.encode())
    assert result.exit_code == 2
    assert "mixed" not in result.stderr
    assert "--source-name" in result.stderr


def test_source_name_names_stdin(tmp_path: Path) -> None:
    result = invoke(["-", "--source-name", "kazan-2025.txt"], input=KAZAN.encode())
    assert json.loads(result.stdout)["source"] == "kazan-2025.txt"
    out = tmp_path / "out"
    result = invoke(["-", "--source-name", "news/kazan.txt", "--out-dir", str(out)], input=KAZAN.encode())
    assert result.exit_code == 0, result.stderr
    assert json.loads((out / "news" / "kazan.txt.json").read_text(encoding="utf-8"))["source"] == "news/kazan.txt"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["-", "--source-name", "../x.txt", "--out-dir", "OUT"], "'..'"),
        (["-", "--source-name", "/etc/x", "--out-dir", "OUT"], "relative"),
        (["FILE", "--source-name", "x"], "standard input"),
        (["-", "--source-name", " "], "empty"),
    ],
)
def test_source_name_usage_errors(tmp_path: Path, args: list[str], needle: str) -> None:
    f = write(tmp_path / "a.txt", KAZAN)
    args = [str(f) if a == "FILE" else str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = invoke(args, input=KAZAN.encode())
    assert result.exit_code == 2
    assert needle in result.stderr
    assert not (tmp_path / "out").exists() and not Path("/etc/x.json").exists()


def test_help_mentions_html_and_utf16() -> None:
    text = invoke(["--help"]).stdout
    assert "HTML" in text and "UTF-16" in text
    for option in ("--summary", "--html", "--tables", "--with-text", "--date-override", "--source-name"):
        assert option in text


# --------------------------------------------------------------------------- README's jq recipes

JQ = shutil.which("jq")


def readme_jq_filters() -> list[str]:
    """The filters of the README's `extract releases/ | jq -r '...'` recipes (continued lines joined)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [" ".join(m.group(1).split()) for m in re.finditer(r"extract releases/ \| jq -r '(.*?)'", text, re.DOTALL)]


def test_the_readme_has_jq_recipes() -> None:
    filters = readme_jq_filters()
    assert len(filters) >= 3
    assert all("select(.error" in f for f in filters)


@pytest.mark.skipif(JQ is None and not os.environ.get("CI"), reason="no jq here (.ci/run installs it)")
def test_readme_jq_recipes_survive_errors_and_keep_every_post(tmp_path: Path) -> None:
    assert JQ is not None
    d = tmp_path / "releases"
    write(d / "a.txt", PERM)
    write(d / "b.txt", "")  # an error record in the middle
    write(d / "c.txt", KAZAN)
    batch = invoke([str(d), "--jobs", "1"]).stdout
    outputs = []
    for jq_filter in readme_jq_filters():
        proc = subprocess.run([JQ, "-r", jq_filter], input=batch.encode(), capture_output=True, timeout=60)
        assert proc.returncode == 0, (jq_filter, proc.stderr.decode())
        outputs.append(proc.stdout.decode("utf-8"))
    people, posts, errors = outputs[:3]
    assert "Ильсур Метшин" in people
    rows = [line.split("\t") for line in posts.splitlines()]
    makhonin = [r for r in rows if r[1] == "Дмитрий Махонин"]
    assert len(makhonin) >= 2  # both posts, not only the first
    assert any(r[3] == "Пермский край" for r in makhonin)
    assert errors.split("\t")[:2] == [str(d / "b.txt"), "empty"]
