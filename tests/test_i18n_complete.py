# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every user-facing term of every installed ops_* addon has a Simplified
Chinese translation in the addon's i18n/zh_CN.po."""

from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

ADDONS = Path(__file__).resolve().parent.parent / "addons"


def module_terms(cr, module):
    reader = TranslationModuleReader(cr, modules=[module])
    return {entry[4] for entry in reader if entry[4]}


def missing_terms(terms, po):
    translated = {
        entry.msgid
        for entry in po
        if entry.msgstr.strip() and not entry.obsolete and "fuzzy" not in entry.flags
    }
    return sorted(terms - translated)


@tagged("post_install", "-at_install")
class TestZhCnComplete(TransactionCase):
    def _ops_modules(self):
        on_disk = {p.parent.name for p in ADDONS.glob("ops_*/__manifest__.py")}
        installed = self.env["ir.module.module"].search(
            [("name", "in", sorted(on_disk)), ("state", "=", "installed")]
        )
        self.assertEqual(set(installed.mapped("name")), on_disk, "install every ops_* addon")
        return installed.mapped("name")

    def test_every_user_facing_term_is_translated(self):
        problems = []
        for module in self._ops_modules():
            terms = module_terms(self.env.cr, module)
            po_path = ADDONS / module / "i18n" / "zh_CN.po"
            if not po_path.exists():
                if terms:
                    problems.append(f"{module}: no i18n/zh_CN.po for {len(terms)} terms")
                continue
            po = polib.pofile(str(po_path))
            self.assertEqual(po.metadata.get("Language"), "zh_CN", po_path)
            missing = missing_terms(terms, po)
            if missing:
                problems.append(
                    f"{module}: {len(missing)} terms without Chinese, e.g. "
                    + "; ".join(repr(m) for m in missing[:8])
                )
        self.assertFalse(problems, "\n".join(problems))

    def test_a_term_missing_from_the_po_is_reported(self):
        terms = module_terms(self.env.cr, "ops_org")
        self.assertIn("Department Head", terms)
        po = polib.pofile(str(ADDONS / "ops_org" / "i18n" / "zh_CN.po"))
        self.assertEqual(missing_terms(terms, po), [])
        for entry in po:
            if entry.msgid == "Department Head":
                entry.msgstr = ""
        self.assertEqual(missing_terms(terms, po), ["Department Head"])
