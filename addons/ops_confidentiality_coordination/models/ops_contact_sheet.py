# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class OpsContactSheet(models.Model):
    """Work contact sheets take the confidentiality classification (policy
    §七): a sheet about a secret project or a customer's data is seen, told
    of, answered and carried out only by those cleared for its level who
    need to know (``ops_coordination`` asks ``_ops_cleared_users`` at each
    step)."""

    _name = "ops.contact.sheet"
    _inherit = ["ops.contact.sheet", "ops.confidentiality.mixin"]

    ops_need_to_know_user_ids = fields.Many2many(
        relation="ops_contact_sheet_need_to_know_user_rel",
        column1="sheet_id",
        column2="user_id",
    )
    ops_need_to_know_department_ids = fields.Many2many(
        relation="ops_contact_sheet_need_to_know_department_rel",
        column1="sheet_id",
        column2="department_id",
    )
