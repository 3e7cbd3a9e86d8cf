# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One test per ACL row and per record rule of ops_appraisal, as each role."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install", "ops_access")
class TestAppraisalAccess(AppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})

    def visible(self, user, records):
        return self.env[records._name].with_user(user).search([("id", "in", records.ids)])

    def publish(self):
        self.cycle.action_calibrate()
        self.cycle.action_publish()

    # -- ACL rows ----------------------------------------------------------

    def test_grade_read_by_employees_managed_by_hr(self):
        # access_ops_appraisal_grade_employee, access_ops_appraisal_grade_hr
        Grade = self.env["ops.appraisal.grade"]
        self.assertTrue(Grade.with_user(self.user_employee).search([]))
        with self.assertRaises(AccessError):
            Grade.with_user(self.user_employee).create({"name": "X", "min_score": 95})
        grade = Grade.with_user(self.user_hr).create({"name": "X", "min_score": 95})
        grade.unlink()

    def test_template_read_by_employees_managed_by_hr(self):
        # access_ops_appraisal_template_employee, access_ops_appraisal_template_hr
        template = self.template.with_user(self.user_employee)
        self.assertEqual(template.rating_scale, 5)
        with self.assertRaises(AccessError):
            template.write({"rating_scale": 10})
        self.template.with_user(self.user_hr).write({"rating_scale": 10})

    def test_criterion_read_by_employees_managed_by_hr(self):
        # access_ops_appraisal_criterion_employee, access_ops_appraisal_criterion_hr
        criterion = self.template.criterion_ids[0]
        self.assertEqual(criterion.with_user(self.user_employee).name, "Quality")
        with self.assertRaises(AccessError):
            criterion.with_user(self.user_employee).write({"name": "Other"})
        criterion.with_user(self.user_hr).write({"name": "Quality of content"})

    def test_cycle_read_by_employees_run_by_hr(self):
        # access_ops_appraisal_cycle_employee, access_ops_appraisal_cycle_hr
        self.assertEqual(self.cycle.with_user(self.user_employee).name, "2026-11")
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_employee).action_calibrate()
        self.cycle.with_user(self.user_hr).action_calibrate()
        self.assertEqual(self.cycle.state, "calibration")

    def test_employee_reads_and_comments_own_published_appraisal(self):
        # access_ops_appraisal_employee
        self.publish()
        mine = self.appraisal.with_user(self.user_employee)
        mine.write({"employee_comment": "Noted"})
        with self.assertRaises(AccessError):
            self.env["ops.appraisal"].with_user(self.user_employee).create(
                {"cycle_id": self.cycle.id, "employee_id": self.emp_outsider.id}
            )

    def test_hr_creates_appraisals(self):
        # access_ops_appraisal_hr
        appraisal = (
            self.env["ops.appraisal"]
            .with_user(self.user_hr)
            .create({"cycle_id": self.cycle.id, "employee_id": self.emp_outsider.id})
        )
        self.assertEqual(appraisal.department_id, self.other_department)

    def test_rater_fills_in_their_evaluation(self):
        # access_ops_appraisal_evaluation_employee, access_ops_appraisal_evaluation_line_employee
        evaluation = self.evaluation(self.appraisal, "supervisor").with_user(self.user_head)
        evaluation.write({"comment": "Solid month"})
        evaluation.line_ids[0].write({"rating": 4})
        with self.assertRaises(AccessError):
            evaluation.unlink()

    def test_hr_manages_evaluations(self):
        # access_ops_appraisal_evaluation_hr, access_ops_appraisal_evaluation_line_hr
        evaluation = (
            self.env["ops.appraisal.evaluation"]
            .with_user(self.user_hr)
            .create(
                {
                    "appraisal_id": self.appraisal.id,
                    "rater_user_id": self.user_peer.id,
                    "role": "peer",
                }
            )
        )
        evaluation.line_ids.unlink()
        evaluation.unlink()

    # -- record rules ------------------------------------------------------

    def test_employee_sees_own_appraisal_only_once_published(self):
        # ops_appraisal_rule_employee
        self.assertFalse(self.visible(self.user_employee, self.cycle.appraisal_ids))
        self.publish()
        self.assertEqual(self.visible(self.user_employee, self.cycle.appraisal_ids), self.appraisal)
        with self.assertRaises(AccessError):
            self.peer_appraisal.with_user(self.user_employee).read(["final_score"])

    def test_department_head_sees_the_department(self):
        # ops_appraisal_rule_department_head
        outsider = self.env["ops.appraisal"].create(
            {"cycle_id": self.cycle.id, "employee_id": self.emp_outsider.id}
        )
        seen = self.visible(self.user_head, self.cycle.appraisal_ids)
        self.assertIn(self.appraisal, seen)
        self.assertIn(self.peer_appraisal, seen)
        self.assertNotIn(outsider, seen)

    def test_hr_sees_every_appraisal(self):
        # ops_appraisal_rule_hr
        self.assertEqual(
            self.visible(self.user_hr, self.cycle.appraisal_ids), self.cycle.appraisal_ids
        )

    def test_appraisal_rule_company(self):
        # ops_appraisal_rule_company
        self.cycle.company_id = self.other_company
        self.assertFalse(self.visible(self.user_hr, self.cycle.appraisal_ids))

    def test_rater_sees_only_the_evaluations_they_give(self):
        # ops_appraisal_evaluation_rule_employee: peers never see each other's ratings
        self.appraisal.peer_user_ids = self.user_peer | self.user_outsider
        self.appraisal.action_request_peer_evaluations()
        peer_evals = self.evaluation(self.appraisal, "peer")
        mine = self.evaluation(self.appraisal, "peer", self.user_peer)
        self.assertEqual(self.visible(self.user_peer, peer_evals), mine)
        self.assertEqual(
            self.visible(self.user_peer, mine.line_ids | (peer_evals - mine).line_ids),
            mine.line_ids,
        )  # ops_appraisal_evaluation_line_rule_employee
        self.assertFalse(
            self.visible(
                self.user_employee,
                self.appraisal.evaluation_ids - self.evaluation(self.appraisal, "self"),
            )
        )
        with self.assertRaises(AccessError):
            (peer_evals - mine).with_user(self.user_peer).read(["score"])

    def test_department_head_reads_but_does_not_write_others_evaluations(self):
        # ops_appraisal_evaluation_rule_department_head
        # ops_appraisal_evaluation_line_rule_department_head
        self_eval = self.evaluation(self.appraisal, "self")
        self.assertEqual(self.visible(self.user_head, self_eval), self_eval)
        self.assertEqual(self.visible(self.user_head, self_eval.line_ids), self_eval.line_ids)
        with self.assertRaises(AccessError):
            self_eval.with_user(self.user_head).write({"comment": "Edited by the head"})
        with self.assertRaises(AccessError):
            self_eval.line_ids[0].with_user(self.user_head).write({"rating": 1})

    def test_hr_sees_every_evaluation(self):
        # ops_appraisal_evaluation_rule_hr, ops_appraisal_evaluation_line_rule_hr
        evaluations = self.cycle.appraisal_ids.evaluation_ids
        self.assertEqual(self.visible(self.user_hr, evaluations), evaluations)
        self.assertEqual(self.visible(self.user_hr, evaluations.line_ids), evaluations.line_ids)

    def test_evaluation_rules_company(self):
        # ops_appraisal_evaluation_rule_company, ops_appraisal_evaluation_line_rule_company
        evaluations = self.cycle.appraisal_ids.evaluation_ids
        self.cycle.company_id = self.other_company
        self.assertFalse(self.visible(self.user_hr, evaluations))
        self.assertFalse(self.visible(self.user_hr, evaluations.line_ids))

    def test_configuration_rules_company(self):
        # ops_appraisal_grade_rule_company, ops_appraisal_template_rule_company,
        # ops_appraisal_cycle_rule_company
        grade = self.env["ops.appraisal.grade"].create(
            {"name": "Foreign", "min_score": 50, "company_id": self.other_company.id}
        )
        self.template.company_id = self.other_company
        self.cycle.company_id = self.other_company
        self.assertFalse(self.visible(self.user_hr, grade))
        self.assertFalse(self.visible(self.user_hr, self.template))
        self.assertFalse(self.visible(self.user_hr, self.cycle))
