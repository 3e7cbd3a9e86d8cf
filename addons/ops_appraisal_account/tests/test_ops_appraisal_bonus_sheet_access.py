# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One test per ACL row of ops_appraisal_account, as each role."""

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import BonusAccountCommon


@tagged("post_install", "-at_install", "ops_access")
class TestBonusSheetAccess(BonusAccountCommon):
    @users("ops_finance_reader")
    def test_finance_reads_bonus_sheets_without_changing_them(self):
        # access_ops_appraisal_bonus_sheet_finance
        sheet = self.sheet.with_env(self.env)
        Sheet = self.env["ops.appraisal.bonus.sheet"]
        self.assertEqual(Sheet.search([("id", "=", sheet.id)]), sheet)
        self.assertEqual(sheet.name, "Bonus 2026")
        self.assertTrue(sheet.total > 0)
        with self.assertRaises(AccessError):
            sheet.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            Sheet.create({"name": "Another", "cycle_id": self.cycle.id})
        with self.assertRaises(AccessError):
            sheet.unlink()

    @users("ops_finance_reader")
    def test_finance_reads_bonus_lines_without_changing_them(self):
        # access_ops_appraisal_bonus_line_finance
        self.sheet.state = "draft"  # so that only the ACL can refuse the write
        lines = self.sheet.line_ids.with_env(self.env)
        Line = self.env["ops.appraisal.bonus.line"]
        self.assertEqual(Line.search([("sheet_id", "=", self.sheet.id)]), lines)
        self.assertAlmostEqual(sum(lines.mapped("total")), self.sheet.total)
        self.assertEqual(set(lines.mapped("department_id.name")), {"Elsewhere", "Studio"})
        with self.assertRaises(AccessError):
            lines[0].write({"project_award": 1.0})
        with self.assertRaises(AccessError):
            lines.unlink()

    @users("ops_employee")
    def test_employee_cannot_read_bonus_sheets_or_lines(self):
        # access_ops_appraisal_bonus_sheet_finance, access_ops_appraisal_bonus_line_finance:
        # Finance Officer only, not every employee.
        with self.assertRaises(AccessError):
            self.sheet.with_env(self.env).read(["total"])
        with self.assertRaises(AccessError):
            self.sheet.line_ids.with_env(self.env).read(["total"])
        with self.assertRaises(AccessError):
            self.env["ops.appraisal.bonus.sheet"].search([])
