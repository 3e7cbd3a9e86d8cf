# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestImprovementPlan(AppraisalCommon):
    def _publish_poor_result(self):
        self.rate(self.evaluation(self.appraisal, "supervisor"), 1, 10)  # score 4: poor
        self.rate(self.evaluation(self.peer_appraisal, "supervisor"), 5, 100)
        self.cycle.action_calibrate()
        self.cycle.action_publish()
        return self.env["ops.appraisal.improvement.plan"].search(
            [("appraisal_id", "in", self.cycle.appraisal_ids.ids)]
        )

    def test_poor_results_get_a_plan_run_by_the_supervisor(self):
        plans = self._publish_poor_result()
        self.assertTrue(self.appraisal.grade_id.improvement_plan)
        self.assertIn(self.appraisal, plans.appraisal_id)
        self.assertNotIn(self.peer_appraisal, plans.appraisal_id)
        plan = plans.filtered(lambda p: p.appraisal_id == self.appraisal).with_user(self.user_head)
        with self.assertRaises(UserError):
            plan.action_start()
        plan.write({"goals": "<p>Publish 60 articles</p>", "date_end": "2027-02-28"})
        plan.action_start()
        plan.write({"checkin_ids": [(0, 0, {"note": "On track", "progress": 40})]})
        with self.assertRaises(UserError):
            plan.action_done()
        plan.write({"outcome": "improved"})
        plan.action_done()
        self.assertEqual(plan.state, "done")

    def test_plan_cannot_end_before_it_starts(self):
        plan = self._publish_poor_result()[:1]
        with self.assertRaises(ValidationError):
            plan.write({"date_start": "2027-01-31", "date_end": "2027-01-01"})

    # -- access: one test per ACL row and record rule ------------------------

    def test_employee_reads_own_plan_once_started_and_adds_checkins(self):
        # access_ops_appraisal_improvement_plan_employee,
        # ops_appraisal_improvement_plan_rule_employee,
        # access_ops_appraisal_improvement_checkin_employee,
        # ops_appraisal_improvement_checkin_rule_employee
        plan = self._publish_poor_result().filtered(lambda p: p.appraisal_id == self.appraisal)
        Plan = self.env["ops.appraisal.improvement.plan"].with_user(self.user_employee)
        self.assertFalse(
            Plan.search([("id", "=", plan.id)]), "draft plans stay with the supervisor"
        )
        plan.write({"goals": "<p>Goals</p>", "date_end": "2027-02-28"})
        plan.action_start()
        mine = Plan.search([("id", "=", plan.id)])
        self.assertEqual(mine, plan)
        with self.assertRaises(AccessError):
            mine.write({"outcome": "improved"})
        self.env["ops.appraisal.improvement.checkin"].with_user(self.user_employee).create(
            {"plan_id": plan.id, "note": "Wrote 20 articles"}
        )
        self.assertFalse(
            Plan.with_user(self.user_peer).search([("id", "=", plan.id)]), "not a colleague's"
        )

    def test_supervisor_runs_the_plan(self):
        # ops_appraisal_improvement_plan_rule_supervisor
        plans = self._publish_poor_result()
        plan = plans.filtered(lambda p: p.appraisal_id == self.appraisal)
        plan.with_user(self.user_head).write({"goals": "<p>Goals</p>"})
        own = plans - plan  # the head's own plan: their department head rule only reads
        with self.assertRaises(AccessError):
            own.with_user(self.user_head).write({"goals": "<p>Mine</p>"})

    def test_department_head_reads_the_department_plans(self):
        # ops_appraisal_improvement_plan_rule_department_head
        plan = self._publish_poor_result()[:1]
        self.assertEqual(
            self.env["ops.appraisal.improvement.plan"]
            .with_user(self.user_head)
            .search([("id", "=", plan.id)]),
            plan,
        )

    def test_hr_manages_every_plan(self):
        # access_ops_appraisal_improvement_plan_hr, ops_appraisal_improvement_plan_rule_hr,
        # access_ops_appraisal_improvement_checkin_hr, ops_appraisal_improvement_checkin_rule_hr
        plan = self._publish_poor_result()[:1].with_user(self.user_hr)
        plan.write({"goals": "<p>HR goals</p>"})
        checkin = (
            self.env["ops.appraisal.improvement.checkin"]
            .with_user(self.user_hr)
            .create({"plan_id": plan.id, "note": "HR note"})
        )
        checkin.unlink()

    def test_improvement_rules_company(self):
        # ops_appraisal_improvement_plan_rule_company,
        # ops_appraisal_improvement_checkin_rule_company
        plan = self._publish_poor_result()[:1]
        checkin = self.env["ops.appraisal.improvement.checkin"].create(
            {"plan_id": plan.id, "note": "x"}
        )
        self.cycle.company_id = self.env["res.company"].create({"name": "Other Media Co"})
        self.assertFalse(
            self.env["ops.appraisal.improvement.plan"]
            .with_user(self.user_hr)
            .search([("id", "=", plan.id)])
        )
        self.assertFalse(
            self.env["ops.appraisal.improvement.checkin"]
            .with_user(self.user_hr)
            .search([("id", "=", checkin.id)])
        )
