# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import calendar
from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

MONTHS = [(str(m), calendar.month_name[m]) for m in range(1, 13)]
INCOME_TYPES = ("income", "income_other")


class OpsBudgetLine(models.Model):
    """A budgeted amount for one account, one department (its cost centre)
    and one month; measured against the posted journal items booked on that
    account and cost centre in that month (policy §六(一)2)."""

    _name = "ops.budget.line"
    _ops_classified_by = "budget_id"  # confidentiality follows it (ops_org base)
    _description = "Budget Line"
    _inherit = ["ops.workflow.mixin"]
    _order = "budget_id, department_id, account_id, date_from"

    # No state of its own (its budget's rules it): the alert level is the
    # budget alert cron's note of what it notified.
    _ops_state_field = False
    _ops_workflow_fields = ("alert_level",)
    _ops_harmless_methods = ("action_open_journal_items",)

    department_budget_id = fields.Many2one(
        "ops.budget.department", required=True, ondelete="cascade", index=True
    )
    budget_id = fields.Many2one(
        related="department_budget_id.budget_id", store=True, index=True, string="Budget"
    )
    department_id = fields.Many2one(
        related="department_budget_id.department_id", store=True, index=True
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Cost Centre",
        compute="_compute_analytic_account_id",
        store=True,
        readonly=False,
        index=True,
    )
    company_id = fields.Many2one(related="budget_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    account_id = fields.Many2one(
        "account.account",
        required=True,
        index=True,
        check_company=True,
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost', "
        "'expense_depreciation', 'income', 'income_other'))]",
    )
    name = fields.Char(string="Description")
    month = fields.Selection(MONTHS, required=True)
    date_from = fields.Date(compute="_compute_dates", store=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    planned_amount = fields.Monetary(string="Planned", ops_min=0)
    adjustment_line_ids = fields.One2many(
        "ops.budget.adjustment.line", "budget_line_id", string="Adjustment Lines"
    )
    adjusted_amount = fields.Monetary(
        string="Adjustments", compute="_compute_current_amount", store=True
    )
    current_amount = fields.Monetary(
        string="Current Budget", compute="_compute_current_amount", store=True
    )
    actual_amount = fields.Monetary(string="Actual", compute="_compute_execution")
    committed_amount = fields.Monetary(string="Committed", compute="_compute_execution")
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_execution")
    variance_amount = fields.Monetary(string="Variance", compute="_compute_execution")
    alert_level = fields.Float(
        string="Alerted at (%)",
        readonly=True,
        copy=False,
        help="The highest alert threshold already notified for this line.",
    )
    consumption = fields.Float(
        string="Consumed (%)", compute="_compute_execution", aggregator="avg"
    )

    _sql_constraints = [
        (
            "line_uniq",
            "unique(department_budget_id, account_id, month)",
            "A department budgets an account once per month.",
        )
    ]

    @api.depends("department_budget_id.department_id.ops_analytic_account_id")
    def _compute_analytic_account_id(self):
        for line in self:
            if not line.analytic_account_id:
                line.analytic_account_id = (
                    line.department_budget_id.department_id.sudo()._ops_cost_centre()
                )

    @api.depends("budget_id.year", "month")
    def _compute_dates(self):
        for line in self:
            if line.budget_id.year and line.month:
                year, month = line.budget_id.year, int(line.month)
                line.date_from = date(year, month, 1)
                line.date_to = date(year, month, calendar.monthrange(year, month)[1])
            else:
                line.date_from = line.date_to = False

    @api.depends("planned_amount", "adjustment_line_ids.applied", "adjustment_line_ids.amount")
    def _compute_current_amount(self):
        for line in self:
            line.adjusted_amount = sum(
                line.adjustment_line_ids.filtered("applied").mapped("amount")
            )
            line.current_amount = line.planned_amount + line.adjusted_amount

    def _compute_execution(self):
        actuals = self._ops_actuals()
        commitments = self._ops_commitments()
        for line in self:
            key = line._ops_key()
            actual = actuals.get(key, 0.0)
            committed = commitments.get(key, 0.0)
            if line.account_id.account_type in INCOME_TYPES:
                actual, committed = -actual, -committed
            line.actual_amount = actual
            line.committed_amount = committed
            line.remaining_amount = line.current_amount - actual - committed
            line.variance_amount = line.current_amount - actual
            line.consumption = (
                100.0 * (actual + committed) / line.current_amount if line.current_amount else 0.0
            )

    @api.constrains("planned_amount")
    def _check_planned_amount(self):
        for line in self:
            if line.planned_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(department)s, %(account)s: a budget line cannot be negative.",
                        department=line.department_id.name,
                        account=line.account_id.display_name,
                    )
                )

    @api.constrains("date_from", "company_id")
    def _check_open_period(self):
        for line in self:
            company = line.company_id
            locked = max(
                filter(None, [company.fiscalyear_lock_date, company.hard_lock_date]),
                default=None,
            )
            if locked and line.date_from and line.date_from <= locked:
                raise ValidationError(
                    self.env._(
                        "%(month)s %(year)s is in a closed accounting period (locked up to "
                        "%(date)s): it cannot be budgeted.",
                        month=dict(MONTHS)[line.month],
                        year=line.budget_id.year,
                        date=locked,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        parts = self.env["ops.budget.department"].browse(
            [vals["department_budget_id"] for vals in vals_list if vals.get("department_budget_id")]
        )
        parts._ops_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.department_budget_id._ops_check_editable()
        return super().write(vals)

    def unlink(self):
        self.department_budget_id._ops_check_editable()
        return super().unlink()

    # -- execution ---------------------------------------------------------

    def _ops_key(self):
        return (self.account_id.id, self.analytic_account_id.id, self.date_from)

    def _ops_scope(self):
        lines = self.filtered(lambda line: line.date_from and line.analytic_account_id)
        if not lines:
            return None
        return {
            "companies": tuple(lines.company_id.ids),
            "accounts": list(set(lines.account_id.ids)),
            "analytics": list(set(lines.analytic_account_id.ids)),
            "date_from": min(lines.mapped("date_from")),
            "date_to": max(lines.mapped("date_to")),
        }

    def _ops_actuals(self):
        """{(account, cost centre, month): balance} of the posted journal
        items of these lines' accounts and cost centres, each item counted
        for its analytic share. One query for the whole recordset."""
        scope = self._ops_scope()
        if not scope:
            return {}
        self.env["account.move.line"].flush_model(
            ["parent_state", "company_id", "account_id", "date", "balance", "analytic_distribution"]
        )
        self.env.cr.execute(
            """
            SELECT aml.account_id, cc.analytic_id, date_trunc('month', aml.date)::date,
                   SUM(aml.balance * dist.value::numeric / 100)
              FROM account_move_line aml
             CROSS JOIN LATERAL jsonb_each_text(aml.analytic_distribution) dist
             CROSS JOIN LATERAL unnest(string_to_array(dist.key, ',')::int[]) cc(analytic_id)
             WHERE aml.parent_state = 'posted'
               AND aml.company_id IN %(companies)s
               AND aml.account_id = ANY(%(accounts)s)
               AND aml.date BETWEEN %(date_from)s AND %(date_to)s
               AND cc.analytic_id = ANY(%(analytics)s)
             GROUP BY 1, 2, 3
            """,
            scope,
        )
        return {(a, c, m): float(v) for a, c, m, v in self.env.cr.fetchall()}

    def _ops_commitments(self):
        """{(account, cost centre, month): amount} of the expenses approved
        but not yet posted (policy: commitments count against the budget),
        each for what it will post to its expense account (recoverable tax
        goes to a tax account): the commitment becomes the same actual."""
        scope = self._ops_scope()
        if not scope:
            return {}
        expenses = (
            self.env["hr.expense"]
            .sudo()
            .search(
                [
                    ("sheet_id.state", "=", "approve"),
                    ("company_id", "in", scope["companies"]),
                    ("account_id", "in", scope["accounts"]),
                    ("date", ">=", scope["date_from"]),
                    ("date", "<=", scope["date_to"]),
                ]
            )
        )
        result = defaultdict(float)
        for expense in expenses:
            month = expense.date.replace(day=1)
            for key, share in (expense.analytic_distribution or {}).items():
                for analytic in str(key).split(","):
                    result[(expense.account_id.id, int(analytic), month)] += (
                        expense.ops_budget_amount * share / 100.0
                    )
        return result

    def action_open_journal_items(self):
        """The posted journal items behind the line's actual amount."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Journal Items"),
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "domain": [
                ("parent_state", "=", "posted"),
                ("company_id", "=", self.company_id.id),
                ("account_id", "=", self.account_id.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("analytic_distribution", "in", self.analytic_account_id.ids),
            ],
            "context": {"create": False},
        }
