# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CoordinationCommon


@tagged("post_install", "-at_install")
class TestCoordinationChannels(CoordinationCommon):
    """Department channels kept in step with the departments' members; the
    company's announcement channel, where only Administration and
    Leadership post."""

    def _members(self, department):
        return department.ops_channel_id.channel_member_ids.partner_id

    def test_each_department_has_its_channel_with_its_members(self):
        self.assertTrue(self.studio.ops_channel_id)
        self.assertEqual(self.studio.ops_channel_id.name, "Studio")
        self.assertEqual(
            self._members(self.studio),
            (self.user_studio_head | self.user_designer | self.user_designer_2).partner_id,
        )
        self.assertIn(self.user_employee.partner_id, self._members(self.department))

    def test_members_follow_the_employees_moves(self):
        employee = self.user_designer.employee_id
        employee.department_id = self.department
        self.assertNotIn(self.user_designer.partner_id, self._members(self.studio))
        self.assertIn(self.user_designer.partner_id, self._members(self.department))
        # Archived: out of the channel.
        employee.active = False
        self.assertNotIn(self.user_designer.partner_id, self._members(self.department))
        # Someone who joined the channel of their own accord stays.
        self.studio.ops_channel_id._add_members(partners=self.user_stranger.partner_id)
        self.user_designer_2.employee_id.department_id = self.elsewhere
        self.assertIn(self.user_stranger.partner_id, self._members(self.studio))
        self.assertNotIn(self.user_designer_2.partner_id, self._members(self.studio))

    def test_a_new_department_gets_its_channel_and_a_renamed_one_its_name(self):
        department = self.env["hr.department"].with_user(self.user_hr).create({"name": "Video"})
        self.assertTrue(department.ops_channel_id)
        self.assertFalse(self._members(department))
        department.name = "Video Studio"
        self.assertEqual(department.ops_channel_id.name, "Video Studio")

    def test_only_administration_and_leadership_post_announcements(self):
        channel = self.company.ops_announcement_channel_id
        self.assertTrue(channel)
        self.assertTrue(channel.ops_announcement)
        # Every internal user is subscribed (Odoo's auto-subscription).
        channel._subscribe_users_automatically()
        self.assertIn(self.user_employee.partner_id, channel.channel_member_ids.partner_id)
        for user in (self.user_employee, self.user_head):
            with self.subTest(user=user.login):
                self.assertRefused(
                    channel.with_user(user).message_post,
                    body="Hello all",
                    message_type="comment",
                )
                self.assertRefused(
                    self.env["mail.message"].with_user(user).create,
                    {
                        "model": "discuss.channel",
                        "res_id": channel.id,
                        "body": "Hello all",
                        "message_type": "comment",
                    },
                )
        for user in (self.user_admin, self.user_leader):
            with self.subTest(user=user.login):
                message = channel.with_user(user).message_post(
                    body="Office closed on Friday", message_type="comment"
                )
                self.assertEqual(message.author_id, user.partner_id)
        # Department channels are open to their members.
        self.studio.ops_channel_id.with_user(self.user_designer).message_post(
            body="Files are on the drive", message_type="comment"
        )

    def test_nobody_turns_a_channel_into_an_announcement_one(self):
        with self.assertRaises(AccessError):
            self.studio.ops_channel_id.with_user(self.user_admin).write({"ops_announcement": False})
