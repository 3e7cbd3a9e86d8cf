# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalResults(AppraisalCommon):
    """Reminders before the deadline, the grade distribution against its
    target in calibration, and what results give: promotion priority and
    the criteria to train."""

    def _reminders(self):
        return self.env["mail.mail"].search(
            [("model", "=", "ops.appraisal.evaluation"), ("subject", "like", "Evaluations to give")]
        )

    def test_raters_are_reminded_once_before_the_deadline(self):
        self.cycle.write({"deadline": "2026-11-20", "reminder_days": 3})
        self.rate(self.evaluation(self.appraisal, "self"), 4, 90)
        Evaluation = self.env["ops.appraisal.evaluation"]
        with freeze_time("2026-11-16 12:00:00"):
            Evaluation._cron_remind()
        self.assertFalse(self._reminders(), "too early")
        with freeze_time("2026-11-17 12:00:00"):
            Evaluation._cron_remind()
        mails = self._reminders()
        recipients = mails.recipient_ids
        # The head has two colleagues to evaluate and one self-evaluation:
        # one e-mail listing the pending ones.
        head_mail = mails.filtered(lambda m: self.user_head.partner_id in m.recipient_ids)
        self.assertEqual(len(head_mail), 1)
        self.assertIn("Employee", head_mail.body_html)
        self.assertIn("Peer", head_mail.body_html)
        self.assertIn(self.user_peer.partner_id, recipients)
        # The employee submitted their only evaluation: no reminder.
        self.assertNotIn(self.user_employee.partner_id, recipients)
        with freeze_time("2026-11-18 12:00:00"):
            Evaluation._cron_remind()
        self.assertEqual(self._reminders(), mails, "reminded once")

    def test_no_reminder_after_the_deadline_or_outside_evaluation(self):
        self.cycle.write({"deadline": "2026-11-20", "reminder_days": 3})
        with freeze_time("2026-11-21 12:00:00"):
            self.env["ops.appraisal.evaluation"]._cron_remind()
        self.assertFalse(self._reminders())
        self.cycle.action_calibrate()
        with freeze_time("2026-11-19 12:00:00"):
            self.env["ops.appraisal.evaluation"]._cron_remind()
        self.assertFalse(self._reminders())

    def test_reminder_days_cannot_be_negative(self):
        with self.assertRaises(ValidationError):
            self.cycle.reminder_days = -1
        self.assertEqual(self.cycle.reminder_days, 3)

    def _calibrated_cycle_with_outsider(self):
        self.cycle.department_ids |= self.other_department
        self.cycle.action_generate()
        self.rate(self.evaluation(self.appraisal, "supervisor"), 5, 100)
        self.rate(self.evaluation(self.peer_appraisal, "supervisor"), 1, 0)
        self.cycle.action_calibrate()

    def test_distribution_against_target_by_role(self):
        self._calibrated_cycle_with_outsider()
        rows = {row["grade"]: row for row in self.cycle.with_user(self.user_hr)._ops_distribution()}
        outstanding = self.env.ref("ops_appraisal.ops_appraisal_grade_s")
        poor = self.env.ref("ops_appraisal.ops_appraisal_grade_d")
        self.assertEqual(sum(row["count"] for row in rows.values()), 4)
        self.assertEqual(rows[outstanding.name]["count"], 1)
        self.assertEqual(rows[outstanding.name]["target"], 10)
        self.assertEqual(rows[outstanding.name]["share"], 25.0)
        self.assertEqual(rows[outstanding.name]["gap"], 15.0)
        # The head sees the distribution of their department only.
        head_rows = self.cycle.with_user(self.user_head)._ops_distribution()
        self.assertEqual(sum(row["count"] for row in head_rows), 3)
        self.assertEqual(
            {row["grade"]: row["count"] for row in head_rows}[poor.name], 2
        )  # the peer and the head's own, unrated, self-evaluation only
        html = self.cycle.with_user(self.user_hr).distribution_html
        self.assertIn(outstanding.name, html)
        self.assertIn("+15.0", html)

    def test_no_distribution_before_calibration(self):
        self.assertFalse(self.cycle._ops_distribution())
        self.assertFalse(self.cycle.distribution_html)

    def test_results_give_promotion_priority_and_training_needs(self):
        self._calibrated_cycle_with_outsider()
        self.assertTrue(self.appraisal.promotion_priority)
        self.assertFalse(self.peer_appraisal.promotion_priority)
        self.assertFalse(self.appraisal.weak_criterion_ids)
        self.assertEqual(self.peer_appraisal.weak_criterion_ids, self.template.criterion_ids)
        promoted = self.env["ops.appraisal"].search(
            [("cycle_id", "=", self.cycle.id), ("promotion_priority", "=", True)]
        )
        self.assertEqual(promoted, self.appraisal)


@tagged("post_install", "-at_install")
class TestJobAppraisalSettings(AppraisalCommon):
    """Jobs say whether peers and customers evaluate their holders."""

    def test_job_asks_for_peers_at_generation(self):
        job = self.env["hr.job"].create({"name": "Editor", "ops_appraisal_peer_count": 1})
        (self.emp_employee | self.emp_peer).job_id = job
        cycle = self.cycle.copy({"name": "2026-12"})
        cycle.action_generate()
        appraisal = cycle.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_employee)
        peer_appraisal = cycle.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_peer)
        # The head supervises both, so each one's only peer is the other.
        self.assertEqual(appraisal.peer_user_ids, self.user_peer)
        self.assertEqual(peer_appraisal.peer_user_ids, self.user_employee)
        peer_evaluation = self.evaluation(appraisal, "peer")
        self.assertEqual(peer_evaluation.rater_user_id, self.user_peer)
        head_appraisal = cycle.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_head)
        self.assertFalse(head_appraisal.peer_user_ids, "the head's job asks for no peers")

    def test_customer_facing_job(self):
        job = self.env["hr.job"].create({"name": "Account manager", "ops_customer_facing": True})
        self.emp_employee.job_id = job
        cycle = self.cycle.copy({"name": "2026-12"})
        cycle.action_generate()
        appraisal = cycle.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_employee)
        self.assertTrue(appraisal.customer_facing)
        self.assertFalse(self.peer_appraisal.customer_facing)

    def test_peer_count_is_bounded(self):
        with self.assertRaises(ValidationError):
            self.env["hr.job"].create({"name": "Crowd", "ops_appraisal_peer_count": 50})
