# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Companies whose chart was loaded before this addon get the bonus
    accounts their chart provides (the Chinese charts)."""
    env["account.chart.template"]._ops_set_bonus_defaults(env["res.company"].search([]))
