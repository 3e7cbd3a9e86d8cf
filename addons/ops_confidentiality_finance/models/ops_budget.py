# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class OpsBudget(models.Model):
    """Budgets take the confidentiality classification (policy §七)."""

    _name = "ops.budget"
    _inherit = ["ops.budget", "ops.confidentiality.mixin"]

    ops_need_to_know_user_ids = fields.Many2many(
        relation="ops_budget_need_to_know_user_rel", column1="budget_id", column2="user_id"
    )
    ops_need_to_know_department_ids = fields.Many2many(
        relation="ops_budget_need_to_know_department_rel",
        column1="budget_id",
        column2="department_id",
    )


class OpsCashPlan(models.Model):
    """Monthly cash plans take the classification too: their lines follow."""

    _name = "ops.cash.plan"
    _inherit = ["ops.cash.plan", "ops.confidentiality.mixin"]

    ops_need_to_know_user_ids = fields.Many2many(
        relation="ops_cash_plan_need_to_know_user_rel", column1="plan_id", column2="user_id"
    )
    ops_need_to_know_department_ids = fields.Many2many(
        relation="ops_cash_plan_need_to_know_department_rel",
        column1="plan_id",
        column2="department_id",
    )
