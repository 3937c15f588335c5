"""Imports go one way (DESIGN.md, «Layers»): every module under extractor/ is parsed, never imported,
and each import of the project is checked against the layer order and the one-rule-per-module
rule."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "extractor"
ROOT = Path(__file__).resolve().parent.parent

# top to bottom: a module imports from its own layer and the layers after it. `io` and `model`
# sit under everything (used from anywhere above), `model` lowest: it imports nothing of the project
LAYERS = ["cli", "run", "pipeline", "facts", "link", "rules", "lexicon", "nlp", "io", "model"]
# the package itself and the modules beside cli.py that face the user are the top layer
TOP = {PACKAGE, f"{PACKAGE}.cli", f"{PACKAGE}.api", f"{PACKAGE}.dask_backend", f"{PACKAGE}.__main__"}
RULES = f"{PACKAGE}.rules"


def module_name(path: str) -> str:
    """'extractor/rules/organizations/__init__.py' -> 'extractor.rules.organizations'."""
    parts = path.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    if module in TOP:
        return "cli"
    part = module.split(".")[1]
    return part if part in LAYERS else None


def rule_of(module: str) -> str | None:
    """The rule a module belongs to: rules/organizations/ is one rule, every other rules/X.py is one.
    The rules package itself (rules/__init__.py) is no rule: None."""
    parts = module.split(".")
    return parts[2] if parts[:2] == RULES.split(".") and len(parts) > 2 else None


def imported_modules(tree: ast.Module, module: str, is_package: bool, modules: set[str]) -> list[tuple[int, str]]:
    """(line, module of the project) for every import in the file, relative ones resolved; `from M
    import x` counts as M.x when that is a module (`from extractor.rules import dates`)."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):  # imports inside functions and TYPE_CHECKING blocks count too
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                found.append((node.lineno, sub if sub in modules else source))
    return [(line, name) for line, name in found if name == PACKAGE or name.startswith(PACKAGE + ".")]


def violations(sources: dict[str, str]) -> list[str]:
    """Every import that goes upward or from one rule into another, as 'file:line: why'.
    `sources` maps paths like 'extractor/rules/posts.py' to their text."""
    modules = {module_name(path) for path in sources}
    found = []
    for path, text in sorted(sources.items()):
        module = module_name(path)
        own = layer_of(module)
        if own is None:
            found.append(f"{path}:1: in no layer: give it one in LAYERS or TOP of tests/test_layers.py")
            continue
        tree = ast.parse(text, filename=path)
        for line, target in imported_modules(tree, module, path.endswith("__init__.py"), modules):
            layer = layer_of(target)
            if layer is None:
                continue  # reported where that module is defined
            if LAYERS.index(layer) < LAYERS.index(own):
                found.append(f"{path}:{line}: imports {target}: {own} -> {layer} goes upward")
            elif layer == "rules" and rule_of(module) and rule_of(target) != rule_of(module):
                other = f"rule {rule_of(target)}" if rule_of(target) else "the rules package"
                found.append(f"{path}:{line}: imports {target}: rule {rule_of(module)} uses {other}")
    return found


def package_sources() -> dict[str, str]:
    return {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / PACKAGE).rglob("*.py"))
    }


def test_every_layer_is_found_and_every_module_has_one():
    # guards the check below against passing on an empty or misread tree
    sources = package_sources()
    layers = {layer_of(module_name(path)) for path in sources}
    assert layers == set(LAYERS), sorted(map(str, layers))
    assert {path for path in sources if layer_of(module_name(path)) is None} == set()


def test_imports_go_down_and_no_rule_imports_another():
    found = violations(package_sources())
    assert not found, "imports against the layers (DESIGN.md):\n" + "\n".join(found)


def test_the_checker_sees_upward_imports_and_rules_using_rules():
    fake = {
        "extractor/__init__.py": "",
        "extractor/cli.py": "from extractor.run import local\nfrom extractor import dask_backend\n",
        "extractor/model.py": "import dataclasses\nfrom extractor import io\n",
        "extractor/io/__init__.py": "from extractor.model import Document\n",
        "extractor/run/__init__.py": "",
        "extractor/run/local.py": "from extractor.pipeline import Pipeline\nfrom . import cluster\n",
        "extractor/run/cluster.py": "",
        "extractor/pipeline.py": "from extractor.rules import dates, persons\n",
        "extractor/nlp/__init__.py": "",
        "extractor/nlp/inflect.py": "from .morph import parses\n\n\ndef f():\n    from ..lexicon import load_words\n",
        "extractor/nlp/morph.py": "from extractor.model import Token\nfrom extractor.io import read\n",
        "extractor/lexicon/__init__.py": "from extractor.nlp.morph import parses\n",
        "extractor/rules/__init__.py": "from . import dates, persons\n",
        "extractor/rules/dates.py": "from extractor.lexicon import load_words\n",
        "extractor/rules/persons.py": "import extractor.rules.dates\n",
        "extractor/rules/percentages.py": "from .dates import is_comparison\nfrom . import posts\n",
        "extractor/rules/posts.py": "from extractor.rules import organizations\nfrom extractor import rules\n",
        "extractor/rules/organizations/__init__.py": "from .mentions import find\n",
        "extractor/rules/organizations/mentions.py": "from . import names\nfrom ..organizations.names import tidy\n",
        "extractor/rules/organizations/names.py": "from extractor.link.linking import merge\n",
        "extractor/link/linking.py": "from extractor.rules.organizations.names import tidy\n",
        "extractor/helpers.py": "",
    }
    assert violations(fake) == [
        "extractor/helpers.py:1: in no layer: give it one in LAYERS or TOP of tests/test_layers.py",
        "extractor/model.py:2: imports extractor.io: model -> io goes upward",
        "extractor/nlp/inflect.py:5: imports extractor.lexicon: nlp -> lexicon goes upward",
        "extractor/rules/organizations/names.py:1: imports extractor.link.linking: rules -> link goes upward",
        "extractor/rules/percentages.py:1: imports extractor.rules.dates: rule percentages uses rule dates",
        "extractor/rules/percentages.py:2: imports extractor.rules.posts: rule percentages uses rule posts",
        "extractor/rules/persons.py:1: imports extractor.rules.dates: rule persons uses rule dates",
        "extractor/rules/posts.py:1: imports extractor.rules.organizations: rule posts uses rule organizations",
        "extractor/rules/posts.py:2: imports extractor.rules: rule posts uses the rules package",
    ]
