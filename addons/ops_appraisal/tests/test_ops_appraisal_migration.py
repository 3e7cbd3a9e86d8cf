# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import run_migration

from .common import AppraisalCommon


@tagged("post_install", "-at_install", "ops_migration")
class TestAppraisalMigration(AppraisalCommon):
    """18.0.1.1.1 post-migration on a database holding what 18.0.1.0.0 left
    (or 18.0.1.1.0, which ran no migration):
    appraisals of a cycle still in evaluation carrying a grade (and its
    promotion priority) from their partial score."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grade = cls.env["ops.appraisal.grade"].search(
            [("company_id", "in", [cls.company.id, False])], order="min_score desc", limit=1
        )
        cls.grade.promotion_priority = True
        # A cycle past evaluation: its grades are the real ones and stay.
        cls.calibrated = cls.env["ops.appraisal.cycle"].create(
            {
                "name": "2026-10",
                "period": "monthly",
                "date_start": "2026-10-01",
                "date_end": "2026-10-31",
                "template_id": cls.template.id,
                "department_ids": [(6, 0, cls.department.ids)],
            }
        )
        cls.calibrated._ops_demo_run("calibration")

    def _old_shape(self):
        """What 18.0.1.0.0 stored: the open cycle's appraisals graded."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ops_appraisal SET grade_id = %s, promotion_priority = TRUE WHERE cycle_id = %s",
            [self.grade.id, self.cycle.id],
        )
        self.env.invalidate_all()
        self.assertEqual(self.appraisal.grade_id, self.grade)
        self.assertTrue(self.appraisal.promotion_priority)

    def test_open_cycle_loses_its_grades(self):
        self._old_shape()
        kept = {a.id: a.grade_id for a in self.calibrated.appraisal_ids}
        self.assertTrue(all(kept.values()), "calibration grades the appraisals")
        run_migration(self.env, "ops_appraisal", "18.0.1.1.1", "post", "18.0.1.0.0")
        for appraisal in self.cycle.appraisal_ids:
            self.assertFalse(appraisal.grade_id)
            self.assertFalse(appraisal.promotion_priority)
        self.assertEqual({a.id: a.grade_id for a in self.calibrated.appraisal_ids}, kept)

    def test_twice_is_harmless_and_fresh_install_skips(self):
        self._old_shape()
        # A fresh installation (no version yet) runs no migration.
        run_migration(self.env, "ops_appraisal", "18.0.1.1.1", "post", None)
        self.assertEqual(self.appraisal.grade_id, self.grade)
        run_migration(self.env, "ops_appraisal", "18.0.1.1.1", "post", "18.0.1.1.0")
        run_migration(self.env, "ops_appraisal", "18.0.1.1.1", "post", "18.0.1.1.0")
        self.assertFalse(self.appraisal.grade_id)
        self.assertFalse(self.appraisal.promotion_priority)


@tagged("post_install", "-at_install", "ops_migration")
class TestAppraisalMigrationSupervisor(AppraisalCommon):
    """18.0.1.2.0 post-migration on a database where the head (no manager,
    no department above) was appraised without a supervisor."""

    def _old_shape(self):
        head_appraisal = self.cycle.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_head)
        self.evaluation(head_appraisal, "supervisor").unlink()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ops_appraisal SET supervisor_user_id = NULL WHERE id = %s",
            [head_appraisal.id],
        )
        self.env.invalidate_all()
        self.assertFalse(head_appraisal.supervisor_user_id)
        return head_appraisal

    def test_head_at_the_top_gets_a_supervisor_and_their_evaluation(self):
        head_appraisal = self._old_shape()
        leader = head_appraisal.employee_id._ops_manager_users()[:1]
        self.assertTrue(leader)
        run_migration(self.env, "ops_appraisal", "18.0.1.2.0", "post", "18.0.1.1.1")
        self.assertEqual(head_appraisal.supervisor_user_id, leader)
        self.assertEqual(self.evaluation(head_appraisal, "supervisor").rater_user_id, leader)
        self.assertEqual(len(self.evaluation(head_appraisal, "supervisor").line_ids), 2)
        # The employee's appraisal had a supervisor: untouched.
        self.assertEqual(len(self.evaluation(self.appraisal, "supervisor")), 1)

    def test_twice_is_harmless_and_results_past_evaluation_stay(self):
        head_appraisal = self._old_shape()
        run_migration(self.env, "ops_appraisal", "18.0.1.2.0", "post", None)
        self.assertFalse(head_appraisal.supervisor_user_id, "a fresh install runs nothing")
        run_migration(self.env, "ops_appraisal", "18.0.1.2.0", "post", "18.0.1.1.1")
        run_migration(self.env, "ops_appraisal", "18.0.1.2.0", "post", "18.0.1.1.1")
        self.assertEqual(len(self.evaluation(head_appraisal, "supervisor")), 1)
        # A cycle in calibration keeps what it was scored on.
        head_appraisal.evaluation_ids.filtered(lambda e: e.role == "supervisor").unlink()
        self.env.cr.execute(
            "UPDATE ops_appraisal SET supervisor_user_id = NULL WHERE id = %s",
            [head_appraisal.id],
        )
        self.env.invalidate_all()
        self.cycle.action_calibrate()
        run_migration(self.env, "ops_appraisal", "18.0.1.2.0", "post", "18.0.1.1.1")
        self.assertFalse(head_appraisal.supervisor_user_id)
        self.assertFalse(self.evaluation(head_appraisal, "supervisor"))
