# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15: time off completes through the authority chain whatever its
Odoo validation mode and whoever approves last, and only through it."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import AttendanceCommon

OFFICER = "hr_holidays.group_hr_holidays_user"


@tagged("post_install", "-at_install")
@freeze_time("2026-02-20 12:00:00")
class TestLeaveChain(AttendanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.ops_leave_policy = True
        cls.emp_leader = cls.env["hr.employee"].create(
            {"name": "Leader", "user_id": cls.user_leader.id}
        )
        cls.emp_hr = cls.env["hr.employee"].create(
            {"name": "HR Officer", "user_id": cls.user_hr.id, "department_id": cls.department.id}
        )
        cls.user_hr_2 = ops_user(cls.env, "ops_hr_second", "ops_org.ops_org_group_hr")
        cls.user_leave_manager = ops_user(
            cls.env, "ops_leave_manager", "ops_org.ops_org_group_employee"
        )
        cls.emp_employee.leave_manager_id = cls.user_leave_manager
        cls.pto = cls.env.ref("hr_holidays.holiday_status_cl")
        allocation = cls.env["hr.leave.allocation"].create(
            {
                "name": "Paid time off 2026",
                "employee_id": cls.emp_employee.id,
                "holiday_status_id": cls.pto.id,
                "number_of_days": 20,
                "date_from": date(2026, 1, 1),
            }
        )
        while allocation.state != "validate":
            allocation.action_approve()

    def new_type(self, mode):
        return self.env["hr.leave.type"].create(
            {
                "name": f"Leave {mode}",
                "requires_allocation": "no",
                "leave_validation_type": mode,
                "company_id": self.company.id,
                "ops_authority_chain": True,
            }
        )

    def request(self, leave_type, date_from, date_to, user=None, employee=None):
        return (
            self.env["hr.leave"]
            .with_user(user or self.user_employee)
            .create(
                {
                    "name": "Family matters",
                    "employee_id": (employee or self.emp_employee).id,
                    "holiday_status_id": leave_type.id,
                    "request_date_from": date_from,
                    "request_date_to": date_to,
                }
            )
        )

    def approve(self, leave, *users):
        for user in users:
            leave.with_user(user)._ops_approve()

    # -- every validation mode, a last approver without Odoo's rights ---------

    def assert_one_day_approved_by_the_head(self, leave_type, mode):
        self.assertEqual(leave_type.leave_validation_type, mode)
        self.assertFalse(self.user_head.has_group(OFFICER))
        leave = self.request(leave_type, "2026-03-02", "2026-03-02")
        self.assertEqual(leave.state, "confirm")
        self.assertEqual(leave.review_ids.mapped("name"), ["Department head"])
        self.approve(leave, self.user_head)
        self.assertEqual(leave.state, "validate")
        self.assertEqual(leave.first_approver_id, self.emp_head)
        if mode == "both":
            self.assertEqual(leave.second_approver_id, self.emp_head)
        self.assertTrue(
            self.env["resource.calendar.leaves"].search([("holiday_id", "=", leave.id)]),
            "validated as in Odoo (its time off is on the calendar)",
        )
        return leave

    def test_mode_no_validation_goes_through_the_chain(self):
        """On the chain, "No Validation" is approved by authority level like
        every type (the flag decides, not the mode): Odoo no longer
        approves it at once, nor says so."""
        leave_type = self.new_type("no_validation")
        leave = self.request(leave_type, "2026-03-02", "2026-03-02")
        self.assertEqual(leave.state, "confirm")
        self.assertNotIn(
            "automatically approved", " ".join(leave.message_ids.mapped("preview")).lower()
        )
        leave.unlink()
        self.assert_one_day_approved_by_the_head(leave_type, "no_validation")

    def test_mode_hr(self):
        self.assert_one_day_approved_by_the_head(self.new_type("hr"), "hr")

    def test_mode_manager(self):
        self.assert_one_day_approved_by_the_head(self.new_type("manager"), "manager")

    def test_mode_both_odoo_paid_time_off(self):
        """Odoo's own "Paid Time Off" (two approvals): a one-day leave the
        department head approves used to end in "You don't have the rights
        to apply second approval on a time off request"."""
        self.assert_one_day_approved_by_the_head(self.pto, "both")

    def test_mode_both_five_days_leadership_last(self):
        self.assertFalse(self.user_leader.has_group(OFFICER))
        leave = self.request(self.pto, "2026-03-02", "2026-03-06")
        self.approve(leave, self.user_head, self.user_hr, self.user_leader)
        self.assertEqual(leave.state, "validate")
        self.assertEqual(leave.first_approver_id, self.emp_head)
        self.assertEqual(leave.second_approver_id, self.emp_leader)

    def test_rejection_records_who_refused(self):
        leave = self.request(self.pto, "2026-03-02", "2026-03-03")
        self.approve(leave, self.user_head)
        leave.with_user(self.user_hr)._ops_reject("Audit week")
        self.assertEqual(leave.state, "refuse")
        self.assertEqual(leave.second_approver_id, self.emp_hr)

    # -- order ----------------------------------------------------------------

    def test_shipped_tiers_decide_head_then_hr_then_leadership(self):
        leave = self.request(self.new_type("hr"), "2026-03-02", "2026-03-06")
        self.assertEqual(
            leave.review_ids.sorted("sequence").mapped("name"),
            ["Department head", "HR", "Leadership"],
        )
        self.assertRefused(leave.with_user(self.user_leader)._ops_approve)
        self.assertRefused(leave.with_user(self.user_hr)._ops_approve)
        self.approve(leave, self.user_head)
        self.assertRefused(leave.with_user(self.user_leader)._ops_approve)
        self.approve(leave, self.user_hr, self.user_leader)
        self.assertEqual(leave.state, "validate")

    # -- Odoo's own ways round the chain -------------------------------------

    def assert_stays_open(self, leave):
        leave.invalidate_recordset()
        self.assertEqual(leave.state, "confirm")
        self.assertIn(leave.validation_status, ("waiting", "pending"))
        self.assertFalse(leave.first_approver_id or leave.second_approver_id)

    def test_odoo_approval_refused_while_the_chain_is_open(self):
        """A Time Off Officer (HR) and the employee's time off manager, with
        Odoo's buttons, a write of the state (plain, sudo, with Odoo's and
        the old chain's context keys): refused until the chain approved."""
        self.assertTrue(self.user_hr_2.has_group(OFFICER))
        leave = self.request(self.pto, "2026-03-02", "2026-03-03")
        keys = {
            "ops_leave_chain_done": True,
            "leave_fast_create": True,
            "leave_skip_state_check": True,
            "skip_validation_check": True,
        }
        for user in (self.user_hr_2, self.user_leave_manager):
            mine = leave.with_user(user)
            for target in (mine, mine.with_context(**keys)):
                self.assertRefused(target.action_approve)
                self.assertRefused(target.action_validate)
                self.assertRefused(target.write, {"state": "validate"})
                self.assertRefused(target.write, {"state": "validate1"})
                self.assertRefused(target.sudo().action_approve)
                self.assertRefused(target.sudo().write, {"state": "validate"})
        self.assert_stays_open(leave)
        # Half way through the chain too.
        self.approve(leave, self.user_head)
        self.assertRefused(leave.with_user(self.user_hr_2).action_validate)
        self.assertRefused(leave.with_user(self.user_leave_manager).action_approve)
        self.assertEqual(leave.state, "confirm")
        self.assertFalse(leave.with_user(self.user_hr_2).can_approve)

    def test_refused_with_odoo_button_closes_the_open_steps(self):
        """A Time Off Officer refuses with Odoo's own button while the chain
        is open: the open steps no longer wait in anyone's approvals."""
        leave = self.request(self.pto, "2026-03-02", "2026-03-03")
        self.approve(leave, self.user_head)
        leave.with_user(self.user_hr_2).action_refuse()
        self.assertEqual(leave.state, "refuse")
        reviews = leave.review_ids.sorted("sequence")
        self.assertEqual(reviews[0].status, "approved")
        self.assertEqual(set(reviews[1:].mapped("status")), {"cancel"})
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.leave"), ("res_id", "=", leave.id)]
        )
        self.assertFalse(activities.filtered("ops_tier_review_id"))

    def test_approvers_of_the_chain_not_written_by_hand(self):
        leave = self.request(self.pto, "2026-03-02", "2026-03-02")
        self.approve(leave, self.user_head)
        self.assertRefused(
            leave.with_user(self.user_hr_2).write, {"first_approver_id": self.emp_hr.id}
        )
        self.assertEqual(leave.first_approver_id, self.emp_head)

    def test_new_department_head_while_time_off_waits(self):
        """HR appoints a new head while a request waits: Odoo moves the
        request's manager with the employee's, under review (refused as a
        change under validation before); the dates still cannot move."""
        leave = self.request(self.pto, "2026-03-02", "2026-03-02")
        self.assertEqual(leave.validation_status, "pending")
        new_head = self.env["hr.employee"].create({"name": "New Head"})
        self.department.manager_id = new_head
        self.assertEqual(self.emp_employee.parent_id, new_head)
        self.assertEqual(leave.manager_id, new_head)
        self.assertEqual(leave.validation_status, "pending")
        with self.assertRaises(ValidationError):
            leave.with_user(self.user_employee).write({"request_date_to": "2026-03-03"})

    def test_time_off_not_created_approved(self):
        Leave = self.env["hr.leave"].with_context(leave_skip_state_check=True)
        for user in (self.user_employee, self.user_hr_2):
            self.assertRefused(
                Leave.with_user(user).create,
                {
                    "employee_id": self.emp_employee.id,
                    "holiday_status_id": self.new_type("manager").id,
                    "request_date_from": "2026-03-02",
                    "request_date_to": "2026-03-02",
                    "state": "validate",
                },
            )
        self.assertFalse(Leave.search([("employee_id", "=", self.emp_employee.id)]))

    def test_dates_not_changed_under_review_with_a_context_key(self):
        """OCA's ``skip_validation_check`` context key would let the
        employee lengthen a leave after the head approved (skipping the
        steps its new length needs)."""
        leave = self.request(self.new_type("manager"), "2026-03-02", "2026-03-03")
        self.approve(leave, self.user_head)
        mine = leave.with_user(self.user_employee).with_context(skip_validation_check=True)
        self.assertRefused(mine.write, {"request_date_to": "2026-03-13"})
        self.assertEqual(leave.number_of_days, 2)

    def test_refusing_own_time_off_refused(self):
        leave = self.request(
            self.new_type("hr"), "2026-03-02", "2026-03-02", self.user_hr, self.emp_hr
        )
        self.assertRefused(leave.with_user(self.user_hr).action_refuse)
        self.assertEqual(leave.state, "confirm")
        leave.with_user(self.user_hr_2).action_refuse()
        self.assertEqual(leave.state, "refuse")

    def test_resubmitted_time_off_starts_the_chain_again(self):
        leave = self.request(self.new_type("manager"), "2026-03-02", "2026-03-02")
        leave.with_user(self.user_head)._ops_reject("Release day")
        self.assertEqual(leave.state, "refuse")
        manager = ops_user(self.env, "ops_time_off_admin", "hr_holidays.group_hr_holidays_manager")
        leave.with_user(manager).action_reset_confirm()
        self.assertEqual(leave.state, "confirm")
        self.assertEqual(leave.review_ids.mapped("status"), ["pending"])
        self.approve(leave, self.user_head)
        self.assertEqual(leave.state, "validate")

    def test_public_holiday_keeps_approved_time_off_approved(self):
        """Odoo re-evaluates the time off a new public holiday overlaps by
        writing it back to "To Approve" and then to its state again."""
        leave = self.request(self.new_type("manager"), "2026-03-02", "2026-03-04")
        self.approve(leave, self.user_head, self.user_hr)
        self.assertEqual(leave.state, "validate")
        manager = ops_user(self.env, "ops_time_off_admin", "hr_holidays.group_hr_holidays_manager")
        self.env["resource.calendar.leaves"].with_user(manager).create(
            {
                "name": "Public holiday",
                "company_id": self.company.id,
                "date_from": self.utc(date(2026, 3, 3), 0),
                "date_to": self.utc(date(2026, 3, 3), 24),
            }
        )
        self.assertEqual(leave.state, "validate")
        self.assertEqual(leave.number_of_days, 2)
