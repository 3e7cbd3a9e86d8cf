# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisal(AppraisalCommon):
    def test_criteria_weights_must_sum_to_100(self):
        form = Form(self.env["ops.appraisal.template"].with_user(self.user_hr))
        form.name = "Unbalanced"
        with form.criterion_ids.new() as line:
            line.name = "Quality"
            line.weight = 70
        with self.assertRaises(ValidationError) as caught:
            form.save()
        self.assertIn("70.0 %, not 100 %", str(caught.exception))
        self.assertFalse(self.env["ops.appraisal.template"].search([("name", "=", "Unbalanced")]))

    def test_rater_weights_must_sum_to_100(self):
        with self.assertRaisesRegex(ValidationError, "rater weights"):
            self.template.write({"supervisor_weight": 90})

    def test_generation_creates_supervisor_and_self_evaluations(self):
        self.assertEqual(
            self.cycle.appraisal_ids.employee_id, self.emp_head | self.emp_employee | self.emp_peer
        )
        self.assertEqual(self.appraisal.supervisor_user_id, self.user_head)
        self.assertEqual(
            sorted(self.appraisal.evaluation_ids.mapped("role")), ["self", "supervisor"]
        )
        self.assertEqual(len(self.evaluation(self.appraisal, "supervisor").line_ids), 2)
        # The head has no manager and no department above: a member of
        # Leadership evaluates them (issue 15: before, nobody did).
        head_appraisal = self.cycle.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_head)
        self.assertEqual(
            sorted(head_appraisal.evaluation_ids.mapped("role")), ["self", "supervisor"]
        )
        self.assertIn(
            head_appraisal.supervisor_user_id,
            self.env.ref("ops_org.ops_org_group_leadership").users,
        )
        self.cycle.action_generate()  # again: nobody twice
        self.assertEqual(len(self.cycle.appraisal_ids), 3)

    def test_rating_outside_the_scale_is_refused(self):
        line = self.evaluation(self.appraisal, "supervisor").line_ids.filtered(
            lambda line: line.kind == "qualitative"
        )
        with self.assertRaises(ValidationError) as caught:
            line.with_user(self.user_head).write({"rating": 6})
        self.assertIn("from 1 to 5, not 6", str(caught.exception))
        line.invalidate_recordset()
        self.assertEqual(line.rating, 0)

    def test_nobody_evaluates_themselves_as_supervisor(self):
        with self.assertRaisesRegex(ValidationError, "cannot evaluate themselves"):
            self.env["ops.appraisal.evaluation"].create(
                {
                    "appraisal_id": self.appraisal.id,
                    "rater_user_id": self.user_employee.id,
                    "role": "supervisor",
                }
            )

    def test_scores_grade_publication_acknowledgement(self):
        self.appraisal.peer_user_ids = self.user_peer
        self.appraisal.action_request_peer_evaluations()
        self.rate(self.evaluation(self.appraisal, "supervisor"), 4, 90)
        self.rate(self.evaluation(self.appraisal, "self"), 5, 100)
        self.rate(self.evaluation(self.appraisal, "peer"), 3, 80)
        self.cycle.action_calibrate()
        # supervisor 81, self 100, peer 62; weighted 60/20/20
        self.assertAlmostEqual(self.appraisal.computed_score, 81.0)
        self.assertEqual(self.appraisal.grade_id.min_score, 80)
        self.appraisal.with_user(self.user_head).write(
            {"calibrated_score": 78.0, "calibration_note": "Late deliveries"}
        )
        self.assertEqual(self.appraisal.final_score, 78.0)
        self.assertEqual(self.appraisal.grade_id.min_score, 70)
        self.cycle.action_publish()
        mine = self.appraisal.with_user(self.user_employee)
        self.assertEqual(mine.final_score, 78.0)
        mine.write({"employee_comment": "Thanks."})
        mine.action_acknowledge()
        self.assertEqual(self.appraisal.state, "acknowledged")
        with self.assertRaisesRegex(UserError, "is published"):
            self.appraisal.with_user(self.user_head).write({"calibrated_score": 90})
        with self.assertRaisesRegex(UserError, "is published"):
            self.appraisal.with_user(self.user_hr).write({"comment": "<p>Rewritten</p>"})
        self.assertEqual(self.appraisal.final_score, 78.0)

    def test_missing_rater_roles_are_left_out_of_the_weighting(self):
        self.rate(self.evaluation(self.appraisal, "supervisor"), 4, 90)
        self.rate(self.evaluation(self.appraisal, "self"), 5, 100)
        self.cycle.action_calibrate()
        self.assertAlmostEqual(self.appraisal.computed_score, (60 * 81 + 20 * 100) / 80)

    def test_submitted_evaluation_and_closed_evaluation_period_are_frozen(self):
        evaluation = self.evaluation(self.appraisal, "supervisor")
        with self.assertRaisesRegex(UserError, "Rate every criterion"):
            evaluation.with_user(self.user_head).action_submit()
        self.rate(evaluation, 4, 90)
        with self.assertRaisesRegex(UserError, "submitted"):
            evaluation.line_ids[0].with_user(self.user_head).write({"rating": 5})
        self_eval = self.evaluation(self.appraisal, "self")
        self.cycle.action_calibrate()
        with self.assertRaisesRegex(UserError, "while its cycle is in evaluation"):
            self_eval.line_ids[0].with_user(self.user_employee).write({"rating": 2})

    def test_appeal_within_the_period_decided_by_hr(self):
        self.rate(self.evaluation(self.appraisal, "supervisor"), 2, 50)
        self.cycle.action_calibrate()
        self.cycle.action_publish()
        mine = self.appraisal.with_user(self.user_employee)
        with self.assertRaisesRegex(UserError, "why you appeal"):
            mine.action_appeal()
        mine.write({"appeal_reason": "The articles target was changed mid-month."})
        mine.action_appeal()
        with self.assertRaisesRegex(UserError, "Close|appeals"):
            self.cycle.action_close()
        with self.assertRaisesRegex(UserError, "HR decides"):
            self.appraisal.with_user(self.user_head).action_decide_appeal(True, "ok", 70)
        self.appraisal.with_user(self.user_hr).action_decide_appeal(True, "Target corrected", 70)
        self.assertEqual(self.appraisal.appeal_state, "upheld")
        self.assertEqual(self.appraisal.final_score, 70)
        self.cycle.action_close()
        self.assertEqual(self.appraisal.state, "closed")

    def test_appeal_after_the_deadline_is_refused(self):
        # A fixed clock: the outcome does not depend on the hour the suite runs
        # (the users' time zones shift "today" near midnight UTC).
        with freeze_time("2026-12-01 04:00:00"):
            self.cycle.action_calibrate()
            self.cycle.action_publish()
        mine = self.appraisal.with_user(self.user_employee)
        mine.write({"appeal_reason": "Too late"})
        with freeze_time("2026-12-09 04:00:00"):
            with self.assertRaisesRegex(UserError, "appeal period ended"):
                mine.action_appeal()
        self.assertFalse(self.appraisal.appeal_state)

    def test_cycle_steps_in_order(self):
        with self.assertRaisesRegex(UserError, "needs it Calibration"):
            self.cycle.action_publish()
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.cycle.copy({"date_end": "2026-10-01"})

    def test_quarterly_result_builds_on_the_monthly_ones(self):
        self.rate(self.evaluation(self.appraisal, "supervisor"), 5, 100)
        self.cycle.action_calibrate()
        self.cycle.action_publish()
        self.assertEqual(self.appraisal.final_score, 100)
        quarter = self.cycle.copy(
            {
                "name": "2026 Q4",
                "period": "quarterly",
                "date_start": "2026-10-01",
                "date_end": "2026-12-31",
                "monthly_weight": 40,
            }
        )
        quarter.action_generate()
        quarter.action_open()
        q_appraisal = quarter.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_employee)
        self.rate(self.evaluation(q_appraisal, "supervisor"), 3, 50)  # 0.6*50 + 0.4*50 = 50
        quarter.action_calibrate()
        self.assertAlmostEqual(q_appraisal.monthly_score, 100)
        self.assertAlmostEqual(q_appraisal.computed_score, 0.4 * 100 + 0.6 * 50)
