# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who reads an approval step, who is given and decides it, what the
notifications say of a classified document (policy §七, SPEC §5.1)."""

import json
from contextlib import contextmanager
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import LoopbackHook as _Hook
from .common import deliver_webhooks, serve_loopback_hook
from .test_tier_validation import ApprovalCommon


@tagged("post_install", "-at_install", "ops_access")
class TestTierReviewReadRule(ApprovalCommon):
    """Rule ``ops_org.tier_review_rule_reader``: a review is read by its
    reviewers, its requester and the users who may read its document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        model = cls.env["ir.model"]._get("ops.approval.tester")
        # The test document as the suite's own (leave requests, expense
        # reports): employees read their own, HR all, reviewers theirs.
        Rule = cls.env["ir.rule"]
        Rule.create(
            {
                "name": "tester: own or reviewed",
                "model_id": model.id,
                "groups": [(6, 0, cls.env.ref("base.group_user").ids)],
                "domain_force": "['|', ('user_id', '=', user.id), "
                "('review_ids.reviewer_ids', 'in', [user.id])]",
            }
        )
        Rule.create(
            {
                "name": "tester: HR reads all",
                "model_id": model.id,
                "groups": [(6, 0, cls.env.ref("ops_org.ops_org_group_hr").ids)],
                "domain_force": "[(1, '=', 1)]",
            }
        )
        cls.user_colleague = new_test_user(
            cls.env,
            login="ops_colleague",
            groups="ops_org.ops_org_group_employee",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.record = cls._request_as(cls.user_employee, "Sick leave of Staff")

    @classmethod
    def _request_as(cls, user, name, amount=100.0):
        record = cls.Tester.with_user(user).create({"name": name, "amount": amount})
        record.action_submit()
        return record.with_user(cls.env.user)

    def _visible(self, user):
        return (
            self.env["tier.review"]
            .with_user(user)
            .search_read([("model", "=", "ops.approval.tester")], ["ops_res_name", "res_id"])
        )

    def test_colleague_reads_no_review_of_another(self):
        review = self.record.review_ids
        self.assertFalse(self._visible(self.user_colleague))
        self.assertFalse(self._visible(self.user_outsider))
        with self.assertRaises(AccessError):
            review.with_user(self.user_colleague).read(["ops_res_name"])
        with self.assertRaises(AccessError):
            review.with_user(self.user_outsider).read(["ops_res_name"])

    def test_reviewer_requester_and_reader_read_it(self):
        review = self.record.review_ids
        for user in (self.user_head, self.user_employee, self.user_hr):
            with self.subTest(user=user.login):
                rows = self._visible(user)
                self.assertEqual([row["id"] for row in rows], review.ids)
                self.assertEqual(rows[0]["ops_res_name"], "Sick leave of Staff")

    def test_reader_of_the_document_sees_all_its_steps(self):
        # The document's form and OCA's computes read every step of it.
        record = self._request_as(self.user_employee, "Camera", amount=5000.0)
        self.assertEqual(len(record.review_ids), 2)
        reviewers = record.reviewer_ids
        self.assertEqual(reviewers, self.user_head | self.user_leader | self.user_leader_2)
        for user in (self.user_employee, self.user_hr, self.user_head):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                mine = record.with_user(user)
                self.assertEqual(mine.review_ids, record.review_ids)
                self.assertEqual(mine.validation_status, "pending")
                self.assertEqual(mine.reviewer_ids, reviewers)
        self.env.invalidate_all()
        self.assertTrue(record.with_user(self.user_head).can_review)
        self.assertFalse(record.with_user(self.user_employee).can_review)

    def test_search_on_readable_documents(self):
        review = self.record.review_ids
        Review = self.env["tier.review"]
        self.assertIn(
            review, Review.with_user(self.user_hr).search([("ops_document_readable", "=", True)])
        )
        self.assertNotIn(
            review,
            Review.with_user(self.user_head).search([("ops_document_readable", "=", False)]),
        )
        self.assertFalse(
            Review.with_user(self.user_colleague).search(
                [("model", "=", "ops.approval.tester"), ("ops_document_readable", "=", True)]
            )
        )

    def _hide(self, name):
        self.env["ir.rule"].create(
            {
                "name": "tester: hidden",
                "model_id": self.env["ir.model"]._get_id("ops.approval.tester"),
                "domain_force": f"[('name', '!=', {name!r})]",
            }
        )

    def test_pending_reviewer_sees_the_name_as_an_assignee(self):
        # As Odoo shows an activity's document name to its assignee: the
        # reviewers of a pending step were given it to decide it (and lose it
        # when they may no longer know the document, see ops_confidentiality).
        record = self._request_as(self.user_employee, "Hidden request")
        self._hide("Hidden request")
        review = record.review_ids.with_user(self.user_head)
        self.assertEqual(review.ops_res_name, "Hidden request")
        self.assertFalse(review.ops_document_readable)
        with self.assertRaises(AccessError):
            record.with_user(self.user_head).read(["name"])

    def test_others_see_an_unreadable_document_by_its_kind(self):
        # The requester, and the reviewer once the step is decided, see a
        # document they may no longer read by its kind only, in every list.
        record = self._request_as(self.user_employee, "Hidden request")
        record.review_ids.with_user(self.user_head).action_ops_approve()
        self._hide("Hidden request")
        for user in (self.user_head, self.user_employee):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                review = record.review_ids.with_user(user)
                self.assertEqual(review.ops_res_name, "Confidential item (Approval Tester)")
                self.assertNotIn("Hidden request", json.dumps(self._visible(user)))
                page = review.web_search_read(
                    [("requested_by", "=", user.id)]
                    if user == self.user_employee
                    else [("reviewer_ids", "in", [user.id])],
                    {"ops_res_name": {}},
                )
                self.assertNotIn("Hidden request", json.dumps(page))

    def test_waiting_for_me_pages_the_pending_steps_only(self):
        # The list "Waiting for me" takes its names from its own query
        # (``search_fetch``): a decided step is not in it, and a colleague
        # asking for another's steps gets none.
        record = self._request_as(self.user_employee, "Hidden request")
        Review = self.env["tier.review"]
        domain = [
            ("status", "=", "pending"),
            ("can_review", "=", True),
            ("reviewer_ids", "in", [self.user_head.id]),
        ]
        page = Review.with_user(self.user_head).web_search_read(domain, {"ops_res_name": {}})
        self.assertIn("Hidden request", json.dumps(page))
        self.assertFalse(
            Review.with_user(self.user_colleague).web_search_read(domain, {"ops_res_name": {}})[
                "records"
            ]
        )
        record.review_ids.with_user(self.user_head).action_ops_approve()
        self.env.invalidate_all()
        page = Review.with_user(self.user_head).web_search_read(domain, {"ops_res_name": {}})
        self.assertNotIn("Hidden request", json.dumps(page))

    def test_decision_still_works_for_the_reviewer(self):
        review = self.record.review_ids.with_user(self.user_head)
        review.action_ops_approve()
        self.assertEqual(self.record.validation_status, "validated")
        self.assertEqual(self.record.state, "confirmed")


@contextmanager
def classified(case, cleared, fallback=None, rank=3):
    """The approval tester classified at ``rank``: only ``cleared`` may know
    of it, and the Leadership fallback keeps ``fallback`` (the hooks of
    ``base`` that ops_confidentiality fills in for its models)."""
    Tester = type(case.env["ops.approval.tester"])

    def _rank(record):
        return rank

    def _cleared(record, users):
        return users & cleared

    def _fallback(record, users):
        return users if fallback is None else users & fallback

    with (
        patch.object(Tester, "_ops_classified_rank", _rank, create=True),
        patch.object(Tester, "_ops_cleared_users", _cleared, create=True),
        patch.object(Tester, "_ops_fallback_reviewers", _fallback, create=True),
    ):
        yield


@tagged("post_install", "-at_install", "ops_access")
class TestClassifiedApproval(ApprovalCommon):
    """Reviewers, decisions and notices of a classified document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(
            cls.env,
            login="ops_conf_officer",
            groups="ops_org.ops_org_group_employee,ops_org.ops_org_group_confidentiality",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.env.ref("ops_org.ops_org_group_confidentiality").users = cls.user_officer

    def _leadership_review(self, record):
        return record.review_ids.filtered(lambda r: r.definition_id == self.tier_leadership)

    def test_hooks_default_to_everyone(self):
        users = self.user_leader | self.user_leader_2 | self.user_employee
        for record in (self.user_employee.partner_id, self._request(self.user_employee)):
            with self.subTest(model=record._name):
                self.assertEqual(record._ops_classified_rank(), 1)
                self.assertEqual(record._ops_cleared_users(users), users)
                self.assertEqual(record._ops_fallback_reviewers(users), users)

    def test_uncleared_reviewer_is_not_given_the_step(self):
        cleared = self.user_employee | self.user_head | self.user_leader
        with classified(self, cleared):
            record = self._request(self.user_employee, amount=5000.0)
            review = self._leadership_review(record)
            self.assertEqual(review.reviewer_ids, self.user_leader)
            record.with_user(self.user_head)._ops_approve()
            self.assertTrue(self._activities(record, self.user_leader))
            self.assertFalse(self._activities(record, self.user_leader_2))
            self.assertFalse(self._officer_notices())

    def test_reviewer_no_longer_cleared_is_refused(self):
        # Given the step before the document was classified higher.
        record = self._request(self.user_employee, amount=5000.0)
        record.with_user(self.user_head)._ops_approve()
        review = self._leadership_review(record)
        self.assertIn(self.user_leader_2, review.reviewer_ids)
        activity = self._activities(record, self.user_leader_2).with_user(self.user_leader_2)
        cleared = self.user_employee | self.user_head | self.user_leader
        with classified(self, cleared):
            for call in (
                record.with_user(self.user_leader_2).validate_tier,
                record.with_user(self.user_leader_2).reject_tier,
                review.with_user(self.user_leader_2).action_ops_approve,
                review.with_user(self.user_leader_2).action_ops_reject,
                activity.action_ops_approve,
                lambda: record.with_user(self.user_leader_2)._ops_reject("No"),
            ):
                error = self.assertRefused(call)
                self.assertIsInstance(error, AccessError)
                self.assertIn("not cleared", str(error))
            # Once the activities are synchronised again, hers is gone.
            review._ops_sync_activities()
            self.assertFalse(self._activities(record, self.user_leader_2))
            record.with_user(self.user_leader)._ops_approve()
        self.assertEqual(record.validation_status, "validated")

    def test_no_cleared_reviewer_goes_to_leadership_and_officers_are_told(self):
        # The department head is not cleared: the step goes to the cleared
        # member of Leadership, and the officers hear of it.
        cleared = self.user_employee | self.user_leader
        with classified(self, cleared, fallback=self.user_leader):
            record = self._request(self.user_employee)
            review = record.review_ids
            self.assertEqual(review.reviewer_ids, self.user_leader)
            self.assertTrue(self._activities(record, self.user_leader))
            self.assertFalse(self._activities(record, self.user_head))
            notices = self._officer_notices()
            self.assertEqual(len(notices), 1)
            self.assertIn("Department head", notices.subject)
            self.assertIn("Approval Tester", notices.body)
            self.assertNotIn("Camera", notices.body + notices.subject)
            self.assertFalse(notices.model)

    def test_e_mails_name_the_document_only_to_the_cleared(self):
        cleared = self.user_head | self.user_leader
        with classified(self, cleared):
            # The requester is not cleared (the level rose after the request).
            record = self._request(self.user_employee)
            record.with_user(self.user_head)._ops_approve(comment="Camera is too dear")
        # Both prefer e-mails (Odoo's default).
        mails = self.env["mail.mail"].search([])
        to_head = mails.filtered(lambda m: self.user_head.partner_id in m.recipient_ids)
        self.assertIn("Camera", to_head.subject)
        self.assertEqual((to_head.model, to_head.res_id), (record._name, record.id))
        to_requester = mails.filtered(lambda m: self.user_employee.partner_id in m.recipient_ids)
        self.assertEqual(len(to_requester), 1)
        self.assertNotIn("Camera", to_requester.subject + to_requester.body_html)
        self.assertNotIn("too dear", to_requester.body_html)
        self.assertIn("Approval Tester", to_requester.subject)
        # On no document: Odoo names a message's document to its readers.
        self.assertFalse(to_requester.model)
        self.assertFalse(to_requester.mail_message_id.model)

    def _officer_notices(self):
        return self.env["mail.message"].search(
            [
                ("partner_ids", "in", self.user_officer.partner_id.ids),
                ("message_type", "=", "user_notification"),
            ]
        )


@tagged("post_install", "-at_install", "ops_access")
class TestClassifiedWebhook(ApprovalCommon):
    """The messenger (an outside service) hears of a classified document
    only its kind and its link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.url = serve_loopback_hook(cls)

    def setUp(self):
        super().setUp()
        _Hook.received = []
        _Hook.status = 200

    def test_classified_document_kind_and_link_only(self):
        self.company.write({"ops_webhook_provider": "wecom", "ops_webhook_url": self.url})
        cleared = self.user_employee | self.user_head | self.user_leader
        with classified(self, cleared):
            record = self._request(self.user_employee)
            deliver_webhooks(self.env)
            record.with_user(self.user_head)._ops_approve(comment="Camera is fine")
            deliver_webhooks(self.env)
        self.assertEqual(len(_Hook.received), 2)
        for payload in _Hook.received:
            content = payload["markdown"]["content"]
            self.assertNotIn("Camera", content)
            self.assertNotIn(self.user_head.name, content)
            self.assertIn("Approval Tester", content)
            self.assertIn(f"/mail/view?model=ops.approval.tester&res_id={record.id}", content)

    def test_internal_document_keeps_its_name(self):
        self.company.write({"ops_webhook_provider": "wecom", "ops_webhook_url": self.url})
        self._request(self.user_employee)
        deliver_webhooks(self.env)
        self.assertIn("Camera", _Hook.received[0]["markdown"]["content"])
