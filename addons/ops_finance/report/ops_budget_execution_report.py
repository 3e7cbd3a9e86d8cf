# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.osv import expression

INCOME_TYPES = "('income', 'income_other')"


class OpsBudgetExecutionReport(models.Model):
    """Budget execution by department, account and month (policy §六(一)2):
    the current amount of each approved budget line, the sum of the posted
    journal items on each department's cost centre (each item for its
    analytic share) and of the approved, unposted expenses (each for what it
    will post to its expense account). Every row opens the journal items
    behind it."""

    _name = "ops.budget.execution.report"
    _ops_classified_by = "budget_id"  # confidentiality follows it (ops_org base)
    _description = "Budget Execution Report"
    _auto = False
    _order = "date desc, department_id, account_id"
    _rec_name = "account_id"
    _ops_harmless_methods = ("action_open_journal_items",)

    kind = fields.Selection(
        [("budget", "Budget"), ("actual", "Actual"), ("commitment", "Commitment")],
        readonly=True,
    )
    budget_id = fields.Many2one("ops.budget", string="Annual Budget", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Cost Centre", readonly=True
    )
    account_id = fields.Many2one("account.account", readonly=True)
    date = fields.Date(readonly=True, help="First day of the month for budget rows.")
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget_amount = fields.Monetary(string="Budget", readonly=True)
    actual_amount = fields.Monetary(string="Actual", readonly=True)
    committed_amount = fields.Monetary(string="Committed", readonly=True)
    remaining_amount = fields.Monetary(string="Remaining", readonly=True)
    variance_amount = fields.Monetary(string="Variance", readonly=True)

    @property
    def _table_query(self):
        # Actual and committed amounts are summed per company, department,
        # cost centre, account and day inside the view: the report then
        # groups a few rows per day, and PostgreSQL pushes the filters on
        # company and date into the sums (on the journal items' own columns).
        return f"""
            SELECT l.id::bigint * 10 AS id,
                   'budget' AS kind,
                   l.budget_id,
                   l.department_id,
                   l.analytic_account_id,
                   l.account_id,
                   l.date_from AS date,
                   l.company_id,
                   l.current_amount AS budget_amount,
                   0.0 AS actual_amount,
                   0.0 AS committed_amount,
                   l.current_amount AS remaining_amount,
                   l.current_amount AS variance_amount
              FROM ops_budget_line l
              JOIN ops_budget b ON b.id = l.budget_id AND b.state = 'approved'
            UNION ALL
            SELECT (min(aml.id)::bigint * 1000000 + cc.analytic_id) * 10 + 1 AS id,
                   'actual' AS kind,
                   NULL::integer AS budget_id,
                   d.id AS department_id,
                   cc.analytic_id AS analytic_account_id,
                   aml.account_id,
                   aml.date,
                   aml.company_id,
                   0.0 AS budget_amount,
                   SUM(aml.balance * dist.value::numeric / 100 * acc.sign) AS actual_amount,
                   0.0 AS committed_amount,
                   -SUM(aml.balance * dist.value::numeric / 100 * acc.sign) AS remaining_amount,
                   -SUM(aml.balance * dist.value::numeric / 100 * acc.sign) AS variance_amount
              FROM account_move_line aml
              JOIN (
                    SELECT id,
                           CASE WHEN account_type IN {INCOME_TYPES} THEN -1 ELSE 1 END AS sign
                      FROM account_account
                   ) acc ON acc.id = aml.account_id
             CROSS JOIN LATERAL jsonb_each_text(aml.analytic_distribution) dist
             CROSS JOIN LATERAL unnest(string_to_array(dist.key, ',')::integer[])
                   cc(analytic_id)
              JOIN hr_department d ON d.ops_analytic_account_id = cc.analytic_id
             WHERE aml.parent_state = 'posted'
             GROUP BY aml.company_id, d.id, cc.analytic_id, aml.account_id, aml.date
            UNION ALL
            SELECT (min(ex.id)::bigint * 1000000 + cc.analytic_id) * 10 + 2 AS id,
                   'commitment' AS kind,
                   NULL::integer AS budget_id,
                   d.id AS department_id,
                   cc.analytic_id AS analytic_account_id,
                   ex.account_id,
                   ex.date,
                   ex.company_id,
                   0.0 AS budget_amount,
                   0.0 AS actual_amount,
                   SUM(ex.ops_budget_amount * dist.value::numeric / 100) AS committed_amount,
                   -SUM(ex.ops_budget_amount * dist.value::numeric / 100) AS remaining_amount,
                   0.0 AS variance_amount
              FROM hr_expense ex
              JOIN hr_expense_sheet sh ON sh.id = ex.sheet_id AND sh.state = 'approve'
             CROSS JOIN LATERAL jsonb_each_text(ex.analytic_distribution) dist
             CROSS JOIN LATERAL unnest(string_to_array(dist.key, ',')::integer[])
                   cc(analytic_id)
              JOIN hr_department d ON d.ops_analytic_account_id = cc.analytic_id
             GROUP BY ex.company_id, d.id, cc.analytic_id, ex.account_id, ex.date
        """

    def action_open_journal_items(self):
        """The posted journal items behind the selected rows: their account
        and cost centre on their day (in their month for budget rows)."""
        domains = []
        for row in self:
            if not row.analytic_account_id or not row.date:
                continue
            last = row.date + relativedelta(day=31) if row.kind == "budget" else row.date
            domains.append(
                [
                    ("company_id", "=", row.company_id.id),
                    ("account_id", "=", row.account_id.id),
                    ("date", ">=", row.date),
                    ("date", "<=", last),
                    ("analytic_distribution", "in", row.analytic_account_id.ids),
                ]
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Journal Items"),
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "domain": expression.AND(
                [[("parent_state", "=", "posted")], expression.OR(domains or [[(0, "=", 1)]])]
            ),
            "context": {"create": False},
        }
