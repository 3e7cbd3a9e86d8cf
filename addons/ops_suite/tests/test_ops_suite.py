# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast
from pathlib import Path

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestOpsSuite(TransactionCase):
    def test_installs_every_ops_addon(self):
        """ops_suite depends on every other ops_* addon of the repository,
        and all of them are installed."""
        addons_dir = Path(__file__).resolve().parents[2]
        ours = {
            path.parent.name
            for path in addons_dir.glob("ops_*/__manifest__.py")
            if path.parent.name != "ops_suite"
        }
        manifest = ast.literal_eval(
            (addons_dir / "ops_suite" / "__manifest__.py").read_text(encoding="utf-8")
        )
        Module = self.env["ir.module.module"]
        closure = set()
        todo = list(manifest["depends"])
        while todo:
            name = todo.pop()
            if name in closure:
                continue
            closure.add(name)
            module = Module.search([("name", "=", name)])
            todo += module.dependencies_id.mapped("name")
        auto = set(
            Module.search([("name", "in", list(ours)), ("auto_install", "=", True)]).mapped("name")
        )
        self.assertFalse(ours - closure - auto, "addons ops_suite does not install")
        installed = set(
            Module.search([("name", "in", list(ours)), ("state", "=", "installed")]).mapped("name")
        )
        self.assertEqual(installed, ours)
