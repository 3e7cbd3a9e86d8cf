# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time off is requested in advance (policy §三(二)1): a request later than
its type's notice (working days of the employee's schedule) is on short
notice; on the chain it gives a reason and goes one step higher."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.ops_org.tests.common import ops_user, run_migration

from .common import AttendanceCommon

# Mondays; the day schedule works Monday to Friday, in Asia/Shanghai (UTC+8).
MONDAY = "2026-03-02"
NEXT_MONDAY = "2026-03-09"
# 10:00 in Shanghai on Wednesday 25, Thursday 26, Friday 27 February, on
# Saturday 28 February and on Monday 2 March.
WEDNESDAY_10 = "2026-02-25 02:00:00"
THURSDAY_10 = "2026-02-26 02:00:00"
FRIDAY_10 = "2026-02-27 02:00:00"
SATURDAY_10 = "2026-02-28 02:00:00"
MONDAY_10 = "2026-03-02 02:00:00"
# Friday 27 February at 23:30 in Shanghai: 15:30 UTC, still Friday there;
# and Saturday 28 February at 00:30 in Shanghai, still Friday in UTC.
FRIDAY_LATE = "2026-02-27 15:30:00"
SATURDAY_EARLY = "2026-02-27 16:30:00"

REASON = "My child fell ill this morning."
HEAD, HR, LEADERSHIP = "Department head", "HR", "Leadership"


@tagged("post_install", "-at_install")
@freeze_time(THURSDAY_10)
class TestLeaveNotice(AttendanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.ops_leave_policy = True
        cls.sick = cls.env.ref("hr_holidays.holiday_status_sl")
        cls.time_off_admin = ops_user(
            cls.env, "ops_time_off_admin", "hr_holidays.group_hr_holidays_manager"
        )

    def request(self, date_from, date_to=None, reason=None, leave_type=None, user=None, **vals):
        vals = {
            "name": "Family matters",
            "employee_id": self.emp_employee.id,
            "holiday_status_id": (leave_type or self.leave_type).id,
            "request_date_from": date_from,
            "request_date_to": date_to or date_from,
            **vals,
        }
        if reason:
            vals["ops_short_notice_reason"] = reason
        return self.env["hr.leave"].with_user(user or self.user_employee).create(vals)

    def steps(self, leave):
        return leave.review_ids.sorted("sequence").mapped("name")

    def my_leaves(self):
        return self.env["hr.leave"].search([("employee_id", "=", self.emp_employee.id)])

    def assert_notice(self, moment, short, date_from=MONDAY, leave_type=None):
        """Requested at ``moment`` (UTC): on short notice or not, and the
        steps that follow. The request is removed afterwards."""
        with freeze_time(moment):
            leave = self.request(date_from, reason=REASON if short else None, leave_type=leave_type)
        self.assertEqual(leave.ops_short_notice, short, moment)
        self.assertEqual(self.steps(leave), [HEAD, HR] if short else [HEAD], moment)
        leave.sudo().unlink()

    # -- where the notice ends -------------------------------------------------

    def test_one_working_day_of_notice(self):
        """The stock notice (1 working day): a time off starting on Monday is
        requested on Friday at the latest; the week-end is no working day."""
        self.assertEqual(self.leave_type.ops_notice_days, 1)
        self.assert_notice(THURSDAY_10, short=False)
        self.assert_notice(FRIDAY_10, short=False)
        self.assert_notice(SATURDAY_10, short=True)
        self.assert_notice(MONDAY_10, short=True)

    def test_notice_counts_in_the_employee_time_zone(self):
        """Friday 23:30 in Shanghai is still Friday; 00:30 on Saturday is
        not, though it is still Friday in UTC."""
        self.assert_notice(FRIDAY_LATE, short=False)
        self.assert_notice(SATURDAY_EARLY, short=True)

    def test_three_working_days_of_notice(self):
        self.leave_type.ops_notice_days = 3
        self.assert_notice(WEDNESDAY_10, short=False)
        self.assert_notice(THURSDAY_10, short=True)

    def test_notice_of_five_weeks(self):
        """Requested on Monday 2 February for Monday 9 March: 25 working days
        (counted over more than one month of schedule)."""
        self.leave_type.ops_notice_days = 25
        self.assert_notice("2026-02-02 02:00:00", short=False, date_from=NEXT_MONDAY)
        self.leave_type.ops_notice_days = 26
        self.assert_notice("2026-02-02 02:00:00", short=True, date_from=NEXT_MONDAY)

    def test_no_notice(self):
        self.leave_type.ops_notice_days = 0
        self.assert_notice(MONDAY_10, short=False)

    def test_time_off_requested_afterwards_is_on_short_notice(self):
        with freeze_time("2026-03-04 02:00:00"):
            leave = self.request(MONDAY, reason=REASON)
        self.assertTrue(leave.ops_short_notice)
        self.assertEqual(self.steps(leave), [HEAD, HR])

    def test_public_holiday_is_no_working_day_of_notice(self):
        """A public holiday on Friday: the request of Friday for Monday
        gives no working day of notice; Thursday's gives one."""
        # Created without a schedule (Odoo would read the dates in the user's
        # time zone), then given the day schedule.
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "company_id": self.company.id,
                "calendar_id": False,
                "date_from": self.utc(date(2026, 2, 27), 0),
                "date_to": self.utc(date(2026, 2, 27), 24),
                "time_type": "leave",
            }
        ).calendar_id = self.calendar_day
        self.assert_notice(THURSDAY_10, short=False)
        self.assert_notice(FRIDAY_10, short=True)

    def test_working_days_of_the_employee_schedule(self):
        """The night schedule works Monday to Saturday morning: for a time off
        starting on Monday, Saturday still gives a working day of notice."""
        self.emp_employee.resource_calendar_id = self.calendar_night
        for moment, short in ((SATURDAY_10, False), (MONDAY_10, True)):
            with freeze_time(moment):
                leave = self.request(MONDAY, reason=REASON)
            self.assertEqual(leave.resource_calendar_id, self.calendar_night)
            self.assertEqual(leave.ops_short_notice, short, moment)
            leave.sudo().unlink()

    # -- the reason ------------------------------------------------------------

    def test_short_notice_without_reason_refused_and_nothing_created(self):
        with freeze_time(MONDAY_10):
            for reason in (None, "   "):
                error = self.assertRefused(self.request, MONDAY, reason=reason)
                self.assertIn("short notice", str(error))
                self.assertIn(self.leave_type.name, str(error))
                self.assertFalse(self.my_leaves())
                self.assertFalse(
                    self.env["tier.review"].search(
                        [("model", "=", "hr.leave"), ("requested_by", "=", self.user_employee.id)]
                    )
                )

    def test_reason_not_asked_with_enough_notice(self):
        leave = self.request(MONDAY)
        self.assertFalse(leave.ops_short_notice)
        self.assertEqual(self.steps(leave), [HEAD])

    def test_reason_not_asked_off_the_chain(self):
        """Companies without the policy keep Odoo's own time off: the request
        is on short notice, but Odoo approves it without a reason."""
        self.company.ops_leave_policy = False
        with freeze_time(MONDAY_10):
            leave = self.request(MONDAY)
        self.assertTrue(leave.ops_short_notice)
        self.assertFalse(leave.review_ids)

    def test_form_asks_for_the_reason_once_the_dates_are_short(self):
        with freeze_time(MONDAY_10):
            form = Form(
                self.env["hr.leave"].with_user(self.user_employee),
                view="hr_holidays.hr_leave_view_form",
            )
            form.holiday_status_id = self.leave_type
            form.request_date_from = date(2026, 3, 9)
            form.request_date_to = date(2026, 3, 9)
            self.assertFalse(form.ops_short_notice)
            form.request_date_from = date(2026, 3, 2)
            form.request_date_to = date(2026, 3, 2)
            self.assertTrue(form.ops_short_notice)
            with self.assertRaises(AssertionError):
                form.save()
            form.ops_short_notice_reason = REASON
            leave = form.save()
        self.assertTrue(leave.ops_short_notice)
        self.assertEqual(self.steps(leave), [HEAD, HR])

    # -- one step higher -------------------------------------------------------

    def test_one_day_on_short_notice_needs_the_head_and_hr(self):
        with freeze_time(MONDAY_10):
            leave = self.request(MONDAY, reason=REASON)
        self.assertEqual(self.steps(leave), [HEAD, HR])
        reviews = leave.review_ids.sorted("sequence")
        self.assertEqual(reviews[0].reviewer_ids, self.user_head)
        self.assertIn(self.user_hr, reviews[1].reviewer_ids)
        self.assertRefused(leave.with_user(self.user_hr)._ops_approve)
        leave.with_user(self.user_head)._ops_approve()
        self.assertEqual(leave.state, "confirm")
        leave.with_user(self.user_hr)._ops_approve()
        self.assertEqual(leave.state, "validate")

    def test_half_day_on_short_notice_needs_the_head_and_hr(self):
        with freeze_time(MONDAY_10):
            leave = self.request(
                MONDAY, reason=REASON, request_unit_half=True, request_date_from_period="pm"
            )
        self.assertEqual(leave.number_of_days, 0.5)
        self.assertEqual(self.steps(leave), [HEAD, HR])

    def test_two_to_three_days_on_short_notice_need_leadership(self):
        for date_to in ("2026-03-03", "2026-03-04"):
            with freeze_time(MONDAY_10):
                leave = self.request(MONDAY, date_to, reason=REASON)
            self.assertEqual(self.steps(leave), [HEAD, HR, LEADERSHIP], date_to)
            self.assertIn(self.user_leader, leave.review_ids.sorted("sequence")[2].reviewer_ids)
            leave.sudo().unlink()
        # With enough notice, as before: the head and HR.
        leave = self.request(MONDAY, "2026-03-04")
        self.assertEqual(self.steps(leave), [HEAD, HR])

    def test_beyond_three_days_the_chain_is_already_complete(self):
        with freeze_time(MONDAY_10):
            leave = self.request(MONDAY, "2026-03-06", reason=REASON)
        self.assertEqual(self.steps(leave), [HEAD, HR, LEADERSHIP])
        for user in (self.user_head, self.user_hr, self.user_leader):
            leave.with_user(user)._ops_approve()
        self.assertEqual(leave.state, "validate")

    # -- unforeseeable time off ------------------------------------------------

    def test_sick_leave_is_unforeseeable(self):
        """Odoo's sick time off is flagged at installation: asked for on the
        day, it is not on short notice and needs no reason."""
        self.assertTrue(self.sick.ops_unforeseeable)
        self.assertTrue(self.sick.ops_authority_chain)
        with freeze_time(MONDAY_10):
            leave = self.request(MONDAY, leave_type=self.sick)
        self.assertFalse(leave.ops_short_notice)
        self.assertEqual(self.steps(leave), [HEAD])

    def test_installation_flags_sick_leave(self):
        self.sick.ops_unforeseeable = False
        self.env["hr.leave.type"]._ops_flag_unforeseeable()
        self.assertTrue(self.sick.ops_unforeseeable)

    def test_type_flagged_unforeseeable(self):
        self.leave_type.ops_unforeseeable = True
        self.assert_notice(MONDAY_10, short=False)

    # -- nobody dodges the extra step ------------------------------------------

    def test_short_notice_not_written_by_the_employee(self):
        with freeze_time(MONDAY_10):
            leave = self.request(MONDAY, reason=REASON)
        mine = leave.with_user(self.user_employee)
        self.assertRefused(mine.write, {"ops_short_notice": False})
        self.assertRefused(mine.write, {"ops_requested_on": "2026-02-01 00:00:00"})
        leave.invalidate_recordset()
        self.assertTrue(leave.ops_short_notice)
        self.assertEqual(leave.ops_requested_on, datetime(2026, 3, 2, 2, 0))
        self.assertEqual(self.steps(leave), [HEAD, HR])
        # Refused, the time off is the employee's to edit (OCA no longer
        # guards it): the flag and the request date still are the server's.
        leave.with_user(self.user_head)._ops_reject("Release week")
        for vals in ({"ops_short_notice": False}, {"ops_requested_on": "2026-02-01 00:00:00"}):
            error = self.assertRefused(mine.write, vals)
            self.assertIn("changes only through the steps", str(error))
        leave.invalidate_recordset()
        self.assertTrue(leave.ops_short_notice)

    def test_short_notice_not_sent_at_creation(self):
        """Sent as False with the request, the flag is computed anyway (and
        the reason asked for); an earlier request date is refused."""
        with freeze_time(MONDAY_10):
            self.assertRefused(self.request, MONDAY, ops_short_notice=False)
            self.assertRefused(
                self.request, MONDAY, reason=REASON, ops_requested_on="2026-02-01 00:00:00"
            )
            self.assertFalse(self.my_leaves())
            leave = self.request(MONDAY, reason=REASON, ops_short_notice=False)
        self.assertTrue(leave.ops_short_notice)
        self.assertEqual(self.steps(leave), [HEAD, HR])

    def test_dates_not_moved_closer_after_submission(self):
        """Requested with notice, the time off cannot be moved to tomorrow
        while its chain runs (OCA refuses the write): the one step it has
        stays the step of a request with notice."""
        leave = self.request(NEXT_MONDAY)
        self.assertEqual(self.steps(leave), [HEAD])
        mine = leave.with_user(self.user_employee)
        self.assertRefused(mine.write, {"request_date_from": "2026-02-27"})
        self.assertRefused(
            mine.write, {"request_date_from": "2026-02-27", "request_date_to": "2026-02-27"}
        )
        leave.invalidate_recordset()
        self.assertEqual(leave.request_date_from, date(2026, 3, 9))
        self.assertFalse(leave.ops_short_notice)

    def test_resubmitted_with_new_dates_is_decided_on_them(self):
        """Refused, moved to a closer date and submitted again: the notice
        is counted again (from the new request) before the chain is chosen,
        and the reason is asked for."""
        leave = self.request(NEXT_MONDAY)
        leave.with_user(self.user_head)._ops_reject("Release week")
        self.assertEqual(leave.state, "refuse")
        resubmit = leave.with_user(self.time_off_admin).action_reset_confirm
        with freeze_time(MONDAY_10):
            leave.with_user(self.user_employee).write(
                {"request_date_from": MONDAY, "request_date_to": MONDAY}
            )
            self.assertRefused(resubmit)
            self.assertEqual(leave.state, "refuse")
            leave.with_user(self.user_employee).ops_short_notice_reason = REASON
            resubmit()
        self.assertEqual(leave.state, "confirm")
        self.assertEqual(leave.ops_requested_on, datetime(2026, 3, 2, 2, 0))
        self.assertTrue(leave.ops_short_notice)
        self.assertEqual(self.steps(leave), [HEAD, HR])
        self.assertEqual(set(leave.review_ids.mapped("status")), {"pending", "waiting"})

    def test_notice_counts_from_the_request_made_again(self):
        """Requested a week ahead, cancelled, requested again unchanged on
        the day: on short notice then."""
        leave = self.request(MONDAY)
        self.assertFalse(leave.ops_short_notice)
        leave.with_user(self.user_head)._ops_reject("Release week")
        with freeze_time(MONDAY_10):
            leave.with_user(self.user_employee).ops_short_notice_reason = REASON
            leave.with_user(self.time_off_admin).action_reset_confirm()
        self.assertTrue(leave.ops_short_notice)
        self.assertEqual(self.steps(leave), [HEAD, HR])

    # -- the type's settings ---------------------------------------------------

    def test_notice_and_flag_edited_by_time_off_administrators_only(self):
        """Odoo's access rows on time off types: Time Off Administrators
        write them; officers (HR) and employees only read them."""
        self.assertTrue(self.user_hr.has_group("hr_holidays.group_hr_holidays_user"))
        for user in (self.user_employee, self.user_head, self.user_hr, self.user_leader):
            leave_type = self.leave_type.with_user(user)
            self.assertEqual(leave_type.ops_notice_days, 1)
            for vals in ({"ops_notice_days": 0}, {"ops_unforeseeable": True}):
                self.env.invalidate_all()
                with self.assertRaises(AccessError):
                    leave_type.write(vals)
        with Form(self.leave_type.with_user(self.time_off_admin)) as form:
            form.ops_notice_days = 5
        self.assertEqual(self.leave_type.ops_notice_days, 5)
        self.leave_type.with_user(self.time_off_admin).ops_unforeseeable = True
        self.assertTrue(self.leave_type.ops_unforeseeable)

    def test_notice_not_negative(self):
        with self.assertRaises(ValidationError):
            self.leave_type.with_user(self.time_off_admin).ops_notice_days = -1

    # -- migration ---------------------------------------------------------------

    TIERS_1_2 = {
        "ops_attendance.tier_definition_leave_hr": (
            "[('company_id.ops_leave_policy', '=', True), "
            "('holiday_status_id.ops_authority_chain', '=', True), ('number_of_days', '>', 1)]"
        ),
        "ops_attendance.tier_definition_leave_leadership": (
            "[('company_id.ops_leave_policy', '=', True), "
            "('holiday_status_id.ops_authority_chain', '=', True), ('number_of_days', '>', 3)]"
        ),
    }

    def test_migration_puts_short_notice_on_the_tiers(self):
        """18.0.1.3.0 on a database of 18.0.1.2.0: the tiers (noupdate) gain
        the short notice as a new installation ships them, sick leave is
        flagged, and time off already requested counts from its creation."""
        shipped = {xmlid: self.env.ref(xmlid).definition_domain for xmlid in self.TIERS_1_2}
        for xmlid, domain in self.TIERS_1_2.items():
            self.env.ref(xmlid).definition_domain = domain
        self.sick.ops_unforeseeable = False
        with freeze_time(MONDAY_10):
            # Without the migration a short notice changes nothing.
            leave = self.request(MONDAY, reason=REASON)
            self.assertEqual(self.steps(leave), [HEAD])
            leave.sudo().unlink()
        # A time off requested on Thursday before 18.0.1.3.0 (Odoo's installation
        # gives the new column the moment of the update).
        old = self.request(NEXT_MONDAY)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_leave SET create_date = %s, ops_requested_on = %s, "
            "ops_short_notice = TRUE WHERE id = %s",
            [THURSDAY_10, "2026-12-03 00:00:00", old.id],
        )
        run_migration(self.env, "ops_attendance", "18.0.1.3.0", "post", "18.0.1.2.0")
        for xmlid, domain in shipped.items():
            self.assertEqual(self.env.ref(xmlid).definition_domain, domain)
        self.assertTrue(self.sick.ops_unforeseeable)
        self.assertEqual(old.ops_requested_on, datetime(2026, 2, 26, 2, 0))
        self.assertFalse(old.ops_short_notice)
        with freeze_time(MONDAY_10):
            leave = self.request(MONDAY, "2026-03-03", reason=REASON)
        self.assertEqual(self.steps(leave), [HEAD, HR, LEADERSHIP])
        # Run twice: nothing left to change.
        run_migration(self.env, "ops_attendance", "18.0.1.3.0", "post", "18.0.1.2.0")
        for xmlid, domain in shipped.items():
            self.assertEqual(self.env.ref(xmlid).definition_domain, domain)

    def test_migration_keeps_an_administrator_threshold(self):
        hr_tier = self.env.ref("ops_attendance.tier_definition_leave_hr")
        leadership_tier = self.env.ref("ops_attendance.tier_definition_leave_leadership")
        hr_tier.definition_domain = "[('number_of_days', '>', 2)]"
        leadership_tier.definition_domain = "[('number_of_days', '>=', 5)]"
        with self.assertLogs(level="WARNING") as logs:
            run_migration(self.env, "ops_attendance", "18.0.1.3.0", "post", "18.0.1.2.0")
        self.assertIn("Leadership", "\n".join(logs.output))
        self.assertEqual(
            hr_tier.definition_domain,
            "['|', ('number_of_days', '>', 2), ('ops_short_notice', '=', True)]",
        )
        # No condition the migration recognises: left to the administrator.
        self.assertEqual(leadership_tier.definition_domain, "[('number_of_days', '>=', 5)]")
