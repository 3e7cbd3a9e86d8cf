# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import DocumentCommon

OPS = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install", "ops_access")
class TestDocumentAccess(DocumentCommon):
    """One test per ACL row and per record rule of ops_document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Published to everyone; a draft of the department; a draft of the
        # other department; a published document for user_other only.
        cls.published = cls.publish(cls.make_document("Published to all"))
        cls.draft = cls.make_document("Draft of the lab")
        cls.other_draft = cls.make_document("Draft of sales", department_id=cls.other_department.id)
        cls.for_other = cls.publish(
            cls.make_document("For sales only", distribution_user_ids=cls.user_other.ids)
        )
        cls.for_all_ack = cls.make_document(
            "Acknowledged by two",
            distribution_user_ids=(cls.user_employee | cls.user_other).ids,
        )
        cls.publish(cls.for_all_ack)
        cls.ack_employee = cls.for_all_ack.acknowledgement_ids.filtered(
            lambda a: a.user_id == cls.user_employee
        )
        cls.ack_other = cls.for_all_ack.acknowledgement_ids - cls.ack_employee
        cls.destruction = (
            cls.env["ops.document.destruction"]
            .with_user(cls.user_admin)
            .create({"document_id": cls.published.id, "reason": "Replaced"})
        ).with_env(cls.env)
        cls.secret = cls.make_document("Secret lab notes", ops_level="secret")
        cls.secret_destruction = cls.env["ops.document.destruction"].create(
            {"document_id": cls.secret.id, "reason": "Leak risk"}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Media Co"})
        cls.foreign = cls.env["ops.document"].create(
            {
                "name": "Foreign",
                "company_id": cls.other_company.id,
                "department_id": cls.env["hr.department"]
                .create({"name": "Foreign Lab", "company_id": cls.other_company.id})
                .id,
            }
        )
        cls.foreign_version = cls.env["ops.document.version"].create(
            {"document_id": cls.foreign.id, "file": base64.b64encode(b"x"), "file_name": "x"}
        )

    def assert_rights(self, user, model, allowed):
        Model = self.env[model].with_user(user)
        for op in OPS:
            if op in allowed:
                Model.check_access(op)
            else:
                with self.assertRaises(AccessError, msg=f"{model} {op}"):
                    Model.check_access(op)

    def visible(self, user, records):
        return self.env[records._name].with_user(user).search([("id", "in", records.ids)])

    # -- ACL: ops.document ---------------------------------------------------

    def test_acl_document_employee(self):
        # access_ops_document_employee
        self.assert_rights(self.user_employee, "ops.document", ["read"])
        with self.assertRaises(AccessError):
            self.published.with_user(self.user_employee).write({"name": "X"})
        with self.assertRaises(AccessError):
            self.env["ops.document"].with_user(self.user_employee).create(
                {"name": "X", "department_id": self.department.id}
            )

    def test_recipient_opens_the_form(self):
        """A recipient (an employee, a head) opens the document they are
        asked to acknowledge: the form reads, without the destruction
        requests they may not read (an access error before), and the
        destruction tab is shown to those who may."""
        document = self.publish(
            self.make_document(
                "To acknowledge",
                distribution_user_ids=(self.user_employee | self.user_head).ids,
            )
        )
        for user in self.user_employee | self.user_head:
            with self.subTest(user=user.login):
                form = Form(document.with_user(user))
                self.assertTrue(form.my_ack_pending)
                self.assertNotIn("destruction_ids", form._view["fields"])
                with self.assertRaises(AccessError):
                    document.with_user(user).read(["destruction_ids"])
        form = Form(document.with_user(self.user_admin))
        self.assertIn("destruction_ids", form._view["fields"])

    def test_acl_document_department_head(self):
        # access_ops_document_department_head
        self.assert_rights(self.user_head, "ops.document", ["read"])
        self.assertEqual(self.draft.with_user(self.user_head).name, "Draft of the lab")
        with self.assertRaises(AccessError):
            self.draft.with_user(self.user_head).write({"name": "X"})

    def test_acl_document_administration(self):
        # access_ops_document_administration
        self.assert_rights(self.user_admin_2, "ops.document", ["read", "write", "create"])
        self.draft.with_user(self.user_admin_2).write({"name": "Renamed"})
        self.assertEqual(self.draft.name, "Renamed")

    def test_acl_document_confidentiality(self):
        # access_ops_document_confidentiality
        self.assert_rights(self.user_conf, "ops.document", ["read"])

    def test_acl_document_leadership(self):
        # access_ops_document_leadership
        self.assert_rights(self.user_leader, "ops.document", ["read"])

    def test_acl_document_outsider(self):
        # No row for users without a role of ours.
        self.assert_rights(self.user_outsider, "ops.document", [])

    # -- ACL: ops.document.version -------------------------------------------

    def test_acl_version_employee(self):
        # access_ops_document_version_employee
        self.assert_rights(self.user_employee, "ops.document.version", ["read"])

    def test_acl_version_department_head(self):
        # access_ops_document_version_department_head
        self.assert_rights(self.user_head, "ops.document.version", ["read"])
        self.assertTrue(self.visible(self.user_head, self.draft.version_ids))

    def test_acl_version_administration(self):
        # access_ops_document_version_administration
        self.assert_rights(self.user_admin_2, "ops.document.version", ["read", "write", "create"])
        self.draft.version_ids.with_user(self.user_admin_2).write({"change_note": "Typo"})

    def test_acl_version_confidentiality(self):
        # access_ops_document_version_confidentiality
        self.assert_rights(self.user_conf, "ops.document.version", ["read"])

    def test_acl_version_leadership(self):
        # access_ops_document_version_leadership
        self.assert_rights(self.user_leader, "ops.document.version", ["read"])

    # -- ACL: ops.document.acknowledgement -----------------------------------

    def test_acl_acknowledgement_employee(self):
        # access_ops_document_acknowledgement_employee
        self.assert_rights(
            self.user_employee, "ops.document.acknowledgement", ["read", "write", "create"]
        )
        self.for_all_ack.with_user(self.user_employee).action_acknowledge()
        self.assertEqual(self.ack_employee.state, "done")

    def test_acl_acknowledgement_department_head(self):
        # access_ops_document_acknowledgement_department_head
        self.assert_rights(
            self.user_head, "ops.document.acknowledgement", ["read", "write", "create"]
        )
        # Write and create come from the employee row; the head row reads
        # the department's acknowledgements, writes none of others'.
        self.assertEqual(
            self.visible(self.user_head, self.ack_employee | self.ack_other),
            self.ack_employee | self.ack_other,
        )
        with self.assertRaises(AccessError):
            self.ack_employee.with_user(self.user_head).write({"state": "done"})

    def test_acl_acknowledgement_administration(self):
        # access_ops_document_acknowledgement_administration: reads all;
        # writes only their own (employee row), publication creates them.
        self.assertEqual(
            self.visible(self.user_admin_2, self.ack_employee | self.ack_other),
            self.ack_employee | self.ack_other,
        )
        with self.assertRaises(AccessError):
            self.ack_employee.with_user(self.user_admin_2).write({"state": "done"})

    def test_acl_acknowledgement_confidentiality(self):
        # access_ops_document_acknowledgement_confidentiality (with the
        # employee row's own acknowledgements)
        self.assert_rights(
            self.user_conf, "ops.document.acknowledgement", ["read", "write", "create"]
        )
        with self.assertRaises(AccessError):
            self.ack_employee.with_user(self.user_conf).write({"state": "done"})
        self.assertTrue(self.visible(self.user_conf, self.ack_employee))

    def test_acl_acknowledgement_leadership(self):
        # access_ops_document_acknowledgement_leadership
        self.assertTrue(self.visible(self.user_leader, self.ack_employee))
        with self.assertRaises(AccessError):
            self.ack_employee.with_user(self.user_leader).write({"state": "done"})

    # -- ACL: ops.document.destruction ---------------------------------------

    def test_acl_destruction_administration(self):
        # access_ops_document_destruction_administration
        self.assert_rights(
            self.user_admin_2, "ops.document.destruction", ["read", "write", "create"]
        )

    def test_acl_destruction_confidentiality(self):
        # access_ops_document_destruction_confidentiality
        self.assert_rights(self.user_conf, "ops.document.destruction", ["read"])

    def test_acl_destruction_leadership(self):
        # access_ops_document_destruction_leadership
        self.assert_rights(self.user_leader, "ops.document.destruction", ["read"])

    def test_acl_destruction_employee_none(self):
        # No row for employees: destruction is not theirs to ask.
        self.assert_rights(self.user_employee, "ops.document.destruction", [])
        with self.assertRaises(AccessError):
            self.destruction.with_user(self.user_employee).read(["reason"])

    # -- rules: ops.document -------------------------------------------------

    def test_rule_document_company(self):
        # ops_document_rule_company
        self.assertFalse(self.visible(self.user_admin_2, self.foreign))
        self.assertFalse(self.visible(self.user_leader, self.foreign))

    def test_rule_document_confidentiality(self):
        # ops_confidentiality_rule_ops_document
        self.assertFalse(self.visible(self.user_admin_2, self.secret))
        self.assertEqual(self.visible(self.user_admin, self.secret), self.secret)

    def test_rule_document_employee(self):
        # ops_document_rule_employee: published, distributed to them or to all
        docs = self.published | self.draft | self.other_draft | self.for_other | self.for_all_ack
        self.assertEqual(self.visible(self.user_employee, docs), self.published | self.for_all_ack)
        self.assertEqual(
            self.visible(self.user_other, docs), self.published | self.for_other | self.for_all_ack
        )

    def test_rule_document_department_head(self):
        # ops_document_rule_department_head: their department's, in any state
        docs = self.draft | self.other_draft
        self.assertEqual(self.visible(self.user_head, docs), self.draft)

    def test_rule_document_officers(self):
        # ops_document_rule_officers
        docs = self.published | self.draft | self.other_draft | self.for_other
        for user in (self.user_admin_2, self.user_conf, self.user_leader):
            self.assertEqual(self.visible(user, docs), docs)

    # -- rules: ops.document.version -----------------------------------------

    def test_rule_version_company(self):
        # ops_document_version_rule_company
        self.assertFalse(self.visible(self.user_admin_2, self.foreign_version))

    def test_rule_version_confidentiality(self):
        # ops_document_version_rule_confidentiality
        self.assertFalse(self.visible(self.user_admin_2, self.secret.version_ids))
        self.assertTrue(self.visible(self.user_admin, self.secret.version_ids))

    def test_rule_version_employee(self):
        # ops_document_version_rule_employee
        versions = (self.published | self.draft | self.for_other).version_ids
        self.assertEqual(self.visible(self.user_employee, versions), self.published.version_ids)

    def test_rule_version_department_head(self):
        # ops_document_version_rule_department_head
        versions = (self.draft | self.other_draft).version_ids
        self.assertEqual(self.visible(self.user_head, versions), self.draft.version_ids)

    def test_rule_version_officers(self):
        # ops_document_version_rule_officers
        versions = (self.draft | self.other_draft | self.for_other).version_ids
        for user in (self.user_admin_2, self.user_conf, self.user_leader):
            self.assertEqual(self.visible(user, versions), versions)

    # -- rules: ops.document.acknowledgement ---------------------------------

    def test_rule_acknowledgement_company(self):
        # ops_document_acknowledgement_rule_company
        ack = self.env["ops.document.acknowledgement"].create(
            {
                "document_id": self.foreign.id,
                "version_id": self.foreign_version.id,
                "user_id": self.user_admin_2.id,
            }
        )
        self.assertFalse(self.visible(self.user_admin_2, ack))

    def test_rule_acknowledgement_confidentiality(self):
        # ops_document_acknowledgement_rule_confidentiality
        ack = self.env["ops.document.acknowledgement"].create(
            {
                "document_id": self.secret.id,
                "version_id": self.secret.version_ids.id,
                "user_id": self.user_employee.id,
            }
        )
        self.assertFalse(self.visible(self.user_employee, ack))
        self.assertFalse(self.visible(self.user_admin_2, ack))
        self.assertTrue(self.visible(self.user_admin, ack))

    def test_rule_acknowledgement_employee(self):
        # ops_document_acknowledgement_rule_employee: their own
        acks = self.ack_employee | self.ack_other
        self.assertEqual(self.visible(self.user_employee, acks), self.ack_employee)
        with self.assertRaises(AccessError):
            self.env["ops.document.acknowledgement"].with_user(self.user_other).create(
                {
                    "document_id": self.published.id,
                    "version_id": self.published.current_version_id.id,
                    "user_id": self.user_employee.id,
                }
            )

    def test_rule_acknowledgement_department_head(self):
        # ops_document_acknowledgement_rule_department_head
        ack = self.env["ops.document.acknowledgement"].create(
            {
                "document_id": self.other_draft.id,
                "version_id": self.other_draft.version_ids.id,
                "user_id": self.user_other.id,
            }
        )
        self.assertEqual(self.visible(self.user_head, self.ack_other | ack), self.ack_other)

    def test_rule_acknowledgement_officers(self):
        # ops_document_acknowledgement_rule_officers
        acks = self.ack_employee | self.ack_other
        for user in (self.user_admin_2, self.user_conf, self.user_leader):
            self.assertEqual(self.visible(user, acks), acks)

    # -- rules: ops.document.destruction -------------------------------------

    def test_rule_destruction_company(self):
        # ops_document_destruction_rule_company
        foreign = self.env["ops.document.destruction"].create(
            {"document_id": self.foreign.id, "reason": "x"}
        )
        self.assertFalse(self.visible(self.user_admin_2, foreign))
        self.assertEqual(self.visible(self.user_admin_2, self.destruction), self.destruction)

    def test_rule_destruction_confidentiality(self):
        # ops_document_destruction_rule_confidentiality
        self.assertFalse(self.visible(self.user_admin_2, self.secret_destruction))
        self.assertFalse(self.visible(self.user_leader, self.secret_destruction))
        self.assertTrue(self.visible(self.user_admin, self.secret_destruction))
