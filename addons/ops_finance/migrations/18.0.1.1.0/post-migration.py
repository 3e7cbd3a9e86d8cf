# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.1.0 brings the expense approval chain: the companies of an
    existing installation turn it on, as a new installation does."""
    env["res.company"]._ops_enable_expense_policy()
