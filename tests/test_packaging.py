# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The addons as pip installs them (setup/wheels.sh): each builds with whool
and declares every Python package it imports; the metapackage pulls every
addon of the repository, the auto-install bridges included. No database."""

import ast
import sys
from importlib import metadata
from pathlib import Path

import pytest
import tomllib
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (ROOT / "addons").glob("ops_*/__manifest__.py"))


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def imported_top_modules(addon):
    """Top-level modules the addon's code imports (its tests left out)."""
    names = set()
    for path in addon.rglob("*.py"):
        if "tests" in path.relative_to(addon).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def odoo_requirements():
    """The distributions Odoo itself requires (its install_requires)."""
    return {canonicalize_name(Requirement(r).name) for r in metadata.requires("odoo") or ()}


def test_metapackage_lists_every_addon():
    project = tomllib.loads((ROOT / "setup/_metapackage/pyproject.toml").read_text())["project"]
    listed = {Requirement(r).name for r in project["dependencies"]}
    present = {f"odoo-addon-{addon.name}" for addon in ADDONS}
    assert listed == present, (
        f"missing from the metapackage: {sorted(present - listed)}; "
        f"not an addon of the repository: {sorted(listed - present)}"
    )


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_addon_builds_with_whool(addon):
    build = tomllib.loads((addon / "pyproject.toml").read_text())["build-system"]
    assert build == {"requires": ["whool"], "build-backend": "whool.buildapi"}


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_addon_declares_what_it_imports(addon):
    declared = {
        canonicalize_name(name)
        for name in manifest(addon).get("external_dependencies", {}).get("python", [])
    }
    provided_by = metadata.packages_distributions()
    undeclared = set()
    for module in imported_top_modules(addon):
        if module in sys.stdlib_module_names or module == "odoo":
            continue
        distributions = {canonicalize_name(d) for d in provided_by.get(module, [])}
        assert distributions, f"{addon.name} imports {module}, which nothing installed provides"
        if not distributions & (declared | odoo_requirements()):
            undeclared.add(f"{module} ({', '.join(sorted(distributions))})")
    assert not undeclared, (
        f"{addon.name} imports {sorted(undeclared)}: declare them in its manifest's "
        "external_dependencies (python), which whool turns into the wheel's requirements"
    )
