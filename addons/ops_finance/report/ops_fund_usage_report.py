# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class OpsFundUsageReport(models.Model):
    """Fund-usage monitoring (资金使用, policy §六(三)3): every outgoing
    movement of the bank and cash accounts (posted credit) with three flags:
    its entry has no fund purpose; no approved cash plan of its month plans
    that purpose; the purpose's outgoing movements of the month exceed what
    the approved plan planned for it."""

    _name = "ops.fund.usage.report"
    _description = "Fund Usage Monitoring"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "move_id"
    _ops_harmless_methods = ("action_open_move",)
    _depends = {
        "account.move.line": [
            "move_id",
            "journal_id",
            "account_id",
            "partner_id",
            "date",
            "company_id",
            "name",
            "credit",
            "parent_state",
        ],
        "account.move": ["ops_fund_purpose_id", "state"],
        "account.account": ["account_type"],
        "ops.cash.plan": ["company_id", "month", "state"],
        "ops.cash.plan.line": ["plan_id", "fund_purpose_id", "direction", "planned_amount"],
    }

    move_line_id = fields.Many2one("account.move.line", string="Journal Item", readonly=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True)
    journal_id = fields.Many2one("account.journal", readonly=True)
    account_id = fields.Many2one("account.account", readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True)
    date = fields.Date(readonly=True)
    month = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    fund_purpose_id = fields.Many2one("ops.fund.purpose", readonly=True)
    label = fields.Char(readonly=True)
    amount = fields.Monetary(string="Outgoing", readonly=True)
    planned_amount = fields.Monetary(
        string="Planned for the Purpose",
        readonly=True,
        help="Expense planned for this fund purpose by the approved cash plan of the month.",
    )
    spent_amount = fields.Monetary(
        string="Spent on the Purpose",
        readonly=True,
        help="All outgoing movements of this fund purpose in the month.",
    )
    no_purpose = fields.Boolean(string="No Fund Purpose", readonly=True)
    unplanned = fields.Boolean(string="Not in the Cash Plan", readonly=True)
    over_plan = fields.Boolean(string="Beyond the Plan", readonly=True)
    flagged = fields.Boolean(readonly=True)

    @property
    def _table_query(self):
        return """
            WITH outflow AS (
                SELECT aml.id,
                       aml.move_id,
                       aml.journal_id,
                       aml.account_id,
                       aml.partner_id,
                       aml.date,
                       date_trunc('month', aml.date)::date AS month,
                       aml.company_id,
                       m.ops_fund_purpose_id AS fund_purpose_id,
                       aml.name AS label,
                       aml.credit AS amount
                  FROM account_move_line aml
                  JOIN account_account acc
                    ON acc.id = aml.account_id AND acc.account_type = 'asset_cash'
                  JOIN account_move m ON m.id = aml.move_id
                 WHERE aml.parent_state = 'posted' AND aml.credit > 0
            ),
            planned AS (
                SELECT p.company_id, p.month, l.fund_purpose_id,
                       SUM(l.planned_amount) AS planned_amount
                  FROM ops_cash_plan_line l
                  JOIN ops_cash_plan p ON p.id = l.plan_id AND p.state = 'approved'
                 WHERE l.direction = 'expense'
                 GROUP BY p.company_id, p.month, l.fund_purpose_id
            ),
            spent AS (
                SELECT company_id, month, fund_purpose_id, SUM(amount) AS spent_amount
                  FROM outflow
                 WHERE fund_purpose_id IS NOT NULL
                 GROUP BY company_id, month, fund_purpose_id
            )
            SELECT o.id,
                   o.id AS move_line_id,
                   o.move_id,
                   o.journal_id,
                   o.account_id,
                   o.partner_id,
                   o.date,
                   o.month,
                   o.company_id,
                   o.fund_purpose_id,
                   o.label,
                   o.amount,
                   COALESCE(pl.planned_amount, 0.0) AS planned_amount,
                   COALESCE(s.spent_amount, 0.0) AS spent_amount,
                   o.fund_purpose_id IS NULL AS no_purpose,
                   o.fund_purpose_id IS NOT NULL AND pl.fund_purpose_id IS NULL AS unplanned,
                   pl.fund_purpose_id IS NOT NULL
                       AND s.spent_amount > pl.planned_amount AS over_plan,
                   o.fund_purpose_id IS NULL
                       OR pl.fund_purpose_id IS NULL
                       OR s.spent_amount > pl.planned_amount AS flagged
              FROM outflow o
              LEFT JOIN planned pl
                ON pl.company_id = o.company_id
               AND pl.month = o.month
               AND pl.fund_purpose_id = o.fund_purpose_id
              LEFT JOIN spent s
                ON s.company_id = o.company_id
               AND s.month = o.month
               AND s.fund_purpose_id = o.fund_purpose_id
        """

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "views": [(False, "form")],
        }
