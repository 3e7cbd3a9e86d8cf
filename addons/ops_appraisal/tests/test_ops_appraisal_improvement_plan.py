# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

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


@tagged("post_install", "-at_install")
class TestImprovementPlanReminder(AppraisalCommon):
    """Before an improvement plan ends (its reminder days, 7 by default) the
    supervisor gets an activity to record the outcome and the employee is
    told, once; the daily job runs twice at each moment."""

    def setUp(self):
        super().setUp()
        self.rate(self.evaluation(self.appraisal, "supervisor"), 1, 10)  # score 4: poor
        self.rate(self.evaluation(self.peer_appraisal, "supervisor"), 5, 100)
        self.cycle.action_calibrate()
        self.cycle.action_publish()
        self.plan = self.env["ops.appraisal.improvement.plan"].search(
            [("appraisal_id", "=", self.appraisal.id)]
        )
        self.plan.write({"goals": "<p>Publish 60 articles</p>", "date_end": "2027-02-28"})
        self.plan.with_user(self.user_head).action_start()

    def _run(self, day):
        with freeze_time(day):
            for _ in range(2):
                self.env["ops.appraisal.improvement.plan"]._cron_remind_end()
        self.plan.invalidate_recordset()

    def _todos(self):
        return self.plan.activity_ids.filtered(lambda a: a.user_id == self.user_head)

    def _told(self, user):
        return self.plan.message_ids.filtered(
            lambda m: user.partner_id in m.partner_ids and "ends on" in (m.body or "")
        )

    def test_reminded_once_from_seven_days_before_the_end(self):
        self._run("2027-02-20")
        self.assertFalse(self.plan.reminder_date)
        self.assertFalse(self._todos())
        self._run("2027-02-21")
        self.assertEqual(str(self.plan.reminder_date), "2027-02-21")
        self.assertEqual(len(self._todos()), 1)
        self.assertEqual(str(self._todos().date_deadline), "2027-02-28")
        self.assertEqual(len(self._told(self.user_employee)), 1)
        self._run("2027-03-05")
        self.assertEqual(len(self._todos()), 1)
        self.assertEqual(len(self._told(self.user_head)), 1)

    def test_reminder_days_set_per_plan(self):
        self.plan.with_user(self.user_head).reminder_days = 0
        self._run("2027-02-27")
        self.assertFalse(self._todos())
        self._run("2027-02-28")
        self.assertEqual(len(self._todos()), 1)

    def test_closed_plans_are_not_reminded(self):
        self.plan.with_user(self.user_head).write({"outcome": "improved"})
        self.plan.with_user(self.user_head).action_done()
        self._run("2027-02-27")
        self.assertFalse(self.plan.reminder_date)
        self.assertFalse(self._todos())

    def test_reminder_day_is_the_jobs(self):
        self.assertRefused(
            self.plan.with_user(self.user_head).write, {"reminder_date": "2027-02-01"}
        )
