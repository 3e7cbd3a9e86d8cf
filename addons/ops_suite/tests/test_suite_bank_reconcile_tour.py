# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Finance reconciles the bank in Chinese at a desktop: the statement a
Chinese bank exports as CSV imported with OCA's wizard, and its line
reconciled with an expense reimbursement on OCA's reconciliation screen.

The tour lives with the suite (not in ops_finance_reconcile) because it
takes its screenshots with the suite's browser (``test_suite_tours``)."""

from unittest.mock import patch

from odoo.tests import Form, HttpCase, common, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.ops_finance.tests.test_ops_expense import ExpenseCommon
from odoo.addons.ops_suite.tests import test_suite_tours

# The modules whose Chinese the screens of the tour show.
SCREEN_MODULES = (
    "base",
    "web",
    "mail",
    "account",
    "l10n_cn",
    "hr_expense",
    "account_statement_base",
    "account_statement_import_base",
    "account_statement_import_file",
    "account_statement_import_sheet_file",
    "account_reconcile_model_oca",
    "account_reconcile_oca",
)


@tagged("post_install", "-at_install", "ops_tour")
class TestSuiteBankReconcileTour(ExpenseCommon, HttpCase):
    """A company in China, in CNY, on Odoo's Chinese chart, with a bank
    journal named after its bank; the expense reimbursement paid from it
    and waiting on the outstanding account; finance speaking Chinese."""

    @classmethod
    @AccountTestInvoicingCommon.setup_country("cn")
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search(
            [
                "|",
                ("name", "=like", "ops_%"),
                ("name", "in", SCREEN_MODULES),
                ("state", "=", "installed"),
            ]
        )._update_translations("zh_CN")
        cls.user_finance.lang = "zh_CN"
        cls.bank = cls.company_data["default_journal_bank"]
        # The tour finds the journal's card by this name.
        for lang in ("en_US", "zh_CN"):
            cls.bank.with_context(lang=lang).name = "招商银行"
        cls.reimbursement = cls.env.ref("ops_finance.ops_fund_purpose_expense_reimbursement")

    def _pay_claim(self):
        """The claim approved along its chain and paid from the bank with
        the purpose the payment wizard proposes."""
        sheet = self.make_sheet(amount=120.0, day="2027-02-05")
        self.submit(sheet)
        self.run_chain(sheet)
        finance = self.user_finance
        sheet.with_user(finance).action_sheet_move_post()
        action = sheet.with_user(finance).action_register_payment()
        form = Form(
            self.env["account.payment.register"]
            .with_user(finance)
            .with_context(**action["context"])
        )
        form.journal_id = self.bank
        form.payment_date = "2027-02-12"
        form.save().action_create_payments()
        payment = self.env["account.payment"].search([("journal_id", "=", self.bank.id)])
        self.assertEqual(len(payment), 1)
        self.assertEqual(payment.ops_fund_purpose_id, self.reimbursement)
        return sheet, payment

    def test_statement_imported_and_reimbursement_reconciled_in_chinese(self):
        sheet, payment = self._pay_claim()
        Line = self.env["account.bank.statement.line"]
        self.assertFalse(Line.search([("journal_id", "=", self.bank.id)]))
        self.assertFalse(payment.is_matched)

        shot = test_suite_tours.screenshot_dir() / "bank_reconcile_zh_CN.png"
        shot.unlink(missing_ok=True)
        self.ops_lang = "zh_CN"
        self.browser_size = "1366x768"
        with patch.object(common, "ChromeBrowser", test_suite_tours.ScreenshotBrowser):
            self.start_tour(
                "/odoo/action-account.open_account_journal_dashboard_kanban",
                "ops_suite_bank_reconcile",
                login=self.user_finance.login,
                timeout=120,
            )

        lines = Line.search([("journal_id", "=", self.bank.id)], order="date, id")
        self.assertEqual(lines.mapped("amount"), [-120.0, -3000.0])
        self.assertEqual(lines.mapped("partner_name"), ["Employee", "物业公司"])
        # Through the wizard: the uploaded file is kept on the statement.
        self.assertEqual(lines.statement_id.attachment_ids.mapped("name"), ["交易明细.csv"])
        reimbursement, rent = lines
        self.assertTrue(reimbursement.is_reconciled)
        self.assertFalse(rent.is_reconciled, "only the reimbursement was reconciled")
        self.assertTrue(payment.is_matched)
        self.assertEqual(reimbursement.ops_fund_purpose_id, self.reimbursement)
        self.assertEqual(sheet.payment_state, "paid")
        self.assertTrue(shot.exists())
