# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Approvals in the Odoo inbox: a step that becomes due tells its reviewers,
a decision tells the requester, once each, through Odoo's notifications
(``message_notify``): in the Discuss inbox (and the mobile app) for who
prefers it, by e-mail for the others; a classified document is named only
to those cleared for it."""

import json

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tools.discuss import Store

from .common import OpsOrgCommon
from .test_tier_review_access import classified
from .test_tier_validation import ApprovalCommon, load_approval_tester


class NotificationCommon(ApprovalCommon):
    def _prefer(self, users, notification_type):
        users.write({"notification_type": notification_type})

    def _notifications(self, record, user):
        """Every notification ``user`` got of ``record`` (inbox or e-mail)."""
        return self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", user.partner_id.id),
                ("mail_message_id.model", "=", record._name),
                ("mail_message_id.res_id", "=", record.id),
            ]
        )

    def _all_notifications(self, user):
        """Every notification ``user`` got, on any document or none."""
        return self.env["mail.notification"].search([("res_partner_id", "=", user.partner_id.id)])

    def _mails(self, user):
        """Every e-mail queued for ``user``, on any document or none."""
        return self.env["mail.mail"].search([("recipient_ids", "in", user.partner_id.ids)])

    def _link(self, record):
        return f"/mail/view?model={record._name}&amp;res_id={record.id}"

    def _inbox(self, user):
        """What the Discuss inbox (and the mobile app) of ``user`` loads:
        the route ``/mail/inbox/messages`` as that user."""
        Message = self.env["mail.message"].with_user(user)
        messages = Message._message_fetch([("needaction", "=", True)])["messages"]
        data = Store(messages, for_current_user=True, add_followers=True).get_result()
        return messages, json.dumps(data, default=str)


@tagged("post_install", "-at_install")
class TestApprovalNotifications(NotificationCommon):
    def test_pending_step_notifies_each_reviewer_once_in_their_inbox(self):
        self._prefer(self.user_head, "inbox")
        record = self._request(self.user_employee)
        notification = self._all_notifications(self.user_head)
        # One notification, in the inbox: no activity notice beside it, no
        # e-mail.
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "inbox")
        self.assertEqual(notification.res_partner_id, self.user_head.partner_id)
        self.assertFalse(notification.is_read)
        self.assertFalse(self._mails(self.user_head))
        message = notification.mail_message_id
        # On the document, which it links to, with its name.
        self.assertEqual((message.model, message.res_id), (record._name, record.id))
        self.assertEqual(message.record_name, "Camera")
        self.assertEqual(message.message_type, "user_notification")
        self.assertEqual(message.subject, "Approve: Department head - Camera")
        self.assertIn("Camera waits for your approval (Department head)", message.body)
        self.assertIn("requested by Ops Employee", message.body)
        # The head finds it in their inbox.
        messages, data = self._inbox(self.user_head)
        self.assertEqual(messages, message)
        self.assertIn("Camera waits for your approval", data)
        # Nothing more once the step is pending and synchronised again.
        record.review_ids._ops_sync_activities()
        self.assertEqual(self._all_notifications(self.user_head), notification)

    def test_reviewer_preferring_email_gets_the_email_only(self):
        self._prefer(self.user_head, "email")
        record = self._request(self.user_employee)
        notification = self._all_notifications(self.user_head)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "email")
        self.assertFalse(self._inbox(self.user_head)[0], "nothing in the inbox")
        mail = self._mails(self.user_head)
        self.assertEqual(len(mail), 1)
        self.assertEqual(notification.mail_mail_id, mail)
        self.assertEqual(mail.subject, "Approve: Department head - Camera")
        self.assertIn("Camera waits for your approval", mail.body_html)
        self.assertIn(self._link(record), mail.body_html)
        self.assertEqual(mail.state, "outgoing", "queued, sent by Odoo's mail queue")

    def test_reviewer_without_an_email_address(self):
        # Odoo's own behaviour: the e-mail cannot go; nothing else fails.
        self._prefer(self.user_head, "email")
        self.user_head.partner_id.email = False
        record = self._request(self.user_employee)
        self.assertEqual(record.review_ids.status, "pending")
        notification = self._all_notifications(self.user_head)
        self.assertEqual(notification.notification_type, "email")
        self.assertFalse(self._inbox(self.user_head)[0])
        record.with_user(self.user_head)._ops_approve()
        self.assertEqual(record.validation_status, "validated")

    def test_approval_notifies_the_requester_in_their_inbox(self):
        self._prefer(self.user_employee, "inbox")
        record = self._request(self.user_employee)
        self.assertFalse(self._all_notifications(self.user_employee))
        record.with_user(self.user_head)._ops_approve(comment="Fine by me")
        notification = self._all_notifications(self.user_employee)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "inbox")
        self.assertFalse(self._mails(self.user_employee))
        message = notification.mail_message_id
        self.assertEqual((message.model, message.res_id), (record._name, record.id))
        self.assertEqual(message.subject, "Approved: Camera")
        self.assertEqual(message.author_id, self.user_head.partner_id)
        self.assertIn("Department head approved by Ops Line Manager.", message.body)
        self.assertIn("Fine by me", message.body)
        messages, data = self._inbox(self.user_employee)
        self.assertEqual(messages, message)
        # The reviewer who decided is not told of their own decision.
        self.assertEqual(len(self._all_notifications(self.user_head)), 1, "only the request")

    def test_rejection_notifies_the_requester_by_email_when_they_prefer_it(self):
        self._prefer(self.user_employee, "email")
        record = self._request(self.user_employee)
        record.with_user(self.user_head)._ops_reject("Budget is exhausted")
        notification = self._all_notifications(self.user_employee)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "email")
        self.assertFalse(self._inbox(self.user_employee)[0])
        mail = self._mails(self.user_employee)
        self.assertEqual(len(mail), 1)
        self.assertEqual((mail.model, mail.res_id), (record._name, record.id))
        self.assertEqual(mail.subject, "Rejected: Camera")
        self.assertIn("Budget is exhausted", mail.body_html)

    def test_next_step_reviewers_are_notified_when_the_first_is_approved(self):
        self._prefer(self.user_head | self.user_leader | self.user_leader_2, "inbox")
        record = self._request(self.user_employee, amount=5000)
        for leader in (self.user_leader, self.user_leader_2):
            self.assertFalse(self._notifications(record, leader), "not their step yet")
        record.with_user(self.user_head)._ops_approve()
        self.assertEqual(record.validation_status, "pending")
        messages = self.env["mail.message"]
        for leader in (self.user_leader, self.user_leader_2):
            with self.subTest(leader=leader.login):
                notification = self._all_notifications(leader)
                self.assertEqual(len(notification), 1)
                self.assertEqual(notification.notification_type, "inbox")
                self.assertIn(
                    "Approve: Leadership above 1000 - Camera",
                    notification.mail_message_id.subject,
                )
                messages |= notification.mail_message_id
        self.assertEqual(len(messages), 1, "one message for the reviewers of one language")
        self.assertEqual(messages.author_id, self.user_head.partner_id)
        # The head is not told again of the step they decided.
        self.assertEqual(len(self._all_notifications(self.user_head)), 1)

    def test_each_reviewer_reads_it_in_their_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["ops_org"], ["zh_CN"], overwrite=True)
        self._prefer(self.user_head | self.user_leader | self.user_leader_2, "inbox")
        self.user_leader_2.lang = "zh_CN"
        record = self._request(self.user_employee, amount=5000)
        record.with_user(self.user_head)._ops_approve()
        english = self._all_notifications(self.user_leader).mail_message_id
        chinese = self._all_notifications(self.user_leader_2).mail_message_id
        self.assertNotEqual(english, chinese, "one message per language")
        self.assertTrue(english.subject.startswith("Approve: "), english.subject)
        self.assertTrue(chinese.subject.startswith("审批："), chinese.subject)
        self.assertIn("等待您审批", chinese.body)
        self.assertEqual(english.partner_ids, self.user_leader.partner_id)
        self.assertEqual(chinese.partner_ids, self.user_leader_2.partner_id)


@tagged("post_install", "-at_install", "ops_access")
class TestClassifiedApprovalNotifications(NotificationCommon):
    """A confidential or secret document is named only to the people
    cleared for it, in the inbox as in e-mails."""

    def _hide_from_requester(self):
        # As ops_confidentiality's rules do once the level rose above the
        # requester's clearance: the requester no longer reads the document.
        self.env["ir.rule"].create(
            {
                "name": "tester: not its requester",
                "model_id": self.env["ir.model"]._get_id("ops.approval.tester"),
                "domain_force": "[('user_id', '!=', user.id)]",
            }
        )

    def test_uncleared_requester_reads_no_name_in_their_inbox(self):
        self._prefer(self.user_employee | self.user_leader | self.user_leader_2, "inbox")
        cleared = self.user_head | self.user_leader | self.user_leader_2
        with classified(self, cleared):
            # The level rose after the request: the requester is not cleared.
            record = self._request(self.user_employee, amount=5000)
            self._hide_from_requester()
            record.with_user(self.user_head)._ops_approve(comment="Camera is too dear")
        # The leaders, cleared, are told of it by name, on the document.
        to_leaders = self._all_notifications(self.user_leader).mail_message_id
        self.assertEqual((to_leaders.model, to_leaders.res_id), (record._name, record.id))
        self.assertEqual(to_leaders.record_name, "Camera")
        # The requester is told of the decision once, in the inbox, by kind.
        notification = self._all_notifications(self.user_employee)
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.notification_type, "inbox")
        message = notification.mail_message_id
        self.assertFalse(message.model, "on no document, whose name Odoo would show")
        self.assertEqual(message.record_name, "Approval Tester")
        self.assertEqual(message.subject, "Approved: Approval Tester")
        self.assertIn(self._link(record), message.body)
        # As the requester: their inbox (what the web client and the mobile
        # app load) holds the decision without the name or the comment.
        messages, data = self._inbox(self.user_employee)
        self.assertEqual(messages, message)
        self.assertIn("Approval Tester", data)
        self.assertIn("Department head approved by Ops Line Manager.", data)
        self.assertNotIn("Camera", data)
        self.assertNotIn("too dear", data)
        # Nor can they read the message that names it to the leaders.
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            to_leaders.with_user(self.user_employee).read(["body", "record_name"])
        # The only messages naming it that they read are the one they wrote
        # themselves, asking for it (Odoo lets the author read their own).
        readable = self.env["mail.message"].with_user(self.user_employee).search([])
        naming = readable.filtered(lambda m: "Camera" in f"{m.body} {m.record_name} {m.subject}")
        self.assertEqual(naming.author_id, self.user_employee.partner_id)
        self.assertEqual(naming.subject, "Approve: Department head - Camera")

    def test_uncleared_requester_preferring_email(self):
        self._prefer(self.user_employee, "email")
        with classified(self, self.user_head):
            record = self._request(self.user_employee)
            record.with_user(self.user_head)._ops_reject("Camera is too dear")
        mail = self._mails(self.user_employee)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Rejected: Approval Tester")
        self.assertNotIn("Camera", mail.body_html + (mail.record_name or ""))
        self.assertIn(self._link(record), mail.body_html)
        self.assertFalse(self._inbox(self.user_employee)[0])


@tagged("post_install", "-at_install")
class TestApprovalWithoutChatter(OpsOrgCommon):
    """A document without a chatter (no ``mail.thread``) is e-mailed about,
    as before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_approval_tester(cls, "OpsApprovalTesterPlain")
        model = cls.env["ir.model"]._get("ops.approval.tester.plain")
        cls.env["ir.model.access"].create(
            {
                "name": "plain tester all",
                "model_id": model.id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
            }
        )
        cls.env["tier.definition"].create(
            {
                "name": "Department head",
                "model_id": model.id,
                "review_type": "ops_department_head",
                "approve_sequence": True,
            }
        )

    def test_decision_is_emailed_to_the_requester(self):
        self.user_employee.notification_type = "inbox"
        Plain = self.env["ops.approval.tester.plain"]
        record = Plain.with_user(self.user_employee).create({"name": "Tripod"})
        record.action_submit()
        self.assertEqual(record.review_ids.reviewer_ids, self.user_head)
        record.with_user(self.user_head)._ops_approve()
        self.assertEqual(record.state, "confirmed")
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.user_employee.partner_id.ids)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Approved: Tripod")
        self.assertFalse(
            self.env["mail.notification"].search(
                [("res_partner_id", "=", self.user_employee.partner_id.id)]
            )
        )
