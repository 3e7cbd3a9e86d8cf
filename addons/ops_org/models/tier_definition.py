# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

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
        string="Response Time (working days)",
        default=2,
        ops_min=0,
        ops_max=60,
        help="Working days on the company's calendar within which the reviewers decide "
        "once the step waits for them (policy: 及时 — promptly); the deadline of their "
        "approval activity. Past it they are reminded once, then the step goes to their "
        "own head and then to Leadership, who may decide in their place.",
    )
    ops_response_unit = fields.Selection(
        [("days", "Working Days"), ("hours", "Working Hours")],
        string="Response Time In",
        default="days",
        required=True,
    )
    ops_response_hours = fields.Float(
        string="Response Time (working hours)",
        default=4.0,
        ops_min=0.5,
        ops_max=400.0,
        help="Used when the response time is counted in working hours.",
    )
    ops_authority_note = fields.Char(
        string="Authority",
        translate=True,
        help="The rule of the policy this step implements, as users read it.",
    )

    def _ops_response_hours(self, calendar):
        """The response time of the step in working hours of ``calendar``."""
        self.ensure_one()
        if self.ops_response_unit == "hours":
            return self.ops_response_hours
        return (self.ops_deadline_days or 0) * (calendar.hours_per_day or 8.0)

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
