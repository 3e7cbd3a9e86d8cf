# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data of the month's bank (only called by demo/bank_statement_demo.xml):
finance pays the approved demo expense report from the bank, imports the
bank's CSV export of the month with the shipped mapping and reconciles the
reimbursement; the other lines wait for finance."""

import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# A transaction id prefix that no real bank uses: the demo runs once.
DEMO_ID = "XHDEMO"


class OpsFinanceReconcileDemo(models.AbstractModel):
    _name = "ops.finance.reconcile.demo"
    _description = "Demo data: the month's bank statement"

    @api.model
    def _ops_demo_populate(self, finance):
        company = self.env.ref("base.main_company")
        finance = self.env["res.users"].browse(finance)
        bank = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        StatementLine = self.env["account.bank.statement.line"]
        if not bank or StatementLine.search_count(
            [("journal_id", "=", bank.id), ("unique_import_id", "like", DEMO_ID)]
        ):
            return True
        sheet = self.env["hr.expense.sheet"].search(
            [
                ("company_id", "=", company.id),
                ("name", "=like", "[演示]%"),
                ("state", "=", "approve"),
            ],
            limit=1,
        )
        if not sheet:
            return True
        today = fields.Date.context_today(self)
        day = max(today - timedelta(days=1), today + relativedelta(day=1))
        # Finance names the bank's payment methods in its language (Odoo
        # names them once, in the language of the installation): the label
        # of every payment line carries it.
        for method_line in (
            bank.inbound_payment_method_line_ids | bank.outbound_payment_method_line_ids
        ):
            method_line.with_user(finance).name = method_line.payment_method_id.with_context(
                lang=finance.lang
            ).name
        # Finance pays the claim as from the expense report, with the
        # purpose the payment wizard proposes (expense reimbursement).
        sheet = sheet.with_user(finance)
        sheet.action_sheet_move_post()
        action = sheet.action_register_payment()
        self.env["account.payment.register"].with_user(finance).with_context(
            **action["context"]
        ).create({"journal_id": bank.id, "payment_date": day}).action_create_payments()
        payment = sheet.account_move_ids.line_ids.matched_debit_ids.debit_move_id.payment_id
        payment |= sheet.account_move_ids.line_ids.matched_credit_ids.credit_move_id.payment_id
        # The bank's export (交易明细) of the day: the reimbursement, a
        # customer's payment, the utilities and the bank's fee.
        balance = sum(
            self.env["account.move.line"]
            .search(
                [("account_id", "=", bank.default_account_id.id), ("parent_state", "=", "posted")]
            )
            .mapped("balance")
        )
        rows = [
            (
                "网银转账",
                sheet.employee_id.name,
                "6222020200112233",
                0.0,
                sheet.total_amount,
                "报销",
            ),
            ("网银转账", "星光文旅发展有限公司", "1100123456789012", 85000.0, 0.0, "直播服务费"),
            ("代扣", "北京朝阳物业管理有限公司", "0200987654321000", 0.0, 3260.0, "水电费"),
            ("收费", "", "", 0.0, 25.0, "跨行转账手续费"),
        ]
        lines = ["交易日期,交易流水号,摘要,对方户名,对方账号,收入金额,支出金额,余额,用途"]
        for index, (summary, name, number, income, expense, purpose) in enumerate(rows, 1):
            balance += income - expense
            lines.append(
                f"{day:%Y%m%d},{DEMO_ID}{day:%Y%m%d}{index:03d},{summary},{name},{number},"
                f'"{income:,.2f}","{expense:,.2f}","{balance:,.2f}",{purpose}'.replace('"0.00"', "")
            )
        wizard = (
            self.env["account.statement.import"]
            .with_user(finance)
            .with_context(journal_id=bank.id)
            .create(
                {
                    "statement_filename": f"交易明细_{day:%Y%m%d}.csv",
                    "statement_file": base64.b64encode("\n".join(lines).encode("gb18030")),
                    "sheet_mapping_id": self.env.ref(
                        "ops_finance_reconcile.statement_mapping_cn_bank_csv"
                    ).id,
                }
            )
        )
        wizard.import_file_button()
        # OCA's reconciliation model matched the reimbursement with the
        # payment at the import (same partner and amount); else finance does
        # on OCA's screen: the payment's outstanding line added, Reconcile.
        line = StatementLine.with_user(finance).search(
            [
                ("journal_id", "=", bank.id),
                ("unique_import_id", "like", f"%{DEMO_ID}{day:%Y%m%d}001%"),
            ],
            limit=1,
        )
        outstanding = payment.move_id.line_ids.filtered(
            lambda ml: ml.account_id != payment.destination_account_id
        )
        if line and not line.is_reconciled and outstanding:
            line._add_account_move_line(outstanding)
            line.reconcile_bank_line()
        return True
