# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class TierDefinition(models.Model):
    """The authority matrix: one tier definition per approval step.

    Addons ship their defaults as ``tier.definition`` data records
    (``noupdate="1"``, so an administrator's edits survive upgrades) and add
    their model to :meth:`_get_tier_validation_model_names`.
    """

    _inherit = "tier.definition"

    review_type = fields.Selection(
        selection_add=[("ops_department_head", "Department head of the requester")],
        ondelete={"ops_department_head": "set default"},
    )
    ops_deadline_days = fields.Integer(
        string="Days to Decide",
        default=2,
        help="Deadline of the reviewer's approval activity, in days from the "
        "moment the tier is waiting for them.",
    )
    ops_authority_note = fields.Char(
        string="Authority",
        translate=True,
        help="The rule of the policy this step implements, as users read it.",
    )

    @api.model
    def _ops_suite_model(self, model_name):
        return bool(
            model_name in self.env and getattr(self.env[model_name], "_ops_workflow", False)
        )

    @api.model_create_multi
    def create(self, vals_list):
        # The chains of the suite are decided in order (SPEC §5.1): every
        # step of a suite document waits for the one before it.
        for vals in vals_list:
            model = vals.get("model") or (
                self.env["ir.model"].browse(vals["model_id"]).model
                if vals.get("model_id")
                else False
            )
            if model and self._ops_suite_model(model):
                vals["approve_sequence"] = True
                vals["approve_sequence_bypass"] = False
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        ordered = self.filtered(
            lambda d: (
                self._ops_suite_model(d.model)
                and (not d.approve_sequence or d.approve_sequence_bypass)
            )
        )
        if ordered:
            super(TierDefinition, ordered).write(
                {"approve_sequence": True, "approve_sequence_bypass": False}
            )
        return res

    @api.onchange("review_type")
    def onchange_review_type(self):
        res = super().onchange_review_type()
        if self.review_type == "ops_department_head":
            self.reviewer_field_id = False
        return res
