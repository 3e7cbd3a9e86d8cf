# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CoordinationCommon

MONDAY = datetime(2026, 3, 9, 9, 0)


@tagged("post_install", "-at_install")
@freeze_time(MONDAY)
class TestContactSheetLife(CoordinationCommon):
    """A work contact sheet walked through its whole life by the users of
    both departments (policy §三(二)4)."""

    def _activities(self, sheet, user):
        return sheet.activity_ids.filtered(lambda a: a.user_id == user)

    def _told(self, sheet, user, text):
        """Whether a message of the sheet naming ``text`` notified ``user``."""
        return sheet.message_ids.filtered(
            lambda m: user.partner_id in m.partner_ids and text in (m.body or "")
        )

    def test_whole_life_with_reopen(self):
        form = Form(self.env["ops.contact.sheet"].with_user(self.user_employee))
        form.subject = "Banner for the launch"
        form.receiving_department_id = self.studio
        form.date_requested = date(2026, 3, 13)
        sheet = form.save()
        self.assertEqual(sheet.requesting_department_id, self.department)
        self.assertEqual(sheet.requested_by_id, self.user_employee)
        self.assertEqual(sheet.state, "draft")
        self.assertTrue(sheet.name.startswith("WCS/"))

        sheet.action_submit()
        self.assertEqual(sheet.state, "submitted")
        # Eight working hours from Monday 09:00: Tuesday 09:00.
        self.assertEqual(sheet.response_deadline, datetime(2026, 3, 10, 9, 0))
        self.assertTrue(self._activities(sheet, self.user_studio_head))
        self.assertTrue(self._told(sheet, self.user_studio_head, "Banner for the launch"))

        as_head = sheet.with_user(self.user_studio_head)
        self.assertTrue(as_head.can_answer)
        self.assertFalse(sheet.with_user(self.user_designer).can_answer)
        as_head.action_accept(owner_id=self.user_designer.id, date_promised=date(2026, 3, 12))
        self.assertEqual(sheet.state, "accepted")
        self.assertEqual(sheet.owner_id, self.user_designer)
        self.assertFalse(self._activities(sheet, self.user_studio_head))
        self.assertTrue(self._activities(sheet, self.user_designer))
        self.assertTrue(self._told(sheet, self.user_employee, "Accepted by"))
        self.assertFalse(sheet.decided_in_place)

        sheet.with_user(self.user_designer).action_done()
        self.assertEqual(sheet.state, "done")
        self.assertTrue(self._activities(sheet, self.user_employee))

        # The requester reopens it with a reason; the owner hears why.
        with self.assertRaises(UserError):
            sheet.with_user(self.user_employee).action_reopen(reason=" ")
        sheet.with_user(self.user_employee).action_reopen(reason="Wrong size")
        self.assertEqual(sheet.state, "accepted")
        self.assertEqual(sheet.reopen_reason, "Wrong size")
        self.assertTrue(self._told(sheet, self.user_designer, "Wrong size"))

        sheet.with_user(self.user_designer).action_done()
        sheet.with_user(self.user_employee).action_confirm()
        self.assertEqual(sheet.state, "confirmed")
        self.assertTrue(self._told(sheet, self.user_designer, "Confirmed by"))
        self.assertFalse(sheet.activity_ids)
        sheet.invalidate_recordset()
        self.assertEqual(sheet.response_hours, 0.0)  # answered in the same frozen minute
        self.assertEqual(sheet.lead_days, 0.0)

    def test_times_measured_from_submission(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        with freeze_time(datetime(2026, 3, 9, 15, 0)):
            sheet.with_user(self.user_studio_head).action_accept(
                owner_id=self.user_designer.id, date_promised=date(2026, 3, 12)
            )
        with freeze_time(datetime(2026, 3, 11, 9, 0)):
            sheet.with_user(self.user_designer).action_done()
            sheet.with_user(self.user_employee).action_confirm()
        self.assertEqual(sheet.response_hours, 6.0)
        self.assertEqual(sheet.lead_days, 2.0)

    def test_decline_needs_a_reason_and_leaves_nothing_written(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        as_head = sheet.with_user(self.user_studio_head)
        self.assertRefused(as_head.action_decline, reason="")
        self.assertEqual(sheet.state, "submitted")
        as_head.action_decline(reason="Not our work: ask Marketing")
        self.assertEqual(sheet.state, "declined")
        self.assertTrue(self._told(sheet, self.user_employee, "ask Marketing"))
        self.assertFalse(sheet.activity_ids)

    def test_accept_through_the_wizard(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        action = sheet.with_user(self.user_studio_head).action_open_accept()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.user_studio_head)
            .with_context(**action["context"])
        )
        self.assertEqual(form.date_promised, date(2026, 3, 13))
        form.owner_id = self.user_designer_2
        form.save().action_apply()
        self.assertEqual(sheet.owner_id, self.user_designer_2)
        self.assertEqual(sheet.date_promised, date(2026, 3, 13))

    def test_only_the_receiving_head_or_leadership_answers(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        for user in (self.user_designer, self.user_colleague, self.user_stranger, self.user_head):
            with self.subTest(user=user.login):
                self.assertRefused(
                    sheet.with_user(user).action_accept,
                    owner_id=self.user_designer.id,
                    date_promised=date(2026, 3, 12),
                )
                self.assertRefused(sheet.with_user(user).action_decline, reason="No")
        self.assertEqual(sheet.state, "submitted")

    def test_leadership_decides_in_the_heads_place_and_it_is_logged(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        sheet.with_user(self.user_leader).action_accept(
            owner_id=self.user_designer.id, date_promised=date(2026, 3, 12)
        )
        self.assertTrue(sheet.decided_in_place)
        self.assertTrue(
            sheet.message_ids.filtered(lambda m: "in the place of the head" in (m.body or ""))
        )

    def test_nobody_answers_their_own_sheet(self):
        # A leader of Quality Lab asks Studio: as Leadership they could answer
        # any sheet, never their own.
        self.env["hr.employee"].create(
            {
                "name": "Leader",
                "user_id": self.user_leader.id,
                "department_id": self.department.id,
            }
        )
        sheet = self.new_sheet(user=self.user_leader)
        sheet.with_user(self.user_leader).action_submit()
        error = self.assertRefused(
            sheet.with_user(self.user_leader).action_accept,
            owner_id=self.user_designer.id,
            date_promised=date(2026, 3, 12),
        )
        self.assertIn("concerns you", str(error))
        self.assertRefused(sheet.with_user(self.user_leader).action_decline, reason="No")
        self.assertEqual(sheet.state, "submitted")

    def test_nobody_confirms_their_own_work(self):
        # The head of Studio names themselves owner: they report it done but
        # never confirm it, even as Leadership, nor reopen it.
        self.group_leadership.users |= self.user_studio_head
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        as_head = sheet.with_user(self.user_studio_head)
        as_head.action_accept(owner_id=self.user_studio_head.id, date_promised=date(2026, 3, 12))
        as_head.action_done()
        error = self.assertRefused(as_head.action_confirm)
        self.assertIn("concerns you", str(error))
        self.assertRefused(as_head.action_reopen, reason="Redo")
        self.assertRefused(sheet.with_user(self.user_designer).action_confirm)
        self.assertEqual(sheet.state, "done")
        # The head of the requesting department may confirm for its requester.
        sheet.with_user(self.user_head).action_confirm()
        self.assertEqual(sheet.state, "confirmed")

    def test_owner_works_in_the_receiving_department_by_a_date_to_come(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        as_head = sheet.with_user(self.user_studio_head)
        for owner, promised in (
            (self.user_stranger, date(2026, 3, 12)),
            (self.user_designer, date(2026, 3, 6)),
            (self.user_designer, None),
            (None, date(2026, 3, 12)),
        ):
            with self.subTest(owner=owner and owner.login, promised=promised):
                self.assertRefused(
                    as_head.action_accept,
                    owner_id=owner and owner.id,
                    date_promised=promised,
                )
        self.assertEqual(sheet.state, "submitted")
        self.assertFalse(sheet.owner_id)

    def test_sheet_goes_from_the_requesters_own_department(self):
        with self.assertRaises(ValidationError):
            self.new_sheet(requesting_department_id=self.elsewhere.id)
        with self.assertRaises(ValidationError):
            self.new_sheet(date_requested=date(2026, 3, 6))
        with self.assertRaises(Exception):  # noqa: B017 - the database's CHECK
            with self.env.cr.savepoint():
                self.new_sheet(receiving_department_id=self.department.id)

    def test_states_and_answers_only_through_the_steps(self):
        sheet = self.new_sheet()
        for vals in (
            {"state": "confirmed"},
            {"owner_id": self.user_designer.id},
            {"date_promised": "2026-03-20"},
            {"requested_by_id": self.user_colleague.id},
            {"escalation_level": 3},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(sheet.with_user(self.user_employee).write, vals)
        self.assertRefused(
            self.env["ops.contact.sheet"].with_user(self.user_employee).create,
            {
                "subject": "Forged",
                "requesting_department_id": self.department.id,
                "receiving_department_id": self.studio.id,
                "date_requested": "2026-03-13",
                "state": "confirmed",
            },
        )

    def test_submitted_sheet_no_longer_edited_by_its_requester(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).write({"subject": "Banner, two sizes"})
        sheet.with_user(self.user_employee).action_submit()
        with self.assertRaises(AccessError):
            sheet.with_user(self.user_employee).write({"subject": "Changed later"})

    def test_cancel_by_the_requester_only(self):
        sheet = self.new_sheet()
        sheet.with_user(self.user_employee).action_submit()
        self.assertRefused(sheet.with_user(self.user_studio_head).action_cancel)
        sheet.with_user(self.user_employee).action_cancel()
        self.assertEqual(sheet.state, "cancelled")
        self.assertFalse(sheet.activity_ids)
        self.assertTrue(self._told(sheet, self.user_studio_head, "Cancelled by"))
