# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_ops_expense import ExpenseCommon

PDF = b"%PDF-1.4\n% vendor bill 2027/0001\n%%EOF\n"


@tagged("post_install", "-at_install", "ops_access")
class TestFinanceAttachmentAccess(ExpenseCommon, HttpCase):
    """An expense receipt is read by the claimant and those who may read
    the claim; a vendor bill's PDF by those with accounting rights, never
    by a colleague asking for the file by id."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sheet = cls.make_sheet()
        cls.expense = cls.sheet.expense_line_ids
        cls.receipt = cls.env["ir.attachment"].search(
            [("res_model", "=", "hr.expense"), ("res_id", "=", cls.expense.id)]
        )
        cls.sheet_file = cls.env["ir.attachment"].create(
            {
                "name": "hotel.pdf",
                "raw": PDF,
                "res_model": "hr.expense.sheet",
                "res_id": cls.sheet.id,
            }
        )
        cls.bill = cls.init_invoice("in_invoice", products=cls.product_a, post=True)
        cls.bill_pdf = cls.env["ir.attachment"].create(
            {
                "name": "BILL-2027-0001.pdf",
                "raw": PDF,
                "mimetype": "application/pdf",
                "res_model": "account.move",
                "res_id": cls.bill.id,
            }
        )
        cls.colleague = cls.other_employee_user

    def read_as(self, user, attachment):
        return attachment.with_user(user).read(["name", "datas"])[0]

    # -- a colleague's expense receipt ----------------------------------------

    def test_claimant_reads_own_receipt(self):
        # hr_expense.ir_rule_hr_expense_employee: his own expense.
        self.assertEqual(len(self.receipt), 1)
        self.assertEqual(
            base64.b64decode(self.read_as(self.user_employee, self.receipt)["datas"]),
            b"receipt",
        )
        self.assertEqual(self.read_as(self.user_employee, self.sheet_file)["name"], "hotel.pdf")

    def test_colleague_cannot_read_receipt_through_the_orm(self):
        # hr_expense.ir_rule_hr_expense_employee: not his expense.
        for attachment in (self.receipt, self.sheet_file):
            attachment = attachment.with_user(self.colleague)
            self.assertFalse(attachment.has_access("read"))
            with self.assertRaises(AccessError):
                attachment.read(["name", "datas"])
            with self.assertRaises(AccessError):
                attachment.web_read({"name": {}, "datas": {}})
            self.assertFalse(
                attachment.search_read([("id", "=", attachment.id)], ["name", "datas"])
            )

    def test_claimant_downloads_own_receipt(self):
        self.authenticate("ops_employee", "ops_employee")
        for attachment, raw in ((self.receipt, b"receipt"), (self.sheet_file, PDF)):
            response = self.url_open(f"/web/content/{attachment.id}")
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.content, raw)

    @mute_logger("odoo.http")
    def test_colleague_cannot_download_receipt(self):
        self.authenticate("ops_sales_rep", "ops_sales_rep")
        for attachment, raw in ((self.receipt, b"receipt"), (self.sheet_file, PDF)):
            for url in (
                f"/web/content/{attachment.id}",
                f"/web/content/{attachment.id}?download=true",
                f"/web/image/{attachment.id}",
            ):
                response = self.url_open(url)
                self.assertNotEqual(response.content, raw, url)
            self.assertEqual(self.url_open(f"/web/content/{attachment.id}").status_code, 404)

    # -- a vendor bill's PDF ---------------------------------------------------

    def test_user_without_accounting_rights_cannot_read_bill_pdf(self):
        # No account.move right for a plain employee: Odoo's ACLs.
        self.assertFalse(self.env["account.move"].with_user(self.user_employee).has_access("read"))
        attachment = self.bill_pdf.with_user(self.user_employee)
        self.assertFalse(attachment.has_access("read"))
        with self.assertRaises(AccessError):
            attachment.read(["name", "datas"])
        self.assertFalse(attachment.search_read([("id", "=", attachment.id)], ["name"]))

    @mute_logger("odoo.http")
    def test_user_without_accounting_rights_cannot_download_bill_pdf(self):
        self.authenticate("ops_employee", "ops_employee")
        response = self.url_open(f"/web/content/{self.bill_pdf.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotEqual(response.content, PDF)

    def test_finance_downloads_bill_pdf(self):
        # account.group_account_invoice (implied by ops_org_group_finance).
        self.assertEqual(self.read_as(self.user_finance, self.bill_pdf)["name"], self.bill_pdf.name)
        self.authenticate("ops_finance", "ops_finance")
        response = self.url_open(f"/web/content/{self.bill_pdf.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PDF)
