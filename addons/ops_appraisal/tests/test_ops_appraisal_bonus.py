# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io

import openpyxl

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestBonus(AppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emp_employee.ops_bonus_base = 10000.0
        cls.emp_peer.ops_bonus_base = 8000.0
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})

    def _publish(self):
        self.rate(self.evaluation(self.appraisal, "supervisor"), 5, 100)  # 100
        self.rate(self.evaluation(self.peer_appraisal, "supervisor"), 3, 50)  # 50
        self.cycle.action_calibrate()
        self.cycle.action_publish()

    def _sheet(self, **vals):
        return (
            self.env["ops.appraisal.bonus.sheet"]
            .with_user(self.user_hr)
            .create({"name": "Bonus 2026-11", "cycle_id": self.cycle.id, **vals})
        )

    def test_no_bonus_on_an_unpublished_cycle(self):
        with self.assertRaises(ValidationError) as caught:
            self._sheet()
        self.assertIn("is not published", str(caught.exception))
        self.assertFalse(
            self.env["ops.appraisal.bonus.sheet"].search([("cycle_id", "=", self.cycle.id)])
        )

    def test_performance_bonus_is_base_times_grade_coefficient(self):
        self._publish()
        sheet = self._sheet()
        sheet.action_compute()
        line = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_employee)
        self.assertEqual(line.coefficient, self.appraisal.grade_id.bonus_coefficient)
        self.assertAlmostEqual(line.performance_bonus, 10000.0 * line.coefficient)
        peer_line = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_peer)
        self.assertAlmostEqual(peer_line.performance_bonus, 8000.0 * peer_line.coefficient)
        self.assertAlmostEqual(sheet.total, sum(sheet.line_ids.mapped("total")))

    def test_a_second_bonus_for_the_same_employee_and_cycle_is_refused(self):
        self._publish()
        self._sheet().action_compute()
        second = self._sheet(name="Again")
        with self.assertRaises(ValidationError) as caught:
            second.action_compute()
        self.assertIn("already have a bonus", str(caught.exception))
        self.assertFalse(second.line_ids)

    def test_year_end_pool_is_shared_by_score(self):
        self.cycle.period = "annual"
        self._publish()
        sheet = self._sheet(year_end_pool=30000.0)
        sheet.action_compute()
        by_employee = {line.employee_id: line.year_end_bonus for line in sheet.line_ids}
        total = sum(self.cycle.appraisal_ids.mapped("final_score"))
        self.assertAlmostEqual(
            by_employee[self.emp_employee], 30000.0 * self.appraisal.final_score / total, places=2
        )
        self.assertAlmostEqual(sum(by_employee.values()), 30000.0, places=1)

    def test_bonus_sheet_as_excel(self):
        self._publish()
        sheet = self._sheet()
        sheet.action_compute()
        report = self.env.ref("ops_appraisal.ops_appraisal_bonus_sheet_report_xlsx")
        content, kind = report.with_user(self.user_hr)._render_xlsx(
            report.report_name, sheet.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        worksheet = workbook.active
        self.assertEqual(worksheet.cell(row=3, column=1).value, "Employee")
        names = [worksheet.cell(row=r, column=1).value for r in range(4, 4 + len(sheet.line_ids))]
        self.assertIn("Employee", names)
        self.assertAlmostEqual(
            worksheet.cell(row=4 + len(sheet.line_ids), column=10).value, sheet.total
        )

    def test_bonus_sheets_are_hr_only(self):
        # access_ops_appraisal_bonus_sheet_hr, access_ops_appraisal_bonus_line_hr
        self._publish()
        sheet = self._sheet()
        sheet.action_compute()
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_head).read(["total"])
        with self.assertRaises(AccessError):
            sheet.line_ids.with_user(self.user_employee).read(["total"])

    def test_bonus_rules_company(self):
        # ops_appraisal_bonus_sheet_rule_company, ops_appraisal_bonus_line_rule_company
        self._publish()
        sheet = self._sheet()
        sheet.action_compute()
        self.cycle.company_id = self.other_company
        Sheet = self.env["ops.appraisal.bonus.sheet"].with_user(self.user_hr)
        self.assertFalse(Sheet.search([("id", "=", sheet.id)]))
        Line = self.env["ops.appraisal.bonus.line"].with_user(self.user_hr)
        self.assertFalse(Line.search([("id", "in", sheet.line_ids.ids)]))
