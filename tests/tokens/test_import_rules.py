"""The import rules that let the backend and the widgets share the token model."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OURS = ("backend", "widgets", "tokens", "tests", "bench")


def imported(package: str) -> set[tuple[str, str]]:
    """(file, top-level package) for every import of ours inside `package`."""
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found |= {(path.name, n.split(".")[0]) for n in names if n.split(".")[0] in OURS}
    return found


@pytest.mark.parametrize(("package", "allowed"), [("tokens", {"tokens"}),
                                                  ("backend", {"backend", "tokens"})])
def test_packages_import_only_what_they_may(package: str, allowed: set[str]) -> None:
    assert {(f, top) for f, top in imported(package) if top not in allowed} == set()
