# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.ops_org.tests.common import run_migration

from .common import AttendanceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-20 12:00:00")
class TestLeaveAuthority(AttendanceCommon):
    """Time off approved by authority level: up to one day the department
    head; beyond, also HR; beyond three days, also leadership."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.ops_leave_policy = True

    def request(self, date_from, date_to, user=None, leave_type=None):
        return (
            self.env["hr.leave"]
            .with_user(user or self.user_employee)
            .create(
                {
                    "name": "Family matters",
                    "employee_id": self.emp_employee.id,
                    "holiday_status_id": (leave_type or self.leave_type).id,
                    "request_date_from": date_from,
                    "request_date_to": date_to,
                }
            )
        )

    def test_one_day_needs_the_department_head_only(self):
        leave = self.request("2026-03-02", "2026-03-02")
        self.assertEqual(leave.review_ids.mapped("name"), ["Department head"])
        self.assertEqual(leave.review_ids.reviewer_ids, self.user_head)
        leave.with_user(self.user_head)._ops_approve()
        self.assertEqual(leave.state, "validate")

    def test_two_days_need_head_then_hr(self):
        leave = self.request("2026-03-02", "2026-03-03")
        self.assertEqual(sorted(leave.review_ids.mapped("name")), ["Department head", "HR"])
        # HR cannot decide before the head (higher sequence decides first).
        with self.assertRaises(UserError):
            leave.with_user(self.user_hr)._ops_approve()
        leave.with_user(self.user_head)._ops_approve()
        self.assertEqual(leave.state, "confirm")
        # The requester is told of the step.
        mails = self.env["mail.mail"].search(
            [("model", "=", "hr.leave"), ("res_id", "=", leave.id)]
        )
        self.assertIn(self.user_employee.partner_id, mails.recipient_ids)
        leave.with_user(self.user_hr)._ops_approve()
        self.assertEqual(leave.state, "validate")

    def test_five_days_need_leadership(self):
        leave = self.request("2026-03-02", "2026-03-06")
        self.assertEqual(
            sorted(leave.review_ids.mapped("name")), ["Department head", "HR", "Leadership"]
        )
        leave.with_user(self.user_head)._ops_approve()
        leave.with_user(self.user_hr)._ops_approve()
        self.assertEqual(leave.state, "confirm")
        leave.with_user(self.user_leader)._ops_approve()
        self.assertEqual(leave.state, "validate")

    def test_stock_approval_refused_while_the_chain_is_open(self):
        leave = self.request("2026-03-02", "2026-03-03")
        with self.assertRaises(UserError):
            leave.sudo().action_approve()
        self.assertEqual(leave.state, "confirm")

    def test_rejection_refuses_the_leave(self):
        leave = self.request("2026-03-02", "2026-03-02")
        with self.assertRaises(UserError):
            leave.with_user(self.user_head)._ops_reject("")
        leave.with_user(self.user_head)._ops_reject("Release week")
        self.assertEqual(leave.state, "refuse")

    def test_thresholds_are_editable_data(self):
        hr_tier = self.env.ref("ops_attendance.tier_definition_leave_hr")
        hr_tier.definition_domain = hr_tier.definition_domain.replace(
            "('number_of_days', '>', 1)", "('number_of_days', '>', 0)"
        )
        leave = self.request("2026-03-02", "2026-03-02")
        self.assertIn("HR", leave.review_ids.mapped("name"))

    def test_without_the_policy_odoo_approves(self):
        self.company.ops_leave_policy = False
        leave = self.request("2026-03-02", "2026-03-02")
        self.assertFalse(leave.review_ids)
        leave.sudo().action_approve()
        self.assertEqual(leave.state, "validate")

    def test_type_not_flagged_odoo_approves(self):
        """A time off type created after installation (as the tests of
        Odoo's own time off create theirs) stays on Odoo's approval until an
        administrator flags it."""
        other_type = self.leave_type.copy({"name": "Study Leave", "ops_authority_chain": False})
        leave = self.request("2026-03-02", "2026-03-06", leave_type=other_type)
        self.assertFalse(leave.ops_policy)
        self.assertFalse(leave.review_ids)
        leave.sudo().action_approve()
        self.assertEqual(leave.state, "validate")
        other_type.ops_authority_chain = True
        leave = self.request("2026-03-09", "2026-03-09", leave_type=other_type)
        self.assertTrue(leave.ops_policy)
        self.assertEqual(leave.review_ids.mapped("name"), ["Department head"])

    def test_types_existing_at_installation_are_flagged(self):
        self.assertTrue(self.env.ref("hr_holidays.holiday_status_cl").ops_authority_chain)
        new_type = self.leave_type.copy({"name": "Marriage Leave", "ops_authority_chain": False})
        self.env["hr.leave.type"]._ops_flag_authority_chain()
        self.assertTrue(new_type.ops_authority_chain)

    # The tiers as 18.0.1.0.0 shipped them.
    TIERS_1_0 = {
        "ops_attendance.tier_definition_leave_department_head": (
            "[('company_id.ops_leave_policy', '=', True), "
            "('validation_type', '!=', 'no_validation')]"
        ),
        "ops_attendance.tier_definition_leave_hr": (
            "[('company_id.ops_leave_policy', '=', True), "
            "('validation_type', '!=', 'no_validation'), ('number_of_days', '>', 1)]"
        ),
        "ops_attendance.tier_definition_leave_leadership": (
            "[('company_id.ops_leave_policy', '=', True), "
            "('validation_type', '!=', 'no_validation'), ('number_of_days', '>', 3)]"
        ),
    }

    def test_migration_flags_types_and_tiers(self):
        """18.0.1.1.0 on a database of 18.0.1.0.0: the tiers lacked the
        condition on the type and no type was flagged. (Changed by 18.0.1.2.0:
        the tiers of 18.0.1.0.0 are set explicitly, as the shipped ones no
        longer have the condition on the validation mode.)"""
        flag = "('holiday_status_id.ops_authority_chain', '=', True), "
        for xmlid, domain in self.TIERS_1_0.items():
            self.env.ref(xmlid).definition_domain = domain
        tiers = self.env["tier.definition"].search([("model", "=", "hr.leave")])
        head_tier = self.env.ref("ops_attendance.tier_definition_leave_department_head")
        self.env["hr.leave.type"].with_context(active_test=False).search([]).write(
            {"ops_authority_chain": False}
        )
        run_migration(self.env, "ops_attendance", "18.0.1.1.0", "post", "18.0.1.0.0")
        self.assertTrue(self.leave_type.ops_authority_chain)
        self.assertTrue(head_tier.definition_domain.startswith("[" + flag))
        for tier in tiers:
            self.assertEqual(tier.definition_domain.count("ops_authority_chain"), 1)
        leave = self.request("2026-03-02", "2026-03-03")
        self.assertEqual(sorted(leave.review_ids.mapped("name")), ["Department head", "HR"])

    def test_migration_puts_no_validation_types_on_the_chain(self):
        """18.0.1.2.0 on a database of 18.0.1.1.0: the tiers lose their
        condition on the validation mode (wherever an administrator left
        it), so time off of a "No Validation" type on the chain is approved
        by authority level too."""
        flag = "('holiday_status_id.ops_authority_chain', '=', True)"
        condition = "('validation_type', '!=', 'no_validation')"
        shipped = {
            "ops_attendance.tier_definition_leave_department_head": f"[{flag}, {condition}]",
            "ops_attendance.tier_definition_leave_hr": (
                f"[{condition}, {flag}, ('number_of_days', '>', 1)]"
            ),
            "ops_attendance.tier_definition_leave_leadership": (
                f"[{flag}, {condition}, ('number_of_days', '>', 3)]"
            ),
        }
        for xmlid, domain in shipped.items():
            self.env.ref(xmlid).definition_domain = domain
        free = self.leave_type.copy(
            {"name": "Free Leave", "leave_validation_type": "no_validation"}
        )
        # Without the migration no step applies to it: refused (fail closed).
        error = self.assertRefused(self.request, "2026-03-02", "2026-03-02", leave_type=free)
        self.assertIn("No step of the authority matrix", str(error))
        run_migration(self.env, "ops_attendance", "18.0.1.2.0", "post", "18.0.1.1.0")
        self.assertEqual(
            [self.env.ref(xmlid).definition_domain for xmlid in shipped],
            [
                f"[{flag}]",
                f"[{flag}, ('number_of_days', '>', 1)]",
                f"[{flag}, ('number_of_days', '>', 3)]",
            ],
        )
        leave = self.request("2026-03-09", "2026-03-10", leave_type=free)
        self.assertEqual(leave.state, "confirm")
        self.assertEqual(
            leave.review_ids.sorted("sequence").mapped("name"), ["Department head", "HR"]
        )
        # Run twice: nothing left to change.
        run_migration(self.env, "ops_attendance", "18.0.1.2.0", "post", "18.0.1.1.0")
        self.assertEqual(
            self.env.ref("ops_attendance.tier_definition_leave_department_head").definition_domain,
            f"[{flag}]",
        )

    def test_overlapping_leave_refused(self):
        self.request("2026-03-02", "2026-03-03")
        with self.assertRaises(ValidationError) as caught:
            self.request("2026-03-03", "2026-03-04")
        self.assertIn("overlaps", str(caught.exception))

    def test_leave_ending_before_it_starts_refused(self):
        """Refused by Odoo's own constraints, whose message the server shows
        ("The start date must be before or equal to the end date."), as the
        tests of Odoo's Time Off expect."""
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            self.cr.savepoint(),
        ):
            self.request("2026-03-05", "2026-03-02")
        constraint = caught.exception.diag.constraint_name
        self.assertIn(constraint, ("hr_leave_date_check2", "hr_leave_date_check3"))
        self.assertIn(constraint, self.env.registry._sql_constraints)
        self.assertFalse(self.env["hr.leave"].search([("employee_id", "=", self.emp_employee.id)]))
