# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15, as the users who found it: states move only through the
workflow's steps, nobody decides their own case, appeals are decided on
screen, everyone has a supervisor who evaluates them, and values stay in
bounds. Each test acts as the user with that user's rights."""

import json

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import AppraisalCommon

HR = "ops_org.ops_org_group_hr"
LEADERSHIP = "ops_org.ops_org_group_leadership"


class AppraisalRulesCommon(AppraisalCommon):
    """AppraisalCommon with an HR officer who works in the Studio (and so
    is appraised in its cycle), a second HR officer and a leader who lead
    alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr_2 = ops_user(cls.env, "ops_hr_2", HR)
        cls.user_leader = ops_user(cls.env, "ops_rules_leader", LEADERSHIP)
        cls.user_leader_2 = ops_user(cls.env, "ops_rules_leader_2", LEADERSHIP)
        cls.env.ref(LEADERSHIP).users = cls.user_leader | cls.user_leader_2
        cls.emp_hr = cls.env["hr.employee"].create(
            {
                "name": "HR Officer",
                "user_id": cls.user_hr.id,
                "department_id": cls.department.id,
                "parent_id": cls.emp_head.id,
            }
        )
        cls.cycle.action_generate()
        cls.hr_appraisal = cls.cycle.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_hr)
        cls.head_appraisal = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_head
        )

    def calibrate(self):
        for appraisal, rating in (
            (self.appraisal, 4),
            (self.peer_appraisal, 3),
            (self.hr_appraisal, 4),
        ):
            self.rate(self.evaluation(appraisal, "supervisor"), rating, 80)
        self.cycle.action_calibrate()

    def computed_sheet(self, user):
        """Publish the cycle; ``user`` creates and computes its bonus sheet."""
        self.publish()
        sheet = (
            self.env["ops.appraisal.bonus.sheet"]
            .with_user(user)
            .create({"name": "Bonus 2026-11", "cycle_id": self.cycle.id})
        )
        sheet.action_compute()
        return sheet

    def publish(self):
        self.calibrate()
        self.cycle.action_publish()

    def appeal(self, appraisal, user):
        appraisal.with_user(user).write({"appeal_reason": "The target moved mid-month."})
        appraisal.with_user(user).action_appeal()
        self.assertEqual(appraisal.appeal_state, "open")


@tagged("post_install", "-at_install", "ops_access")
class TestStatesMoveOnlyThroughSteps(AppraisalRulesCommon):
    def test_cycle_published_by_write_is_refused(self):
        self.calibrate()
        cycle = self.cycle.with_user(self.user_hr)
        error = self.assertRefused(cycle.write, {"state": "published"})
        self.assertIn("changes only through the steps", str(error))
        self.assertRefused(cycle.write, {"date_published": "2026-12-01"})
        self.assertRefused(
            self.env["ops.appraisal.cycle"].with_user(self.user_hr).create,
            {**self.cycle.copy_data()[0], "state": "published"},
        )
        self.assertEqual(self.cycle.state, "calibration")
        self.assertFalse(self.cycle.date_published)
        self.assertEqual(set(self.cycle.appraisal_ids.mapped("state")), {"open"})

    def test_appraisal_and_appeal_states_by_write_are_refused(self):
        self.publish()
        self.assertRefused(self.appraisal.with_user(self.user_hr).write, {"state": "closed"})
        mine = self.appraisal.with_user(self.user_employee)
        self.assertRefused(mine.write, {"appeal_state": "upheld"})
        self.assertRefused(mine.write, {"appeal_score": 100.0})
        self.assertEqual(self.appraisal.state, "published")
        self.assertFalse(self.appraisal.appeal_state)

    def test_evaluation_submitted_only_by_its_rater(self):
        # The head reads the employee's self-evaluation, but does not submit it.
        self_eval = self.evaluation(self.appraisal, "self")
        for line in self_eval.line_ids:
            line.with_user(self.user_employee).write({"rating": 3, "value": 50})
        self.assertRefused(self_eval.with_user(self.user_head).action_submit)
        self.assertRefused(self_eval.with_user(self.user_employee).write, {"state": "done"})
        self.assertEqual(self_eval.state, "todo")
        self_eval.with_user(self.user_employee).action_submit()
        self.assertEqual(self_eval.state, "done")

    def test_submitted_evaluation_is_kept(self):
        supervisor = self.evaluation(self.appraisal, "supervisor")
        self.rate(supervisor, 4, 80)
        self.assertRefused(supervisor.with_user(self.user_hr).unlink)
        self.assertTrue(supervisor.exists())
        peer = self.env["ops.appraisal.evaluation"].create(
            {"appraisal_id": self.appraisal.id, "rater_user_id": self.user_peer.id, "role": "peer"}
        )
        peer.with_user(self.user_hr).unlink()
        self.assertFalse(peer.exists())

    def test_confirmed_bonus_sheet_back_to_draft_by_write_is_refused(self):
        sheet = self.computed_sheet(self.user_hr_2)
        sheet.action_confirm()
        self.assertEqual(sheet.state, "confirmed")
        for user in (self.user_hr, self.user_hr_2):
            self.assertRefused(sheet.with_user(user).write, {"state": "draft"})
            self.assertRefused(sheet.with_user(user).unlink)
            self.assertRefused(sheet.line_ids.with_user(user).unlink)
        self.assertEqual(sheet.state, "confirmed")
        self.assertTrue(sheet.line_ids)


@tagged("post_install", "-at_install", "ops_access")
class TestNobodyDecidesTheirOwnCase(AppraisalRulesCommon):
    def test_department_head_cannot_calibrate_their_own_score(self):
        self.calibrate()
        own = self.head_appraisal.with_user(self.user_head)
        self.assertRefused(own.write, {"calibrated_score": 99.0})
        self.assertRefused(own.write, {"calibration_note": "Modest as ever."})
        self.assertFalse(self.head_appraisal.calibrated_score)
        # Theirs to calibrate: their department's.
        self.appraisal.with_user(self.user_head).write({"calibrated_score": 75.0})
        self.assertEqual(self.appraisal.final_score, 75.0)

    def test_hr_cannot_calibrate_their_own_score(self):
        self.calibrate()
        before = self.hr_appraisal.final_score
        self.assertRefused(
            self.hr_appraisal.with_user(self.user_hr).write, {"calibrated_score": 100.0}
        )
        self.assertEqual(self.hr_appraisal.final_score, before)
        self.hr_appraisal.with_user(self.user_hr_2).write({"calibrated_score": 90.0})
        self.assertEqual(self.hr_appraisal.final_score, 90.0)

    def test_hr_cannot_rate_or_pick_the_raters_of_their_own_appraisal(self):
        supervisor = self.evaluation(self.hr_appraisal, "supervisor")
        line = supervisor.line_ids[:1].with_user(self.user_hr)
        self.assertRefused(line.write, {"rating": 5})
        self.assertRefused(supervisor.with_user(self.user_hr).write, {"comment": "Great"})
        self.assertRefused(
            supervisor.with_user(self.user_hr).write, {"rater_user_id": self.user_peer.id}
        )
        own = self.hr_appraisal.with_user(self.user_hr)
        self.assertRefused(own.write, {"supervisor_user_id": self.user_peer.id})
        self.assertRefused(own.write, {"peer_user_ids": [(6, 0, self.user_peer.ids)]})
        self.assertRefused(supervisor.line_ids[:1].with_user(self.user_hr).unlink)
        self.assertRefused(supervisor.with_user(self.user_hr).unlink)
        self.assertEqual(supervisor.rater_user_id, self.user_head)
        self.assertEqual(len(supervisor.line_ids), 2)
        self.assertFalse(supervisor.line_ids.mapped("rating")[0])
        # Another officer may: the HR officer is no rater of theirs.
        self.hr_appraisal.with_user(self.user_hr_2).write(
            {"peer_user_ids": [(6, 0, self.user_peer.ids)]}
        )
        self.assertEqual(self.hr_appraisal.peer_user_ids, self.user_peer)

    def test_hr_cannot_uphold_their_own_appeal(self):
        self.publish()
        self.appeal(self.hr_appraisal, self.user_hr)
        before = self.hr_appraisal.final_score
        own = self.hr_appraisal.with_user(self.user_hr)
        self.assertRefused(own.action_decide_appeal, True, "Upheld by myself.", 100.0)
        wizard = (
            self.env["ops.appraisal.appeal.decision"]
            .with_user(self.user_hr)
            .create(
                {
                    "appraisal_id": self.hr_appraisal.id,
                    "decision": "upheld",
                    "new_score": 100.0,
                    "reason": "Upheld by myself.",
                }
            )
        )
        self.assertRefused(wizard.action_decide)
        self.assertEqual(self.hr_appraisal.appeal_state, "open")
        self.assertEqual(self.hr_appraisal.final_score, before)
        # Another HR officer decides it.
        self.hr_appraisal.with_user(self.user_hr_2).action_decide_appeal(
            True, "The target was changed mid-month.", 85.0
        )
        self.assertEqual(self.hr_appraisal.appeal_state, "upheld")
        self.assertEqual(self.hr_appraisal.final_score, 85.0)
        self.assertEqual(self.hr_appraisal.appeal_decided_by_id, self.user_hr_2)

    def test_hr_cannot_raise_their_own_bonus_line_nor_confirm_the_sheet(self):
        self.emp_hr.ops_bonus_base = 5000.0
        self.publish()
        sheet = (
            self.env["ops.appraisal.bonus.sheet"]
            .with_user(self.user_hr)
            .create({"name": "Bonus 2026-11", "cycle_id": self.cycle.id})
        )
        # Computing is arithmetic on decisions taken before: theirs too.
        sheet.action_compute()
        own = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_hr)
        self.assertEqual(own.base, 5000.0)
        for fname in ("base", "year_end_bonus", "project_award"):
            with self.subTest(field=fname):
                self.assertRefused(own.with_user(self.user_hr).write, {fname: 99999.0})
        self.assertRefused(
            sheet.with_user(self.user_hr).write,
            {"line_ids": [(1, own.id, {"project_award": 99999.0})]},
        )
        self.assertRefused(sheet.with_user(self.user_hr).action_confirm)
        self.assertEqual((own.base, own.year_end_bonus, own.project_award), (5000.0, 0.0, 0.0))
        self.assertEqual(sheet.state, "draft")
        # Another officer sets the award; Leadership confirms.
        own.with_user(self.user_hr_2).write({"project_award": 300.0})
        self.assertEqual(own.project_award, 300.0)
        sheet.with_user(self.user_leader).action_confirm()
        self.assertEqual(sheet.state, "confirmed")

    def test_another_hr_officer_confirms_a_sheet_with_an_officers_line(self):
        sheet = self.computed_sheet(self.user_hr)
        sheet.with_user(self.user_hr_2).action_confirm()
        self.assertEqual(sheet.state, "confirmed")

    def test_hr_cannot_set_their_own_bonus_base(self):
        self.assertRefused(self.emp_hr.with_user(self.user_hr).write, {"ops_bonus_base": 99999.0})
        self.assertFalse(self.emp_hr.ops_bonus_base)
        self.emp_hr.with_user(self.user_hr_2).write({"ops_bonus_base": 6000.0})
        self.emp_employee.with_user(self.user_hr).write({"ops_bonus_base": 4000.0})
        self.assertEqual(self.emp_hr.ops_bonus_base, 6000.0)
        self.assertEqual(self.emp_employee.ops_bonus_base, 4000.0)

    def _honour(self, employee, user=None):
        honour = (
            self.env["ops.appraisal.honour"]
            .with_user(user or self.user_hr)
            .create(
                {
                    "type_id": self.env.ref(
                        "ops_appraisal.ops_appraisal_honour_type_excellent_employee"
                    ).id,
                    "employee_id": employee.id,
                    "reason": "<p>Led the year.</p>",
                }
            )
        )
        honour.action_nominate()
        return honour.with_env(self.env)

    def test_leader_cannot_approve_an_honour_awarded_to_themselves(self):
        emp_leader = self.env["hr.employee"].create(
            {"name": "Leader", "user_id": self.user_leader.id}
        )
        honour = self._honour(emp_leader)
        mine = honour.with_user(self.user_leader)
        self.assertRefused(mine.validate_tier)
        self.assertRefused(mine._ops_approve)
        self.assertRefused(mine.reject_tier)
        self.assertEqual(honour.state, "draft")
        self.assertEqual(honour.review_ids.status, "pending")
        honour.with_user(self.user_leader_2).validate_tier()
        self.assertEqual(honour.state, "approved")
        self.assertTrue(honour.date_awarded)

    def test_nominator_is_the_user_who_nominates(self):
        Honour = self.env["ops.appraisal.honour"].with_user(self.user_head)
        vals = {
            "type_id": self.env.ref(
                "ops_appraisal.ops_appraisal_honour_type_excellent_employee"
            ).id,
            "employee_id": self.emp_employee.id,
            "reason": "<p>Shipped early.</p>",
        }
        self.assertRefused(Honour.create, {**vals, "nominated_by_id": self.user_hr.id})
        honour = Honour.create(vals)
        self.assertEqual(honour.nominated_by_id, self.user_head)
        self.assertRefused(honour.write, {"nominated_by_id": self.user_hr.id})
        self.assertRefused(
            honour.with_user(self.user_hr).write, {"nominated_by_id": self.user_hr.id}
        )
        self.assertEqual(honour.nominated_by_id, self.user_head)

    def test_hr_cannot_close_their_own_improvement_plan(self):
        self.publish()
        plan = self.env["ops.appraisal.improvement.plan"].create(
            {
                "appraisal_id": self.hr_appraisal.id,
                "goals": "<p>Improve.</p>",
                "date_end": "2027-02-28",
            }
        )
        plan.with_user(self.user_head).action_start()
        self.assertRefused(plan.with_user(self.user_hr).write, {"outcome": "improved"})
        plan.with_user(self.user_head).write({"outcome": "improved"})
        self.assertRefused(plan.with_user(self.user_hr).action_done)
        self.assertEqual(plan.state, "active")
        plan.with_user(self.user_hr_2).action_done()
        self.assertEqual(plan.state, "done")


@tagged("post_install", "-at_install", "ops_access")
class TestAccessRowsOfTheRules(AppraisalRulesCommon):
    """One test per ACL row the rules added."""

    def test_leadership_reads_bonus_sheets_and_confirms_them(self):
        # access_ops_appraisal_bonus_sheet_leadership,
        # access_ops_appraisal_bonus_line_leadership
        sheet = self.computed_sheet(self.user_hr)
        mine = sheet.with_user(self.user_leader)
        self.assertEqual(mine.search([("id", "=", sheet.id)]), sheet)
        self.assertEqual(len(mine.line_ids), len(sheet.line_ids))
        with self.assertRaises(AccessError):
            mine.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            mine.line_ids[:1].write({"project_award": 1.0})
        with self.assertRaises(AccessError):
            mine.copy()
        with self.assertRaises(AccessError):
            mine.unlink()
        mine.action_confirm()
        self.assertEqual(sheet.state, "confirmed")

    def test_appeal_decision_wizard_is_for_hr(self):
        # access_ops_appraisal_appeal_decision_hr
        self.publish()
        self.appeal(self.appraisal, self.user_employee)
        vals = {"appraisal_id": self.appraisal.id, "decision": "rejected", "reason": "Known."}
        for user in (self.user_employee, self.user_head, self.user_leader):
            with self.assertRaises(AccessError):
                self.env["ops.appraisal.appeal.decision"].with_user(user).create(vals)
        wizard = self.env["ops.appraisal.appeal.decision"].with_user(self.user_hr).create(vals)
        wizard.action_decide()
        self.assertEqual(self.appraisal.appeal_state, "rejected")


@tagged("post_install", "-at_install")
class TestAppealsDecidedOnScreen(AppraisalRulesCommon):
    def _decide(self, user, **vals):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_appraisal.ops_appraisal_appeal_decision_action"
        )
        self.assertEqual(action["res_model"], "ops.appraisal.appeal.decision")
        Wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(default_appraisal_id=self.appraisal.id)
        )
        with Form(Wizard) as form:
            for name, value in vals.items():
                setattr(form, name, value)
        return form.record.action_decide()

    def test_decide_button_for_hr_on_an_open_appeal(self):
        action = self.env.ref("ops_appraisal.ops_appraisal_appeal_decision_action")
        button = f'name="{action.id}"'

        def form_arch(user):
            views = self.env["ops.appraisal"].with_user(user).get_views([(False, "form")])
            return views["views"]["form"]["arch"]

        self.assertIn(button, form_arch(self.user_hr))
        self.assertNotIn(button, form_arch(self.user_employee))

    def test_hr_upholds_an_appeal_on_screen_then_the_cycle_closes(self):
        self.publish()
        self.appeal(self.appraisal, self.user_employee)
        self.assertRefused(self.cycle.with_user(self.user_hr).action_close)
        self.assertEqual(self.cycle.state, "published")
        result = self._decide(
            self.user_hr, decision="upheld", new_score=75.0, reason="The target moved."
        )
        self.assertEqual(result["type"], "ir.actions.act_window_close")
        self.assertRecordValues(
            self.appraisal,
            [
                {
                    "appeal_state": "upheld",
                    "appeal_decision": "The target moved.",
                    "appeal_score": 75.0,
                    "calibrated_score": 75.0,
                    "final_score": 75.0,
                    "appeal_decided_by_id": self.user_hr.id,
                }
            ],
        )
        self.assertTrue(self.appraisal.grade_id)
        self.assertTrue(self.appraisal.date_appeal_decided)
        self.cycle.with_user(self.user_hr).action_close()
        self.assertEqual(self.cycle.state, "closed")
        self.assertEqual(self.appraisal.state, "closed")

    def test_rejected_appeal_keeps_the_score_and_needs_a_reason(self):
        self.publish()
        self.appeal(self.appraisal, self.user_employee)
        before = self.appraisal.final_score
        self.assertRefused(self.appraisal.with_user(self.user_hr).action_decide_appeal, False, " ")
        self._decide(self.user_hr, decision="rejected", reason="The target was known.")
        self.assertEqual(self.appraisal.appeal_state, "rejected")
        self.assertEqual(self.appraisal.final_score, before)
        self.assertFalse(self.appraisal.appeal_score)
        # Decided once.
        self.assertRefused(
            self.appraisal.with_user(self.user_hr_2).action_decide_appeal, True, "Again", 90.0
        )

    def test_upheld_score_stays_within_the_scale(self):
        self.publish()
        self.appeal(self.appraisal, self.user_employee)
        before = self.appraisal.final_score
        appraisal = self.appraisal.with_user(self.user_hr)
        for score in (-1_000_000, 1e9, 0, None, "abc", float("nan")):
            with self.subTest(score=score):
                self.assertRefused(appraisal.action_decide_appeal, True, "Upheld", score)
        self.assertEqual(self.appraisal.appeal_state, "open")
        self.assertEqual(self.appraisal.final_score, before)

    def test_only_hr_decides_and_not_before_an_appeal(self):
        self.publish()
        self.assertRefused(
            self.appraisal.with_user(self.user_hr).action_decide_appeal, True, "ok", 70.0
        )
        self.appeal(self.appraisal, self.user_employee)
        self.assertRefused(
            self.appraisal.with_user(self.user_head).action_decide_appeal, True, "ok", 70.0
        )
        self.assertEqual(self.appraisal.appeal_state, "open")


@tagged("post_install", "-at_install")
class TestEveryoneHasASupervisor(AppraisalRulesCommon):
    """Policy §四(一)4: the direct supervisor evaluates; an employee without
    one (a head at the top) is evaluated by the head above, or Leadership."""

    def _appraisal(self, employee):
        return self.env["ops.appraisal"].create(
            {"cycle_id": self._cycle.id, "employee_id": employee.id}
        )

    def setUp(self):
        super().setUp()
        self._cycle = self.cycle.copy({"name": "2026-12"})
        self.assertEqual(self._cycle.state, "draft")

    def test_head_without_manager_is_evaluated_by_the_head_above(self):
        boss = ops_user(self.env, "ops_newsroom_head", "ops_org.ops_org_group_employee")
        emp_boss = self.env["hr.employee"].create({"name": "Newsroom head", "user_id": boss.id})
        newsroom = self.env["hr.department"].create({"name": "Newsroom", "manager_id": emp_boss.id})
        emp_boss.department_id = newsroom
        self.department.parent_id = newsroom
        self.emp_head.parent_id = False
        self._cycle.department_ids = newsroom
        self._cycle.action_generate()
        head_appraisal = self._cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == self.emp_head
        )
        self.assertEqual(head_appraisal.supervisor_user_id, boss)
        self.assertEqual(self.evaluation(head_appraisal, "supervisor").rater_user_id, boss)
        # At the top of the tree, Leadership.
        boss_appraisal = self._cycle.appraisal_ids.filtered(lambda a: a.employee_id == emp_boss)
        self.assertEqual(boss_appraisal.supervisor_user_id, self.user_leader)
        self.assertEqual(
            self.evaluation(boss_appraisal, "supervisor").rater_user_id, self.user_leader
        )

    def test_head_at_the_top_is_evaluated_by_leadership(self):
        self._cycle.action_generate()
        self._cycle.action_open()
        head_appraisal = self._cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == self.emp_head
        )
        self.assertEqual(head_appraisal.supervisor_user_id, self.user_leader)
        supervisor = self.evaluation(head_appraisal, "supervisor")
        self.assertEqual(supervisor.rater_user_id, self.user_leader)
        # The leader gives it, and it counts as the supervisor's.
        self.rate(supervisor, 5, 100)
        self._cycle.action_calibrate()
        self.assertEqual(head_appraisal.computed_score, 100.0)

    def test_a_leader_is_not_their_own_supervisor(self):
        emp_leader = self.env["hr.employee"].create(
            {"name": "Leader", "user_id": self.user_leader.id}
        )
        self.assertEqual(self._appraisal(emp_leader).supervisor_user_id, self.user_leader_2)


@tagged("post_install", "-at_install")
class TestValuesInBounds(AppraisalRulesCommon):
    def test_calibrated_score_within_the_scale(self):
        self.calibrate()
        appraisal = self.appraisal.with_user(self.user_hr)
        for score in (-1_000_000, -0.5, 1e9, 100.5):
            with self.subTest(score=score):
                self.assertRefused(appraisal.write, {"calibrated_score": score})
        self.assertFalse(self.appraisal.calibrated_score)
        appraisal.write({"calibrated_score": 100.0})
        self.assertTrue(self.appraisal.grade_id)
        appraisal.write({"calibrated_score": 0.5})
        self.assertTrue(self.appraisal.grade_id, "the lowest score has a grade too")

    def test_measured_criteria_with_a_cap_widen_the_scale(self):
        self.template.criterion_ids.filtered(lambda c: c.kind == "quantitative").cap = 120.0
        self.calibrate()
        self.appraisal.with_user(self.user_hr).write({"calibrated_score": 110.0})
        self.assertEqual(self.appraisal.final_score, 110.0)

    def test_negative_bonus_amounts_are_refused(self):
        sheet = self.computed_sheet(self.user_hr_2)
        line = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_employee)
        for fname in ("base", "year_end_bonus", "project_award"):
            with self.subTest(field=fname):
                self.assertRefused(line.with_user(self.user_hr_2).write, {fname: -100.0})
        self.assertRefused(sheet.with_user(self.user_hr_2).write, {"year_end_pool": -1.0})
        self.assertRefused(
            self.emp_employee.with_user(self.user_hr_2).write, {"ops_bonus_base": -1.0}
        )
        self.assertEqual((line.base, line.year_end_bonus, line.project_award), (0.0, 0.0, 0.0))
        self.assertFalse(sheet.year_end_pool)

    def test_cycle_dates_and_days_in_a_sane_range(self):
        Cycle = self.env["ops.appraisal.cycle"].with_user(self.user_hr)
        vals = {
            "name": "2027-01",
            "date_start": "2027-01-01",
            "date_end": "2027-01-31",
            "template_id": self.template.id,
        }
        for wrong in (
            {"date_start": "1900-01-01"},
            {"date_end": "9999-12-31"},
            {"deadline": "1800-01-01"},
            {"deadline": "2026-12-01"},
            {"appeal_days": -30},
            {"reminder_days": -1},
            {"monthly_weight": 150},
        ):
            with self.subTest(vals=wrong):
                self.assertRefused(Cycle.create, {**vals, **wrong})
        error = self.assertRefused(Cycle.create, {**vals, "date_start": "not-a-date"})
        self.assertIn("not a date", str(error))
        self.assertNotIn("psycopg2", str(error))
        self.assertFalse(Cycle.search([("name", "=", "2027-01")]))
        self.assertRefused(self.cycle.with_user(self.user_hr).write, {"appeal_days": -30})
        self.assertEqual(self.cycle.appeal_days, 7)


@tagged("post_install", "-at_install", "ops_access")
class TestStatesOverJsonRpc(AppraisalRulesCommon, HttpCase):
    """The state-field cases of the issue, as an HR officer calling the
    server's JSON-RPC endpoint like the web client or the mobile app."""

    def _write(self, record, vals):
        response = self.url_open(
            f"/web/dataset/call_kw/{record._name}/write",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": record._name,
                        "method": "write",
                        "args": [record.ids, vals],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _assert_refused(self, record, vals):
        error = self._write(record, vals).get("error")
        self.assertTrue(error, f"{record} {vals} was written")
        self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")
        self.assertIn("changes only through the steps", error["data"]["message"])
        self.assertNotIn("Traceback", error["data"]["message"])

    def test_cycle_published_over_json_rpc_is_refused(self):
        self.calibrate()
        self.authenticate("ops_hr", "ops_hr")
        self._assert_refused(self.cycle, {"state": "published"})
        self.env.invalidate_all()
        self.assertEqual(self.cycle.state, "calibration")
        # The same officer's step is what publishes.
        self.assertTrue(self._write(self.cycle, {"name": "2026-11 (checked)"}).get("result"))

    def test_confirmed_sheet_back_to_draft_over_json_rpc_is_refused(self):
        sheet = self.computed_sheet(self.user_hr_2)
        sheet.action_confirm()
        self.authenticate("ops_hr", "ops_hr")
        self._assert_refused(sheet, {"state": "draft"})
        self.env.invalidate_all()
        self.assertEqual(sheet.state, "confirmed")
