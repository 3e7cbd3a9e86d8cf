# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16, as the users who found it: what belongs to a secret appraisal
(its bonus line, with the score and grade it shows, its improvement plan
and check-ins, the training need it raised) follows the appraisal's rule
(``_ops_classified_by``); a result classified later keeps its classifier
and the officers, and only the officer declassifies a published one, with a
reason."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ops_appraisal.tests.common import AppraisalCommon
from odoo.addons.ops_org.tests.common import ops_user

EMPLOYEE = "ops_org.ops_org_group_employee"
HR = "ops_org.ops_org_group_hr"
LEADERSHIP = "ops_org.ops_org_group_leadership"
OFFICER = "ops_org.ops_org_group_confidentiality"


class SecretAppraisalCommon(AppraisalCommon):
    """AppraisalCommon with the head cleared for secret results, a second
    HR officer cleared for them (``user_hr_cleared``, in another
    department), a leader without clearance and a confidentiality officer
    (also an HR officer) cleared for secret results."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr_cleared = ops_user(cls.env, "ops_hr_cleared", HR)
        cls.user_leader = ops_user(cls.env, "ops_followers_leader", LEADERSHIP)
        # The classification only restricts: the officer reads results as
        # an HR officer, which the confidentiality officer here also is.
        cls.user_officer = ops_user(cls.env, "ops_followers_officer", f"{HR},{OFFICER}")
        Employee = cls.env["hr.employee"]
        cls.clear(cls.emp_head)
        cls.clear(
            Employee.create(
                {
                    "name": "Cleared HR Officer",
                    "user_id": cls.user_hr_cleared.id,
                    "department_id": cls.other_department.id,
                }
            )
        )
        cls.clear(Employee.create({"name": "Officer", "user_id": cls.user_officer.id}))

    @classmethod
    def clear(cls, employee, level="secret"):
        cls.env["ops.nda"].create({"employee_id": employee.id, "date_signed": date.today()})
        employee.ops_clearance = level

    @classmethod
    def publish(cls):
        """The supervisor rates the two employees; the cycle is calibrated
        and published."""
        for appraisal in cls.appraisal | cls.peer_appraisal:
            evaluation = appraisal.evaluation_ids.filtered(lambda e: e.role == "supervisor")
            # As superuser: the rater's rights are not what is tested here.
            for line in evaluation.line_ids:
                if line.kind == "qualitative":
                    line.rating = 4
                else:
                    line.value = 80
            evaluation.action_submit()
        cls.cycle.action_calibrate()
        cls.cycle.action_publish()


@tagged("post_install", "-at_install", "ops_access")
class TestSecretAppraisalFollowers(SecretAppraisalCommon):
    """A published result classified secret, only ``user_hr_cleared`` on
    its list: its bonus line, improvement plan, check-ins and training need
    reach neither the HR officer nor the leader without clearance, nor the
    cleared head who supervises the employee but is not on the list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emp_employee.ops_bonus_base = 5000.0
        cls.emp_peer.ops_bonus_base = 4000.0
        cls.publish()
        cls.sheet = cls.env["ops.appraisal.bonus.sheet"].create(
            {"name": "Bonus 2026-11", "cycle_id": cls.cycle.id}
        )
        cls.sheet.action_compute()
        cls.bonus_line = cls.sheet.line_ids.filtered(
            lambda line: line.appraisal_id == cls.appraisal
        )
        cls.open_line = cls.sheet.line_ids - cls.bonus_line
        cls.plan = cls.env["ops.appraisal.improvement.plan"].create(
            {
                "appraisal_id": cls.appraisal.id,
                "goals": "<p>Publish twice a week.</p>",
                "date_end": "2027-02-28",
            }
        )
        cls.plan.action_start()
        cls.checkin = cls.env["ops.appraisal.improvement.checkin"].create(
            {"plan_id": cls.plan.id, "progress": 30, "note": "Missed two deadlines."}
        )
        cls.appraisal.write(
            {
                "ops_level": "secret",
                "ops_category": "customer_information",
                "ops_need_to_know_user_ids": [(6, 0, cls.user_hr_cleared.ids)],
            }
        )

    def assertHidden(self, user, records, fnames, name=None, groupby="employee_id"):
        """``user`` gets nothing of ``records``: search_read, read,
        read_group and name_search."""
        self.assertTrue(records)
        self.env.flush_all()
        self.env.invalidate_all()
        Model = self.env[records._name].with_user(user)
        domain = [("id", "in", records.ids)]
        self.assertFalse(Model.search_read(domain, fnames))
        self.assertEqual(Model.search_count(domain), 0)
        groups = Model.read_group([], [groupby], [groupby])
        self.assertNotIn(records[groupby][:1].id, [g[groupby][0] for g in groups if g[groupby]])
        if name:
            self.assertFalse({rid for rid, _n in Model.name_search(name)} & set(records.ids))
        for record in records:
            with self.assertRaises(AccessError):
                record.with_user(user).read(fnames)

    def assertSeen(self, user, records, fnames, name=None, groupby="employee_id"):
        self.env.flush_all()
        self.env.invalidate_all()
        Model = self.env[records._name].with_user(user)
        domain = [("id", "in", records.ids)]
        self.assertEqual(len(Model.search_read(domain, fnames)), len(records))
        groups = Model.read_group([], [groupby], [groupby])
        self.assertIn(records[groupby][:1].id, [g[groupby][0] for g in groups if g[groupby]])
        if name:
            self.assertTrue({rid for rid, _n in Model.name_search(name)} & set(records.ids))
        self.assertEqual(len(records.with_user(user).read(fnames)), len(records))

    def test_fixture(self):
        self.assertEqual(self.appraisal.state, "published")
        self.assertEqual(self.appraisal.ops_level, "secret")
        self.assertTrue(self.bonus_line.grade_id)
        self.assertEqual(self.bonus_line.base, 5000.0)
        self.assertTrue(self.open_line)
        self.assertEqual(self.plan.supervisor_user_id, self.user_head)

    def test_bonus_line_of_a_secret_result_hidden(self):
        # Its related fields (score, grade, coefficient) read the appraisal as
        # superuser: the line itself is what must not be read.
        fnames = ["employee_name", "score", "grade_id", "coefficient", "base", "total"]
        for user in (self.user_hr, self.user_leader):
            with self.subTest(user=user.login):
                self.assertHidden(user, self.bonus_line, fnames, name="Employee")
                Line = self.env["ops.appraisal.bonus.line"].with_user(user)
                # The sheet's totals by cycle leave the line out.
                (group,) = Line.read_group(
                    [("sheet_id", "=", self.sheet.id)], ["total:sum"], ["cycle_id"]
                )
                self.assertEqual(group["total"], sum(self.open_line.mapped("total")))
                self.assertEqual(group["cycle_id_count"], len(self.open_line))
                self.assertEqual(self.sheet.with_user(user).line_ids, self.open_line)

    def test_improvement_plan_and_checkins_of_a_secret_result_hidden(self):
        for user in (self.user_hr, self.user_head):
            with self.subTest(user=user.login):
                self.assertHidden(
                    user,
                    self.plan,
                    ["employee_name", "goals", "state", "outcome"],
                    name="Employee",
                )
                self.assertHidden(
                    user, self.checkin, ["progress", "note", "plan_id"], groupby="plan_id"
                )

    def test_training_need_of_a_secret_result_hidden(self):
        if "ops.training.need" not in self.env:
            self.skipTest("ops_training is not installed")
        need = self.env["ops.training.need"].create(
            {
                "name": "Deadline management",
                "employee_id": self.emp_employee.id,
                "source": "appraisal",
                "appraisal_id": self.appraisal.id,
                "description": "Raised by the November result.",
            }
        )
        self.assertEqual(need.manager_user_id, self.user_head)
        for user in (self.user_hr, self.user_head):
            with self.subTest(user=user.login):
                self.assertHidden(
                    user,
                    need,
                    ["name", "description", "appraisal_id"],
                    name="Deadline management",
                )
        self.assertSeen(
            self.user_hr_cleared,
            need,
            ["name", "description", "appraisal_id"],
            name="Deadline management",
        )

    def test_cleared_need_to_know_officer_reads_them_all(self):
        user = self.user_hr_cleared
        self.assertSeen(
            user,
            self.bonus_line,
            ["employee_name", "score", "grade_id", "coefficient", "base", "total"],
            name="Employee",
        )
        self.assertEqual(self.sheet.with_user(user).line_ids, self.sheet.line_ids)
        self.assertSeen(user, self.plan, ["employee_name", "goals", "state"], name="Employee")
        self.assertSeen(user, self.checkin, ["progress", "note"], groupby="plan_id")

    def test_other_results_unchanged(self):
        for user in (self.user_hr, self.user_leader):
            self.assertEqual(
                self.env["ops.appraisal.bonus.line"]
                .with_user(user)
                .search([("sheet_id", "=", self.sheet.id)]),
                self.open_line,
            )


@tagged("post_install", "-at_install", "ops_access")
class TestClassifyingAnAppraisal(SecretAppraisalCommon):
    """The cleared head classifies a result of their department secret
    without naming who needs to know it; once published, only the
    confidentiality officer declassifies it, with a reason."""

    def _readers(self, appraisal):
        self.env.invalidate_all()
        return {
            user
            for user in (self.user_head, self.user_officer, self.user_hr, self.user_hr_cleared)
            if self.env["ops.appraisal"].with_user(user).search([("id", "=", appraisal.id)])
        }

    def test_classifier_and_officer_keep_a_result_classified_later(self):
        self.appraisal.with_user(self.user_head).write({"ops_level": "secret"})
        self.assertEqual(self.appraisal.ops_level, "secret")
        self.assertLessEqual(
            self.user_head | self.user_officer, self.appraisal.ops_need_to_know_user_ids
        )
        self.assertEqual(self._readers(self.appraisal), {self.user_head, self.user_officer})
        for user in (self.user_head, self.user_officer):
            self.assertTrue(self.appraisal.with_user(user).read(["final_score"]))
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_hr).read(["final_score"])

    def test_officer_declassifies_a_published_secret_result(self):
        self.appraisal.with_user(self.user_head).write({"ops_level": "secret"})
        self.publish()
        self.assertEqual(self.appraisal.state, "published")
        # Published: nobody else lowers it, nor does the officer without a
        # reason.
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_hr_cleared).ops_set_level(
                "internal", "Calibration is over."
            )
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_head).ops_set_level(
                "internal", "Calibration is over."
            )
        for reason in ("", "   ", None):
            with self.assertRaises(UserError) as caught:
                self.appraisal.with_user(self.user_officer).ops_set_level("internal", reason)
            self.assertNotIsInstance(caught.exception, AccessError)
        self.assertRefused(
            self.appraisal.with_user(self.user_head).write, {"ops_level": "internal"}
        )
        self.assertEqual(self.appraisal.ops_level, "secret")
        self.assertNotIn(self.user_hr, self._readers(self.appraisal))

        self.appraisal.with_user(self.user_officer).ops_set_level(
            "internal", "Works council review of the November results."
        )
        self.assertEqual(self.appraisal.ops_level, "internal")
        self.assertIn(self.user_hr, self._readers(self.appraisal))
        logged = self.appraisal.message_ids.filtered(
            lambda m: "Works council review of the November results." in (m.body or "")
        )
        self.assertEqual(len(logged), 1)
        self.assertEqual(logged.author_id, self.user_officer.partner_id)
