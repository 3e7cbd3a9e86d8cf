# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import date, timedelta

from odoo.tests import TransactionCase

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, OpsOrgCommon, ops_user

PLAIN = b"Board decision: launch the short-video channel on 2027-03-01."


class DocumentCommon(TransactionCase):
    """Users of each role and clearance, built as superuser:

    * ``user_admin``: administration officer who drafts documents;
      ``user_admin_2``: another one, who approves them;
    * ``user_head``: head of ``department`` (reviews its documents);
      ``user_employee``: works in it; ``user_other``: works in
      ``other_department``;
    * ``user_leader`` leadership; ``user_conf`` confidentiality officer;
      ``user_outsider``: internal user with no role of ours;
    * ``user_cleared`` (secret clearance, needs to know),
      ``user_cleared_other`` (secret clearance, not on the list),
      ``user_uncleared`` (on the list, no clearance).
    """

    assertRefused = OpsOrgCommon.assertRefused

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        company = cls.env.company
        emp = "ops_org.ops_org_group_employee,base.group_allow_export"

        def user(login, groups=emp):
            return ops_user(cls.env, login, groups, company)

        cls.user_admin = user("doc_admin", f"{emp},ops_org.ops_org_group_administration")
        cls.user_admin_2 = user("doc_admin_2", f"{emp},ops_org.ops_org_group_administration")
        cls.user_head = user("doc_head")
        cls.user_employee = user("doc_employee")
        cls.user_other = user("doc_other")
        cls.user_leader = user("doc_leader", f"{emp},ops_org.ops_org_group_leadership")
        cls.user_conf = user("doc_conf", f"{emp},ops_org.ops_org_group_confidentiality")
        cls.user_outsider = user("doc_outsider", "base.group_user")
        cls.user_cleared = user("doc_cleared")
        cls.user_cleared_other = user("doc_cleared_other")
        cls.user_uncleared = user("doc_uncleared")
        cls.env.ref("ops_org.ops_org_group_leadership").users = cls.user_leader
        Employee = cls.env["hr.employee"]
        cls.emp_head = Employee.create({"name": "Head", "user_id": cls.user_head.id})
        cls.department = cls.env["hr.department"].create(
            {"name": "Content Lab", "manager_id": cls.emp_head.id}
        )
        cls.other_department = cls.env["hr.department"].create({"name": "Sales Floor"})
        cls.emp_head.department_id = cls.department
        Employee.create(
            {
                "name": "Staff",
                "user_id": cls.user_employee.id,
                "department_id": cls.department.id,
            }
        )
        Employee.create(
            {
                "name": "Other",
                "user_id": cls.user_other.id,
                "department_id": cls.other_department.id,
            }
        )
        Employee.create(
            {
                "name": "Admin",
                "user_id": cls.user_admin.id,
                "department_id": cls.department.id,
            }
        )
        cls.cleared_employee(cls.user_cleared, "secret")
        cls.cleared_employee(cls.user_cleared_other, "secret")
        cls.cleared_employee(cls.user_admin, "secret")
        Employee.create({"name": "Uncleared", "user_id": cls.user_uncleared.id})

    @classmethod
    def cleared_employee(cls, user, clearance):
        employee = user.employee_ids[:1] or cls.env["hr.employee"].create(
            {"name": user.name, "user_id": user.id}
        )
        cls.env["ops.nda"].create(
            {"employee_id": employee.id, "date_signed": date.today() - timedelta(days=30)}
        )
        employee.ops_clearance = clearance
        return employee

    @classmethod
    def make_document(cls, name="Expense regulation", content=PLAIN, **vals):
        """A draft document with a first version, drafted by ``user_admin``."""
        document = (
            cls.env["ops.document"]
            .with_user(cls.user_admin)
            .create(dict({"name": name, "department_id": cls.department.id}, **vals))
        )
        cls.env["ops.document.version"].with_user(cls.user_admin).create(
            {
                "document_id": document.id,
                "file": base64.b64encode(content),
                "file_name": "document.txt",
                "change_note": "First issue.",
            }
        )
        return document.with_env(cls.env)

    @classmethod
    def approve(cls, document):
        document.with_user(cls.user_admin).action_submit()
        document.with_user(cls.user_head)._ops_approve()
        approver = cls.user_leader if document.kind == "regulation" else cls.user_admin_2
        document.with_user(approver)._ops_approve()

    @classmethod
    def publish(cls, document):
        cls.approve(document)
        document.with_user(cls.user_admin).action_publish()
        return document

    def destroyed(self):
        """A published document destroyed on a request of administration
        approved by Leadership: (document, request)."""
        document = self.publish(self.make_document())
        request = (
            self.env["ops.document.destruction"]
            .with_user(self.user_admin)
            .create({"document_id": document.id, "reason": "Retention over"})
        )
        request.action_submit()
        request.with_user(self.user_leader)._ops_approve()
        return document, request
