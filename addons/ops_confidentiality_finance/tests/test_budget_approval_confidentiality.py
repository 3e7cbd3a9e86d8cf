# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.ops_finance.tests.common import BudgetCommon
from odoo.addons.ops_org.tests.common import LoopbackHook as _Hook
from odoo.addons.ops_org.tests.common import (
    deliver_webhooks,
    ops_jobs,
    ops_user,
    serve_loopback_hook,
)

BUDGET_NAME = "Budget 2027"


@tagged("post_install", "-at_install", "ops_access")
class TestBudgetApprovalConfidentiality(BudgetCommon):
    """A secret budget under approval (policy §七, SPEC §5.1): its step goes
    only to the Leadership members cleared for it who need to know; the
    others get no activity, cannot decide it nor read the step or its
    document's name; the messenger hears only "a budget" and its link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_line(cls.part)
        company = cls.env.company
        cls.user_leader_cleared = ops_user(
            cls.env, "ops_leader_cleared", "ops_org.ops_org_group_leadership", company
        )
        cls.user_officer = ops_user(
            cls.env,
            "ops_conf_officer",
            "ops_org.ops_org_group_employee,ops_org.ops_org_group_confidentiality",
            company,
        )
        # Only our two leaders lead, only our officer watches, in these tests.
        cls.env.ref("ops_org.ops_org_group_leadership").users = (
            cls.user_leader | cls.user_leader_cleared
        )
        cls.env.ref("ops_org.ops_org_group_confidentiality").users = cls.user_officer
        for user in (cls.user_finance, cls.user_leader_cleared):
            cls._clear(user, "secret")
        company.write(
            {
                "ops_webhook_provider": "wecom",
                "ops_webhook_url": serve_loopback_hook(cls),
            }
        )

    @classmethod
    def _clear(cls, user, clearance):
        # Set up as superuser: the test users are not HR.
        employee = cls.env["hr.employee"].sudo().create({"name": user.name, "user_id": user.id})
        cls.env["ops.nda"].sudo().create({"employee_id": employee.id, "date_signed": date.today()})
        employee.ops_clearance = clearance

    def setUp(self):
        super().setUp()
        _Hook.received = []
        _Hook.status = 200

    def _classify(self, level="secret", need_to_know=None):
        need_to_know = (
            need_to_know
            if need_to_know is not None
            else self.user_finance | self.user_leader_cleared
        )
        # As superuser past OCA's "no write under validation" (the level of a
        # budget already under approval rises in one test).
        self.budget.sudo().with_context(skip_validation_check=True).write(
            {
                "ops_level": level,
                "ops_category": "financial_information",
                "ops_need_to_know_user_ids": [(6, 0, need_to_know.ids)],
            }
        )

    def _submit(self):
        budget = self.budget.with_user(self.user_finance)
        budget.action_consolidate()
        budget.action_submit()
        return self.budget.review_ids

    def _activities(self, user):
        # sudo: the test's environment is a user of the accounting tests.
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "ops.budget"),
                    ("res_id", "=", self.budget.id),
                    ("ops_tier_review_id", "!=", False),
                    ("user_id", "=", user.id),
                ]
            )
        )

    def test_step_goes_only_to_the_cleared_leader(self):
        self._classify()
        review = self._submit()
        self.assertEqual(review.reviewer_ids, self.user_leader_cleared)
        self.assertTrue(self._activities(self.user_leader_cleared))
        self.assertFalse(self._activities(self.user_leader))
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "ops.budget"), ("res_id", "=", self.budget.id)])
        )
        self.assertFalse(mails.filtered(lambda m: self.user_leader.partner_id in m.recipient_ids))

    def test_uncleared_leader_reads_no_step_nor_its_name(self):
        self._classify()
        review = self._submit()
        Review = self.env["tier.review"].with_user(self.user_leader)
        rows = Review.search_read([("model", "=", "ops.budget")], ["ops_res_name"])
        self.assertNotIn(review.id, [row["id"] for row in rows])
        self.assertNotIn(BUDGET_NAME, json.dumps(rows))
        with self.assertRaises(AccessError):
            review.with_user(self.user_leader).read(["ops_res_name"])
        # The cleared leader on the need-to-know list reads it, by name.
        rows = (
            self.env["tier.review"]
            .with_user(self.user_leader_cleared)
            .search_read([("id", "=", review.id)], ["ops_res_name"])
        )
        self.assertEqual(rows[0]["ops_res_name"], self.budget.display_name)

    def test_uncleared_leader_cannot_decide(self):
        self._classify()
        review = self._submit()
        for call in (
            self.budget.with_user(self.user_leader).validate_tier,
            self.budget.with_user(self.user_leader).reject_tier,
            lambda: self.budget.with_user(self.user_leader)._ops_reject("No"),
            review.with_user(self.user_leader).action_ops_approve,
            review.with_user(self.user_leader).action_ops_reject,
        ):
            self.env.invalidate_all()
            with self.assertRaises(UserError):
                call()
        self.assertEqual(review.status, "pending")

    def test_leader_given_the_step_before_it_was_secret_cannot_decide(self):
        review = self._submit()
        self.assertIn(self.user_leader, review.reviewer_ids)
        activity = self._activities(self.user_leader).with_user(self.user_leader)
        self.assertTrue(activity)
        self._classify()
        # The step is given again to those cleared: the leader loses it, its
        # activity and sight of the review.
        self.assertNotIn(self.user_leader, review.reviewer_ids)
        self.assertIn(self.user_leader_cleared, review.reviewer_ids)
        self.assertFalse(activity.exists())
        self.assertTrue(self._activities(self.user_leader_cleared))
        for call in (
            self.budget.with_user(self.user_leader).validate_tier,
            self.budget.with_user(self.user_leader)._ops_approve,
            review.with_user(self.user_leader).action_ops_approve,
        ):
            self.env.invalidate_all()
            with self.assertRaises(AccessError) as caught:
                call()
            self.assertNotIn(BUDGET_NAME, str(caught.exception))
        self.assertEqual(review.status, "pending")
        self.budget.with_user(self.user_leader_cleared)._ops_approve()
        self.assertEqual(self.budget.state, "approved")

    def test_leader_whose_clearance_is_lowered_loses_the_step(self):
        # The reviewers of a pending step see its document's name in My
        # Approvals (as an activity's assignee does): whoever may no longer
        # know it loses the step, its activity and its name at once.
        self._classify()
        review = self._submit()
        self.assertEqual(review.reviewer_ids, self.user_leader_cleared)
        mine = [
            ("status", "=", "pending"),
            ("can_review", "=", True),
            ("reviewer_ids", "in", [self.user_leader_cleared.id]),
        ]
        Review = self.env["tier.review"].with_user(self.user_leader_cleared)
        self.assertIn(BUDGET_NAME, json.dumps(Review.web_search_read(mine, {"ops_res_name": {}})))
        employee = self.user_leader_cleared.employee_id
        employee.with_user(self.user_officer).ops_clearance = "confidential"
        self.assertNotIn(self.user_leader_cleared, review.reviewer_ids)
        self.assertFalse(self._activities(self.user_leader_cleared))
        self.env.invalidate_all()
        page = Review.web_search_read(mine, {"ops_res_name": {}})
        # (Other work may wait for Leadership: the demo's cash plan.)
        self.assertNotIn(review.id, [record["id"] for record in page["records"]])
        self.assertNotIn(BUDGET_NAME, json.dumps(page))
        with self.assertRaises(UserError):
            review.with_user(self.user_leader_cleared).action_ops_approve()

    def test_cleared_leader_decides_from_the_activity(self):
        self._classify()
        self._submit()
        self._activities(self.user_leader_cleared).with_user(
            self.user_leader_cleared
        ).action_ops_approve()
        self.assertEqual(self.budget.state, "approved")

    def test_messenger_hears_no_budget_name(self):
        self._classify()
        self._submit()
        deliver_webhooks(self.env)
        self.budget.with_user(self.user_leader_cleared)._ops_approve()
        deliver_webhooks(self.env)
        self.assertEqual(len(_Hook.received), 2)
        # Nor does the job queue keep it (the jobs' names and arguments).
        for job in ops_jobs(self.env, "res.company"):
            self.assertNotIn(BUDGET_NAME, f"{job.name} {json.dumps(job.args, ensure_ascii=False)}")
        for payload in _Hook.received:
            content = payload["markdown"]["content"]
            self.assertNotIn(BUDGET_NAME, content)
            self.assertNotIn(self.user_leader_cleared.name, content)
            self.assertIn(f"/mail/view?model=ops.budget&res_id={self.budget.id}", content)

    def test_no_cleared_leader_tells_the_officers(self):
        self._classify(need_to_know=self.user_finance)
        review = self._submit()
        # The step goes to the Leadership members cleared for the level
        # (ops_confidentiality's ``_ops_fallback_reviewers``); those who may
        # not know of it get no activity and cannot decide.
        leaders = self.user_leader | self.user_leader_cleared
        self.assertEqual(review.reviewer_ids, self.budget._ops_fallback_reviewers(leaders))
        self.assertFalse(self._activities(self.user_leader))
        notices = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("partner_ids", "in", self.user_officer.partner_id.ids),
                    ("message_type", "=", "user_notification"),
                ]
            )
        )
        self.assertEqual(len(notices), 1)
        self.assertIn("Leadership", notices.subject)
        self.assertNotIn(BUDGET_NAME, notices.subject + notices.body)
        self.assertRaises(UserError, self.budget.with_user(self.user_leader).validate_tier)
