# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade

from odoo import Command


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.2.0: classification follows ownership. A confidential or secret
    record classified without a need-to-know list could be read by nobody,
    its classifier and the confidentiality officers included: the officers
    now need to know each such record (they lower the level or name who
    needs to know). The rules of the records that follow a classified one
    are installed by the update itself (``ir.model.data._process_end``)."""
    officers = env.ref("ops_org.ops_org_group_confidentiality").users.filtered(
        lambda u: not u.share
    )
    if not officers:
        return
    Mixin = env["ops.confidentiality.mixin"]
    for name in sorted(env.registry):
        Model = env[name]
        if Model._abstract or not isinstance(Model, type(Mixin)):
            continue
        unreachable = Model.with_context(active_test=False).search(
            [
                ("ops_level_rank", ">=", 2),
                ("ops_need_to_know_user_ids", "=", False),
                ("ops_need_to_know_department_ids", "=", False),
            ]
        )
        if unreachable:
            unreachable.write({"ops_need_to_know_user_ids": [Command.link(u.id) for u in officers]})
