# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.2.0 sets the bonus accounts from the Chinese charts: companies
    of an existing installation on them get what a new installation gets
    (accounts already chosen are kept)."""
    env["account.chart.template"]._ops_set_bonus_defaults()
