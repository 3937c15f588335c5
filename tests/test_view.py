"""`extract --html`: a page with every entity highlighted, checked as HTML and rendered in a real
headless browser (Debian's Chromium; `.ci/run` installs it, so in CI the browser test never skips)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from extractor.cli import main
from extractor.io.view import Span, highlight

OMSK = (
    "Омск, 17 марта 2025 года. Губернатор Омской области Виталий Хоценко провёл рабочую встречу с "
    "генеральным директором АО «Омсктрансмаш» Андреем Ивановым. Выпуск продукции завода вырос на 8,5%. "
    "Губернатор поблагодарил коллектив.\n"
)


def marks(markup: str) -> list[tuple[str, str, str]]:
    """(kind, text, title) of every highlight of a page or a piece of one."""
    tree = lxml_html.fromstring(f"<div>{markup}</div>")
    return [(m.get("data-kind"), m.text_content(), m.get("title")) for m in tree.iter("mark")]


def run_html(args: list[str]) -> None:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""


def test_spans_that_cross_are_cut_to_nest() -> None:
    text = "один два три четыре"
    found = [Span(0, -8, 0, "person", ["a"]), Span(5, -12, 1, "post", ["b"]), Span(13, -19, 3, "location", ["<c>"])]
    markup = highlight(text, sorted(found))
    assert marks(markup) == [("person", "один два", "a"), ("post", "два", "b"), ("post", " три", "b"),
                             ("location", "четыре", "<c>")]  # fmt: skip
    assert lxml_html.fromstring(f"<div>{markup}</div>").text_content() == text


def test_a_page_of_one_release(tmp_path: Path) -> None:
    f = tmp_path / "omsk.txt"
    f.write_text(OMSK, encoding="utf-8")
    run_html([str(f), "--html", str(tmp_path / "view.html")])
    doc = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert "<script" not in doc and "<link" not in doc and "src=" not in doc and "url(" not in doc  # self-contained
    tree = lxml_html.fromstring(doc)
    assert tree.get_element_by_id("text").text_content() == OMSK  # the whole text, as the offsets count it
    found = marks(lxml_html.tostring(tree.get_element_by_id("text"), encoding="unicode"))
    by_text = {text: (kind, title) for kind, text, title in found}
    assert by_text["Виталий Хоценко"][0] == "person"
    assert "person: Виталий Хоценко" in by_text["Виталий Хоценко"][1]
    assert "post: губернатор Омской области" in by_text["Виталий Хоценко"][1]
    kind, title = by_text["генеральным директором АО «Омсктрансмаш»"]
    assert kind == "post" and "organization: Омсктрансмаш" in title and "person: Андрей Иванов" in title
    assert by_text["8,5%"][0] == "percentage" and "value: 8.5" in by_text["8,5%"][1]
    assert by_text["17 марта 2025 года"] == ("date", "date: 17 марта 2025 года\nvalue: 2025-03-17")
    aside = tree.find(".//aside").text_content()
    assert "8,5% — выпуск продукции завода" in aside


def test_a_folder_of_pages_with_an_index(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "omsk.txt").write_text(OMSK, encoding="utf-8")
    (d / "empty.txt").write_text(" ", encoding="utf-8")
    result = CliRunner().invoke(main, [str(d), "--html", str(tmp_path / "pages"), "--jobs", "1"])
    assert result.exit_code == 1  # the empty one
    assert (tmp_path / "pages" / "sub" / "omsk.txt.html").is_file()
    index = lxml_html.fromstring((tmp_path / "pages" / "index.html").read_bytes())
    assert [a.get("href") for a in index.iter("a")] == ["sub/omsk.txt.html"]
    assert "file is empty" in index.text_content()


def test_html_with_json_keeps_the_text_out_of_the_json(tmp_path: Path) -> None:
    f = tmp_path / "omsk.txt"
    f.write_text(OMSK, encoding="utf-8")
    out = tmp_path / "out"
    run_html([str(f), "--html", str(tmp_path / "v.html"), "--out-dir", str(out)])
    record = json.loads((out / "omsk.txt.json").read_text(encoding="utf-8"))
    assert "text" not in record and record["persons"]


# --------------------------------------------------------------------------- in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# the flags a sandboxed machine without network needs (see .ci/run)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
# appended to a copy of the page: what the browser made of it, written into the DOM it dumps
PROBE = """<script>
const found = [...document.querySelectorAll('#text mark')].map(m => ({
  kind: m.dataset.kind, text: m.textContent, title: m.title,
  background: getComputedStyle(m).backgroundColor, visible: m.getBoundingClientRect().width > 0}));
const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(found);
document.body.appendChild(pre);
</script>"""


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="no chromium here (.ci/run installs it)")
def test_the_page_in_a_headless_browser(tmp_path: Path) -> None:
    assert CHROMIUM is not None, "chromium is missing: .ci/run installs Debian's chromium"
    f = tmp_path / "omsk.txt"
    f.write_text(OMSK, encoding="utf-8")
    run_html([str(f), "--html", str(tmp_path / "view.html")])
    probed = tmp_path / "probed.html"
    probed.write_text((tmp_path / "view.html").read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"))
    proc = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probed.as_uri()],
        capture_output=True, timeout=120,
    )  # fmt: skip
    dom = lxml_html.fromstring(proc.stdout.decode("utf-8"))
    found = json.loads(dom.get_element_by_id("probe").text_content())
    by_text = {m["text"]: m for m in found}
    person = by_text["Виталий Хоценко"]
    assert person["kind"] == "person" and person["visible"]
    assert person["title"].startswith("person: Виталий Хоценко")
    assert "post: губернатор Омской области" in person["title"]
    post = by_text["генеральным директором АО «Омсктрансмаш»"]
    assert "organization: Омсктрансмаш" in post["title"]
    assert "value: 8.5" in by_text["8,5%"]["title"]
    # each kind in a colour of its own, none transparent
    colours = {m["kind"]: m["background"] for m in found}
    assert len(set(colours.values())) == len(colours) >= 4
    assert "rgba(0, 0, 0, 0)" not in colours.values()
