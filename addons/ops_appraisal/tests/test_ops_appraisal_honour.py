# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import AppraisalCommon


@tagged("post_install", "-at_install")
class TestHonour(AppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_leader = ops_user(cls.env, "ops_leader", "ops_org.ops_org_group_leadership")
        cls.user_leader_2 = ops_user(cls.env, "ops_leader_2", "ops_org.ops_org_group_leadership")
        cls.env.ref("ops_org.ops_org_group_leadership").users = cls.user_leader | cls.user_leader_2
        cls.excellent = cls.env.ref("ops_appraisal.ops_appraisal_honour_type_excellent_employee")
        cls.channel = cls.env.ref("mail.channel_all_employees")

    def _nominate(self, user=None, employee=None):
        honour = (
            self.env["ops.appraisal.honour"]
            .with_user(user or self.user_head)
            .create(
                {
                    "type_id": self.excellent.id,
                    "employee_id": (employee or self.emp_employee).id,
                    "reason": "<p>Shipped the redesign two weeks early.</p>",
                }
            )
        )
        honour.action_nominate()
        return honour.with_user(self.env.user)

    def test_nomination_approved_by_leadership_is_praised_in_public(self):
        honour = self._nominate()
        self.assertEqual(honour.review_ids.reviewer_ids, self.user_leader | self.user_leader_2)
        activity = self.env["mail.activity"].search(
            [("res_model", "=", honour._name), ("res_id", "=", honour.id)], limit=1
        )
        activity.with_user(activity.user_id).action_ops_approve()
        self.assertEqual(honour.state, "approved")
        self.assertTrue(honour.date_awarded)
        self.assertIn(honour, self.emp_employee.ops_honour_ids)
        praise = self.channel.message_ids[:1]
        self.assertIn("Excellent Employee", praise.body)
        self.assertIn("two weeks early", praise.body)

    def test_rejected_nomination_is_not_awarded(self):
        honour = self._nominate()
        honour.with_user(self.user_leader)._ops_reject("Not this quarter")
        self.assertEqual(honour.state, "rejected")
        self.assertNotIn(honour, self.emp_employee.ops_honour_ids)

    def test_a_leader_does_not_approve_their_own_nomination(self):
        honour = self._nominate(self.user_leader, self.emp_peer)
        with self.assertRaises(UserError):
            honour.with_user(self.user_leader)._ops_approve()
        honour.with_user(self.user_leader_2)._ops_approve()
        self.assertEqual(honour.state, "approved")

    # -- access: one test per ACL row and record rule ------------------------

    def test_honour_titles_read_by_employees_managed_by_hr(self):
        # access_ops_appraisal_honour_type_employee, access_ops_appraisal_honour_type_hr
        with self.assertRaises(AccessError):
            self.excellent.with_user(self.user_employee).write({"name": "Star"})
        self.assertEqual(self.excellent.with_user(self.user_employee).name, "Excellent Employee")
        self.excellent.with_user(self.user_hr).write({"description": "Once a year"})

    def test_employees_see_awarded_honours_but_do_not_nominate(self):
        # access_ops_appraisal_honour_employee, ops_appraisal_honour_rule_employee
        pending = self._nominate()
        Honour = self.env["ops.appraisal.honour"].with_user(self.user_outsider)
        self.assertFalse(Honour.search([("id", "=", pending.id)]))
        pending.with_user(self.user_leader)._ops_approve()
        self.assertEqual(Honour.search([("id", "=", pending.id)]), pending)
        with self.assertRaises(AccessError):
            Honour.create(
                {"type_id": self.excellent.id, "employee_id": self.emp_outsider.id, "reason": "x"}
            )

    def test_department_heads_nominate_in_their_department(self):
        # access_ops_appraisal_honour_department_head, ops_appraisal_honour_rule_department_head
        self._nominate()
        with self.assertRaises(AccessError):
            self.env["ops.appraisal.honour"].with_user(self.user_head).create(
                {"type_id": self.excellent.id, "employee_id": self.emp_outsider.id, "reason": "x"}
            )

    def test_hr_and_leadership_see_every_nomination(self):
        # access_ops_appraisal_honour_hr, ops_appraisal_honour_rule_hr
        honour = self._nominate()
        for user in (self.user_hr, self.user_leader):
            self.assertEqual(
                self.env["ops.appraisal.honour"].with_user(user).search([("id", "=", honour.id)]),
                honour,
            )
        self.env["ops.appraisal.honour"].with_user(self.user_hr).create(
            {"type_id": self.excellent.id, "employee_id": self.emp_outsider.id, "reason": "x"}
        ).unlink()

    def test_honour_rule_company(self):
        # ops_appraisal_honour_rule_company
        honour = self.env["ops.appraisal.honour"].create(
            {
                "type_id": self.excellent.id,
                "employee_id": self.emp_employee.id,
                "reason": "<p>x</p>",
                "company_id": self.env["res.company"].create({"name": "Other Media Co"}).id,
            }
        )
        self.assertFalse(
            self.env["ops.appraisal.honour"]
            .with_user(self.user_hr)
            .search([("id", "=", honour.id)])
        )
