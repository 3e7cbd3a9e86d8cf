# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from odoo.addons.ops_appraisal.tests.common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalCostControl(AppraisalCommon):
    """The 2026-11 cycle of the Studio department shows the department's
    cost-control indicators assessed for periods within November."""

    def _indicator(self, department, date_from, date_to, score, state="assessed"):
        indicator = (
            self.env["ops.cost.indicator"]
            .sudo()
            .create(
                {
                    "name": f"Costs {date_from}",
                    "department_id": department.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "target": 100.0,
                }
            )
        )
        indicator.write({"state": state, "score": score})
        return indicator

    def test_department_cost_score_of_the_cycle_period(self):
        self._indicator(self.department, "2026-11-01", "2026-11-15", 100.0)
        self._indicator(self.department, "2026-11-16", "2026-11-30", 80.0)
        self._indicator(self.department, "2026-10-01", "2026-10-31", 10.0)  # before the cycle
        self._indicator(self.department, "2026-11-01", "2026-11-30", 0.0, state="open")
        self._indicator(self.other_department, "2026-11-01", "2026-11-30", 50.0)
        appraisals = self.appraisal | self.peer_appraisal
        appraisals.invalidate_recordset()
        self.assertEqual(self.appraisal.department_cost_indicator_count, 2)
        self.assertAlmostEqual(self.appraisal.department_cost_score, 90.0)
        self.assertAlmostEqual(self.peer_appraisal.department_cost_score, 90.0)
        # Read by the department head, as the appraisal form shows it.
        mine = self.appraisal.with_user(self.user_head)
        self.assertAlmostEqual(mine.department_cost_score, 90.0)

    def test_no_indicator_no_score(self):
        self.assertEqual(self.appraisal.department_cost_indicator_count, 0)
        self.assertEqual(self.appraisal.department_cost_score, 0.0)
