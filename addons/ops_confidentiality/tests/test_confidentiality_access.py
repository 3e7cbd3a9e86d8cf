# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ConfidentialityCommon


@tagged("post_install", "-at_install", "ops_access")
class TestConfidentialityAccess(ConfidentialityCommon):
    """One test per ACL row and record rule of ops_confidentiality."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspection = cls.env["ops.confidentiality.inspection"].create(
            {"name": "Q1", "date_planned": date.today(), "line_ids": [(0, 0, {"name": "Desks"})]}
        )
        cls.violation = cls.env["ops.confidentiality.violation"].create(
            {"employee_id": cls.emp_uncleared.id, "description": "<p>Leak</p>"}
        )
        cls.other_violation = cls.env["ops.confidentiality.violation"].create(
            {"employee_id": cls.emp_member.id, "description": "<p>Leak</p>"}
        )
        cls.log = cls.env["ops.confidentiality.access.log"].create(
            {
                "user_id": cls.user_cleared.id,
                "res_model": "ops.ip.asset",
                "res_id": cls.secret.id,
                "action": "read",
            }
        )

    def assert_crud(self, record, user, read, write, create, unlink):
        Model = self.env[record._name].with_user(user)
        for operation, allowed in (
            ("read", read),
            ("write", write),
            ("create", create),
            ("unlink", unlink),
        ):
            self.assertEqual(
                Model.has_access(operation), allowed, f"{user.login} {operation} {record._name}"
            )

    # -- ops.nda -----------------------------------------------------------

    def test_nda_employee_reads_own(self):
        # access_ops_nda_employee + ops_nda_rule_employee
        self.assert_crud(self.emp_cleared.ops_nda_ids, self.user_cleared, True, False, False, False)
        self.assertEqual(
            self.env["ops.nda"].with_user(self.user_member).search([]), self.emp_member.ops_nda_ids
        )
        with self.assertRaises(AccessError):
            self.emp_cleared.ops_nda_ids.with_user(self.user_member).read(["name"])

    def test_nda_hr_manages(self):
        # access_ops_nda_hr + ops_nda_rule_officers
        self.assert_crud(self.emp_cleared.ops_nda_ids, self.user_hr, True, True, True, True)
        ndas = self.env["ops.nda"].with_user(self.user_hr).search([])
        self.assertIn(self.emp_cleared.ops_nda_ids, ndas)
        self.assertIn(self.emp_member.ops_nda_ids, ndas)

    def test_nda_officer_manages(self):
        # access_ops_nda_confidentiality + ops_nda_rule_officers
        self.assert_crud(self.emp_cleared.ops_nda_ids, self.user_officer, True, True, True, True)
        self.assertIn(
            self.emp_member.ops_nda_ids, self.env["ops.nda"].with_user(self.user_officer).search([])
        )

    def test_nda_leadership_reads(self):
        # access_ops_nda_leadership + ops_nda_rule_officers
        self.assert_crud(self.emp_cleared.ops_nda_ids, self.user_leader, True, False, False, False)
        self.assertIn(
            self.emp_member.ops_nda_ids, self.env["ops.nda"].with_user(self.user_leader).search([])
        )

    def test_nda_company_rule(self):
        # ops_nda_rule_company
        other = self.env["res.company"].create({"name": "Other Media"})
        employee = self.env["hr.employee"].create({"name": "Other", "company_id": other.id})
        nda = self.env["ops.nda"].create(
            {"employee_id": employee.id, "company_id": other.id, "date_signed": date.today()}
        )
        self.assertNotIn(nda, self.env["ops.nda"].with_user(self.user_hr).search([]))

    # -- access log --------------------------------------------------------

    def test_access_log_officer_only(self):
        # access_ops_confidentiality_access_log_confidentiality
        self.assert_crud(self.log, self.user_officer, True, False, False, False)
        for user in (self.user_hr, self.user_leader, self.user_cleared):
            with self.assertRaises(AccessError):
                self.log.with_user(user).read(["action"])

    # -- ops.ip.asset --------------------------------------------------------

    def test_ip_asset_employee_reads(self):
        # access_ops_ip_asset_employee
        self.assert_crud(self.internal, self.user_uncleared, True, False, False, False)

    def test_ip_asset_administration_manages(self):
        # access_ops_ip_asset_administration
        self.assert_crud(self.internal, self.user_admin_officer, True, True, True, True)

    def test_ip_asset_officer_manages(self):
        # access_ops_ip_asset_confidentiality
        self.assert_crud(self.internal, self.user_officer, True, True, True, True)

    def test_ip_asset_leadership_reads(self):
        # access_ops_ip_asset_leadership
        self.assert_crud(self.internal, self.user_leader, True, False, False, False)

    def test_ip_asset_rules(self):
        # ops_ip_asset_rule_company and ops_confidentiality_rule_ops_ip_asset
        other = self.env["res.company"].create({"name": "Other Media"})
        foreign = self.env["ops.ip.asset"].create(
            {"name": "Foreign", "ownership": "own", "kind": "work", "company_id": other.id}
        )
        seen = self.env["ops.ip.asset"].with_user(self.user_cleared).search([])
        self.assertNotIn(foreign, seen)
        self.assertIn(self.secret, seen)
        self.assertNotIn(
            self.secret, self.env["ops.ip.asset"].with_user(self.user_cleared_other).search([])
        )

    # -- inspections ---------------------------------------------------------

    def test_inspection_roles(self):
        # access_ops_confidentiality_inspection_{hr,administration,confidentiality,leadership}
        # and the same for the checklist lines
        for user, write in (
            (self.user_hr, True),
            (self.user_admin_officer, True),
            (self.user_officer, True),
            (self.user_leader, False),
        ):
            self.assert_crud(self.inspection, user, True, write, write, write)
            self.assert_crud(self.inspection.line_ids, user, True, write, write, write)
        with self.assertRaises(AccessError):
            self.inspection.with_user(self.user_uncleared).read(["name"])

    def test_inspection_company_rule(self):
        # ops_inspection_rule_company
        other = self.env["res.company"].create({"name": "Other Media"})
        foreign = self.env["ops.confidentiality.inspection"].create(
            {"name": "Foreign", "date_planned": date.today(), "company_id": other.id}
        )
        self.assertNotIn(
            foreign, self.env["ops.confidentiality.inspection"].with_user(self.user_hr).search([])
        )

    # -- violation cases -----------------------------------------------------

    def test_violation_employee_reads_own(self):
        # access_ops_confidentiality_violation_employee + ops_violation_rule_employee
        self.assert_crud(self.violation, self.user_uncleared, True, False, False, False)
        Case = self.env["ops.confidentiality.violation"].with_user(self.user_uncleared)
        self.assertEqual(Case.search([]), self.violation)
        with self.assertRaises(AccessError):
            self.other_violation.with_user(self.user_uncleared).read(["name"])

    def test_violation_hr_and_officer(self):
        # access_ops_confidentiality_violation_{hr,confidentiality} + ops_violation_rule_officers
        self.assert_crud(self.violation, self.user_hr, True, True, True, False)
        self.assert_crud(self.violation, self.user_officer, True, True, True, True)
        Case = self.env["ops.confidentiality.violation"]
        self.assertEqual(
            Case.with_user(self.user_hr).search(
                [("id", "in", (self.violation | self.other_violation).ids)]
            ),
            self.violation | self.other_violation,
        )

    def test_violation_leadership_reads(self):
        # access_ops_confidentiality_violation_leadership
        self.assert_crud(self.violation, self.user_leader, True, False, False, False)

    def test_violation_company_rule(self):
        # ops_violation_rule_company
        other = self.env["res.company"].create({"name": "Other Media"})
        employee = self.env["hr.employee"].create({"name": "Other", "company_id": other.id})
        foreign = self.env["ops.confidentiality.violation"].create(
            {"employee_id": employee.id, "company_id": other.id, "description": "<p>x</p>"}
        )
        self.assertNotIn(
            foreign,
            self.env["ops.confidentiality.violation"].with_user(self.user_officer).search([]),
        )
