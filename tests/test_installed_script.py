"""The installed console script, and the promise that pymorphy2/pkg_resources are never needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import validate

SCRIPT = Path(sys.executable).parent / "extract"
TEXT = "Губернатор Тульской области Дмитрий Миляев встретился с Борисом Грызловым 29 сентября 2025 года."


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"console script not installed at {SCRIPT}")
def test_console_script(tmp_path: Path) -> None:
    f = tmp_path / "release.txt"
    f.write_text(TEXT + "\n", encoding="utf-8")
    proc = subprocess.run(
        [str(SCRIPT), str(f)], capture_output=True, timeout=300, env=_env(), cwd=tmp_path
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    out = proc.stdout.decode("utf-8")
    assert out.count("\n") == 1  # a pipe is not a terminal: compact
    record = json.loads(out)
    validate(record)
    assert record["source"] == str(f)
    names = [p["name"] for p in record["persons"]]
    assert "Дмитрий Миляев" in names
    assert "Борис Грызлов" in names


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"console script not installed at {SCRIPT}")
def test_console_script_no_input_on_a_terminal(tmp_path: Path) -> None:
    """No path and stdin a terminal: a usage error (2), not a hang waiting for input."""
    master, slave = os.openpty()
    try:
        proc = subprocess.run(
            [str(SCRIPT)], stdin=slave, capture_output=True, timeout=120, env=_env(), cwd=tmp_path
        )
    finally:
        os.close(slave)
        os.close(master)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, stderr
    assert proc.stdout == b""
    assert "no input" in stderr
    assert "Traceback" not in stderr


NO_PYMORPHY2 = textwrap.dedent(
    """
    import sys
    sys.modules["pkg_resources"] = None  # importing it now raises ImportError

    import pymorphy2.analyzer

    def _refuse(self, *args, **kwargs):
        raise RuntimeError("pymorphy2 constructed")

    pymorphy2.analyzer.MorphAnalyzer.__init__ = _refuse

    import json
    from extractor.pipeline import Pipeline

    doc = Pipeline().extract({text!r})
    assert sys.modules["pkg_resources"] is None
    assert "natasha" not in sys.modules, "only slovnet, navec and razdel are needed"
    try:  # the trap is armed: constructing one really fails
        pymorphy2.analyzer.MorphAnalyzer()
    except RuntimeError:
        pass
    else:
        raise AssertionError("MorphAnalyzer.__init__ was not patched")
    print(json.dumps(doc.to_json(), ensure_ascii=False))
    """
)


def test_pymorphy2_never_constructed_and_no_pkg_resources() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", NO_PYMORPHY2.format(text=TEXT)],
        capture_output=True,
        timeout=300,
        env=_env(),
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    record = json.loads(proc.stdout.decode("utf-8"))
    validate(record)
    names = [p["name"] for p in record["persons"]]
    assert "Дмитрий Миляев" in names
    assert "Борис Грызлов" in names
    grizlov = next(p for p in record["persons"] if p["name"] == "Борис Грызлов")
    assert (grizlov["first"], grizlov["last"]) == ("Борис", "Грызлов")
    assert any(m["text"] == "Борисом Грызловым" for m in grizlov["mentions"])
