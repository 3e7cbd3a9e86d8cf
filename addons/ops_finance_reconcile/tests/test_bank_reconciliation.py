# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.tests import Form, tagged
from odoo.tools import file_open

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.ops_finance.tests.test_ops_expense import ExpenseCommon

# What a Chinese bank's online banking exports (交易明细), in GB18030: the
# reimbursement paid to the employee, then rent nobody planned. The browser
# tour of ops_suite uploads the same file.
STATEMENT_PATH = "ops_finance_reconcile/static/tests/statement_cn_bank.csv"


@tagged("post_install", "-at_install")
class TestClaimToBank(ExpenseCommon):
    """The path of a reimbursement to the bank under Odoo's default set-up
    (payments post to the outstanding accounts until the bank statement
    settles them): the expense report paid with the purpose the payment
    wizard proposes, the bank statement imported from the bank's CSV file
    with the shipped mapping, its line reconciled on OCA's screen with the
    payment, and the cash plan's actual taken from the bank movement under
    the payment's purpose."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bank = cls.company_data["default_journal_bank"]
        cls.reimbursement = cls.env.ref("ops_finance.ops_fund_purpose_expense_reimbursement")
        cls.rent = cls.env.ref("ops_finance.ops_fund_purpose_rent_office")
        cls.mapping = cls.env.ref("ops_finance_reconcile.statement_mapping_cn_bank_csv")
        plan = (
            cls.env["ops.cash.plan"]
            .with_user(cls.user_finance)
            .create(
                {
                    "month": "2027-02-01",
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "direction": "expense",
                                "fund_purpose_id": cls.reimbursement.id,
                                "planned_amount": 500.0,
                            },
                        )
                    ],
                }
            )
        )
        plan.with_user(cls.user_finance).action_submit()
        plan.with_user(cls.user_leader)._ops_approve()
        cls.plan = plan

    def _pay_claim(self):
        sheet = self.make_sheet(amount=120.0, day="2027-02-05")
        self.submit(sheet)
        self.run_chain(sheet)
        sheet.with_user(self.user_finance).action_sheet_move_post()
        action = sheet.with_user(self.user_finance).action_register_payment()
        form = Form(
            self.env["account.payment.register"]
            .with_user(self.user_finance)
            .with_context(**action["context"])
        )
        self.assertEqual(form.ops_fund_purpose_id, self.reimbursement, "proposed")
        form.journal_id = self.bank
        form.payment_date = "2027-02-12"
        form.save().action_create_payments()
        payment = self.env["account.payment"].search(
            [("journal_id", "=", self.bank.id), ("date", "=", "2027-02-12")]
        )
        self.assertEqual(len(payment), 1)
        return sheet, payment

    @staticmethod
    def _statement():
        with file_open(STATEMENT_PATH, "rb") as statement:
            return statement.read()

    def _import(self):
        wizard = (
            self.env["account.statement.import"]
            .with_user(self.user_finance)
            .with_context(journal_id=self.bank.id)
            .create(
                {
                    "statement_filename": "交易明细.csv",
                    "statement_file": base64.b64encode(self._statement()),
                    "sheet_mapping_id": self.mapping.id,
                }
            )
        )
        wizard.import_file_button()
        return self.env["account.bank.statement.line"].search(
            [("journal_id", "=", self.bank.id)], order="date, id"
        )

    def _reconcile(self, line, payment):
        """On OCA's reconciliation form, as finance: the payment's
        outstanding line added to the bank line, then Reconcile."""
        line = line.with_user(self.user_finance)
        with Form(
            line, view="account_reconcile_oca.bank_statement_line_form_reconcile_view"
        ) as form:
            form.add_account_move_line_id = payment.move_id.line_ids.filtered(
                lambda ln: ln.account_id != payment.destination_account_id
            )
        line.reconcile_bank_line()

    def _figure(self, purpose, name):
        self.plan.invalidate_recordset()
        line = self.plan.line_ids.filtered(lambda ln: ln.fund_purpose_id == purpose)
        return line[name]

    def test_reimbursement_from_claim_to_bank(self):
        sheet, payment = self._pay_claim()
        self.assertEqual(payment.ops_fund_purpose_id, self.reimbursement)
        self.assertIn(sheet.payment_state, ("in_payment", "paid"))
        self.assertFalse(payment.is_matched, "not on the bank yet")
        self.assertEqual(self._figure(self.reimbursement, "actual_amount"), 0.0)
        self.assertEqual(self._figure(self.reimbursement, "outstanding_amount"), 120.0)
        self.assertEqual(self.plan.outstanding_expense, 120.0)
        self.assertFalse(
            payment.message_ids.filtered(lambda m: "cash plan" in (m.body or "")),
            "planned: not flagged",
        )

        lines = self._import()
        self.assertEqual(lines.mapped("amount"), [-120.0, -3000.0])
        self.assertEqual(lines[0].partner_name, "Employee")
        self._reconcile(lines[0], payment)
        self.assertTrue(lines[0].is_reconciled)
        self.assertTrue(payment.is_matched)
        self.assertEqual(lines[0].ops_fund_purpose_id, self.reimbursement, "taken from it")
        self.assertEqual(self._figure(self.reimbursement, "actual_amount"), 120.0)
        self.assertEqual(self._figure(self.reimbursement, "outstanding_amount"), 0.0)
        self.assertEqual(self.plan.outstanding_expense, 0.0)
        self.assertEqual(sheet.payment_state, "paid")

    def test_off_plan_payment_is_flagged(self):
        payment = (
            self.env["account.payment"]
            .with_user(self.user_finance)
            .create(
                {
                    "payment_type": "outbound",
                    "partner_type": "supplier",
                    "partner_id": self.partner_a.id,
                    "amount": 3000.0,
                    "date": "2027-02-13",
                    "journal_id": self.bank.id,
                    "ops_fund_purpose_id": self.rent.id,
                }
            )
        )
        payment.action_post()
        self.assertTrue(
            payment.message_ids.filtered(lambda m: "No approved cash plan" in (m.body or ""))
        )
        rent_line = self._import()[1]
        self._reconcile(rent_line, payment)
        self.assertEqual(rent_line.ops_fund_purpose_id, self.rent)


@tagged("post_install", "-at_install")
class TestClaimToBankChineseChart(TestClaimToBank):
    """The same on a company in China, in CNY, on Odoo's Chinese chart."""

    @classmethod
    @AccountTestInvoicingCommon.setup_country("cn")
    def setUpClass(cls):
        # The set-up installs l10n_cn beside the suite (no addon depends on it).
        super().setUpClass()

    def test_on_the_chinese_chart(self):
        self.assertEqual(self.env.company.currency_id.name, "CNY")
        self.assertIn(self.env.company.chart_template, ("cn", "cn_large_bis"))
