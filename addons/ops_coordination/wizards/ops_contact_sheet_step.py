# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class OpsContactSheetStep(models.TransientModel):
    """Asks what a step of a contact sheet needs: the owner and the promised
    date to accept it, the reason to decline or reopen it. The step itself
    is the sheet's method, with its checks."""

    _name = "ops.contact.sheet.step"
    _description = "Contact Sheet Step"

    # Accepting, declining, reopening: the sheet's decisions, checked there.
    _ops_decision_methods = ("action_apply",)

    sheet_id = fields.Many2one("ops.contact.sheet", required=True, ondelete="cascade")
    step = fields.Selection(
        [("accept", "Accept"), ("decline", "Decline"), ("reopen", "Reopen")], required=True
    )
    receiving_department_id = fields.Many2one(related="sheet_id.receiving_department_id")
    owner_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False), "
        "('employee_ids.department_id', '=', receiving_department_id)]",
    )
    date_promised = fields.Date(string="Promised Date")
    reason = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        sheet = self.env["ops.contact.sheet"].browse(values.get("sheet_id"))
        if sheet and values.get("step") == "accept":
            values.setdefault("date_promised", sheet.date_requested)
        return values

    def action_apply(self):
        self.ensure_one()
        sheet = self.sheet_id
        if self.step == "accept":
            sheet.action_accept(owner_id=self.owner_id.id, date_promised=self.date_promised)
        elif self.step == "decline":
            sheet.action_decline(reason=self.reason)
        else:
            sheet.action_reopen(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
