# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.ops_confidentiality.tests.common import ConfidentialityCommon


@tagged("post_install", "-at_install", "ops_access")
class TestSecretProjectNotifications(ConfidentialityCommon):
    """Of a secret project's task, messages, e-mails, inbox notifications,
    followers and activities reach only those cleared who need to know:
    Odoo sends a message's body to every recipient and follower and lets
    each read it, whatever their access to the task."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project_user = cls.env.ref("project.group_project_user")
        (cls.user_cleared | cls.user_cleared_other | cls.user_uncleared).groups_id |= project_user
        cls.project = cls.env["project.project"].create(
            {"name": "Unannounced game trailer", "privacy_visibility": "employees"}
        )
        cls.task = cls.env["project.task"].create(
            {"name": "Storyboard of the reveal", "project_id": cls.project.id}
        )
        # Followers from before the project was classified.
        cls.task.message_subscribe(
            (cls.user_uncleared | cls.user_cleared | cls.user_cleared_other).partner_id.ids
        )
        cls.project.write({"ops_level": "secret"})
        cls.project.write(
            {
                "ops_need_to_know_user_ids": [
                    Command.set((cls.user_cleared | cls.user_uncleared).ids)
                ]
            }
        )
        cls.told = cls.user_cleared.partner_id
        cls.not_told = (cls.user_uncleared | cls.user_cleared_other).partner_id

    def test_recipients_and_followers_not_cleared_are_not_told(self):
        message = self.task.with_context(mail_notify_force_send=False).message_post(
            body="The reveal is on the 12th",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(self.told | self.not_told).ids,
        )
        self.assertEqual(message.partner_ids, self.told)
        notified = message.notification_ids.res_partner_id
        self.assertIn(self.told, notified)
        self.assertFalse(notified & self.not_told)
        for user in (self.user_uncleared, self.user_cleared_other):
            Message = self.env["mail.message"].with_user(user)
            self.assertFalse(Message.search([("id", "=", message.id)]))
        self.assertTrue(
            self.env["mail.message"].with_user(self.user_cleared).search([("id", "=", message.id)])
        )

    def test_only_cleared_need_to_know_follow(self):
        task = self.env["project.task"].create(
            {"name": "Teaser cut", "project_id": self.project.id}
        )
        task.message_subscribe((self.told | self.not_told).ids)
        self.assertIn(self.told, task.message_partner_ids)
        self.assertFalse(task.message_partner_ids & self.not_told)
        outsider = self.env["res.partner"].create({"name": "Agency contact"})
        task.message_subscribe(outsider.ids)
        self.assertNotIn(outsider, task.message_partner_ids)

    def test_activity_only_for_cleared_need_to_know(self):
        for user in (self.user_uncleared, self.user_cleared_other):
            with self.assertRaises(UserError):
                self.task.activity_schedule("mail.mail_activity_data_todo", user_id=user.id)
        activity = self.task.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_cleared.id
        )
        with self.assertRaises(UserError):
            activity.write({"user_id": self.user_uncleared.id})
        self.assertEqual(activity.user_id, self.user_cleared)

    def test_open_project_unchanged(self):
        task = self.env["project.task"].create(
            {
                "name": "Blog post",
                "project_id": self.env["project.project"]
                .create({"name": "Company blog", "privacy_visibility": "employees"})
                .id,
            }
        )
        task.message_subscribe(self.not_told.ids)
        self.assertEqual(task.message_partner_ids & self.not_told, self.not_told)
        task.activity_schedule("mail.mail_activity_data_todo", user_id=self.user_uncleared.id)

    def test_classifying_moves_the_activities_of_those_not_cleared(self):
        project = self.env["project.project"].create(
            {"name": "Launch party", "privacy_visibility": "employees"}
        )
        task = self.env["project.task"].create({"name": "Venue", "project_id": project.id})
        theirs = task.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_uncleared.id, summary="Book the venue"
        )
        mine = task.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.user_cleared.id, summary="Budget"
        )
        self.user_cleared.groups_id |= self.env.ref("project.group_project_manager")
        project.with_user(self.user_cleared).write({"ops_level": "secret"})
        self.assertEqual(theirs.user_id, self.user_cleared)
        self.assertEqual(mine.user_id, self.user_cleared)
        self.assertFalse(
            self.env["mail.activity"]
            .with_user(self.user_uncleared)
            .search([("summary", "=", "Book the venue")])
        )
