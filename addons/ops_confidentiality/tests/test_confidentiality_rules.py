# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15: nobody decides their own case (agreement, clearance,
violation case), states change only through their steps, an agreement's
dates are sane — whatever a user sends to the server."""

from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OpsOrgCommon, ops_user

from .common import ConfidentialityCommon

OFFICER = (
    "ops_org.ops_org_group_employee,ops_org.ops_org_group_hr,ops_org.ops_org_group_confidentiality"
)


@tagged("post_install", "-at_install", "ops_rules")
class TestConfidentialityRules(ConfidentialityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An HR officer holding the confidentiality officer role, and
        # another one.
        cls.user_self = ops_user(cls.env, "conf_hr_officer", OFFICER)
        cls.emp_self = cls.env["hr.employee"].create(
            {"name": "HR Officer", "user_id": cls.user_self.id}
        )
        cls.user_other = ops_user(cls.env, "conf_hr_officer_2", OFFICER)

    # Refused with a sentence, nothing written (the suite's one helper; this
    # class does not build on OpsOrgCommon).
    assertRefused = OpsOrgCommon.assertRefused

    def nda(self, user, employee, **vals):
        return (
            self.env["ops.nda"]
            .with_user(user)
            .create({"employee_id": employee.id, "date_signed": date.today(), **vals})
        )

    # -- own agreement, own clearance ----------------------------------------

    def test_officer_does_not_record_their_own_nda(self):
        error = self.assertRefused(self.nda, self.user_self, self.emp_self)
        self.assertIn("concerns you", str(error))
        self.assertFalse(self.emp_self.ops_nda_ids)
        # Nor moves another agreement onto themselves.
        other = self.nda(self.user_self, self.emp_uncleared)
        self.assertRefused(other.with_user(self.user_self).write, {"employee_id": self.emp_self.id})
        self.assertEqual(other.employee_id, self.emp_uncleared)
        # Another officer records theirs.
        self.nda(self.user_other, self.emp_self)
        self.assertTrue(self.emp_self.ops_nda_ids)

    def test_officer_does_not_change_or_end_their_own_nda(self):
        nda = self.nda(
            self.user_other, self.emp_self, date_expiry=date.today() + timedelta(days=30)
        )
        mine = nda.with_user(self.user_self)
        self.assertRefused(mine.write, {"date_expiry": date.today() + timedelta(days=3650)})
        self.assertRefused(mine.action_terminate)
        self.assertEqual(nda.date_expiry, date.today() + timedelta(days=30))
        self.assertEqual(nda.state, "valid")

    def test_officer_does_not_raise_their_own_clearance(self):
        self.nda(self.user_other, self.emp_self)
        error = self.assertRefused(
            self.emp_self.with_user(self.user_self).write, {"ops_clearance": "secret"}
        )
        self.assertIn("concerns you", str(error))
        self.assertEqual(self.emp_self.ops_clearance, "internal")
        self.assertEqual(self.user_self.ops_clearance_rank, 1)
        self.emp_self.with_user(self.user_other).write({"ops_clearance": "secret"})
        self.assertEqual(self.user_self.ops_clearance_rank, 3)

    def test_officer_does_not_take_a_cleared_employee_for_themselves(self):
        """Linking one's own user to an employee cleared secret gives one
        the clearance."""
        error = self.assertRefused(
            self.emp_cleared.with_user(self.user_self).write, {"user_id": self.user_self.id}
        )
        self.assertIn("concerns you", str(error))
        self.assertEqual(self.emp_cleared.user_id, self.user_cleared)
        self.assertEqual(self.user_self.ops_clearance_rank, 1)

    # -- dates of an agreement -------------------------------------------------

    def test_nda_signed_in_the_future_refused(self):
        for signed in ("9999-12-31", date(2099, 12, 31), date.today() + timedelta(days=1)):
            self.assertRefused(self.nda, self.user_other, self.emp_uncleared, date_signed=signed)
        self.assertFalse(self.emp_uncleared.ops_nda_ids)

    def test_nda_expiring_the_day_it_is_signed_refused(self):
        self.assertRefused(self.nda, self.user_other, self.emp_uncleared, date_expiry=date.today())

    # -- states only through their steps ---------------------------------------

    def test_nda_state_written_directly_refused(self):
        nda = self.emp_cleared.ops_nda_ids
        for user in (self.user_other, self.user_hr, self.user_officer):
            for vals in ({"state": "terminated"}, {"state": "expired"}, {"reminded": True}):
                error = self.assertRefused(nda.with_user(user).write, vals)
                self.assertIsInstance(error, AccessError)
        terminated = self.nda(self.user_other, self.emp_uncleared)
        terminated.with_user(self.user_other).action_terminate()
        self.assertRefused(terminated.with_user(self.user_other).write, {"state": "valid"})
        self.assertRefused(
            self.env["ops.nda"].with_user(self.user_other).create,
            {"employee_id": self.emp_member.id, "date_signed": date.today(), "state": "expired"},
        )
        self.assertEqual(nda.state, "valid")
        self.assertEqual(terminated.state, "terminated")

    def test_expiry_job_still_expires(self):
        nda = self.emp_member.ops_nda_ids
        nda.write({"date_expiry": date.today() - timedelta(days=1)})
        self.env["ops.nda"]._cron_expire()
        self.assertEqual(nda.state, "expired")
        self.assertEqual(self.emp_member.ops_clearance, "internal")

    def test_violation_state_written_directly_refused(self):
        case = self.env["ops.confidentiality.violation"].create(
            {"employee_id": self.emp_uncleared.id, "description": "<p>Leak</p>"}
        )
        for state in ("investigation", "closed"):
            error = self.assertRefused(case.with_user(self.user_officer).write, {"state": state})
            self.assertIsInstance(error, AccessError)
        self.assertRefused(
            case.with_user(self.user_officer).write, {"reported_by_id": self.user_hr.id}
        )
        self.assertEqual(case.state, "reported")

    def test_accused_officer_does_not_decide_their_own_case(self):
        case = self.env["ops.confidentiality.violation"].create(
            {"employee_id": self.emp_self.id, "description": "<p>Leak</p>"}
        )
        mine = case.with_user(self.user_self)
        self.assertRefused(mine.action_next)
        self.assertRefused(mine.write, {"investigation": "<p>Nothing found</p>"})
        self.assertRefused(mine.write, {"penalty": "none"})
        self.assertRefused(mine.write, {"employee_id": self.emp_uncleared.id})
        self.assertEqual(case.state, "reported")
        self.assertFalse(case.penalty)
        case.with_user(self.user_other).action_next()
        self.assertEqual(case.state, "investigation")
        # What the state closed stays closed (the form's read-only fields).
        self.assertRefused(case.with_user(self.user_other).write, {"description": "<p>Edited</p>"})

    def test_inspection_and_asset_states_written_directly_refused(self):
        inspection = self.env["ops.confidentiality.inspection"].create(
            {"name": "Q1", "date_planned": date.today()}
        )
        as_admin = inspection.with_user(self.user_admin_officer)
        self.assertRefused(as_admin.write, {"state": "done"})
        self.assertRefused(as_admin.write, {"date_done": date.today()})
        as_admin.action_start()
        self.assertRefused(as_admin.action_start)
        self.assertEqual(inspection.state, "in_progress")
        error = self.assertRefused(
            self.internal.with_user(self.user_admin_officer).write, {"state": "expired"}
        )
        self.assertIsInstance(error, AccessError)
        self.assertEqual(self.internal.state, "valid")
