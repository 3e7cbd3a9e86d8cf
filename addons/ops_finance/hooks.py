# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Companies whose Chinese chart was loaded before this addon get the
    accounts of the expense categories."""
    env["account.chart.template"]._ops_set_expense_accounts(env["res.company"].search([]))
