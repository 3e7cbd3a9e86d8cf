# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class OpsCareerPromotion(models.Model):
    """A promotion to the next level of a track: proposed for candidates
    who meet its requirements, or by HR who may override the requirements
    with a logged reason."""

    _name = "ops.career.promotion"
    _description = "Promotion"
    _inherit = ["mail.thread"]
    _order = "state, create_date desc, id desc"
    _rec_name = "employee_id"

    position_id = fields.Many2one(
        "ops.career.position", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="position_id.employee_id", store=True)
    track_id = fields.Many2one(related="position_id.track_id", store=True)
    from_level_id = fields.Many2one("ops.career.level", readonly=True)
    to_level_id = fields.Many2one(
        "ops.career.level",
        required=True,
        domain="[('track_id', '=', track_id)]",
        tracking=True,
    )
    missing_requirements = fields.Text(compute="_compute_missing")
    requirements_met = fields.Boolean(compute="_compute_missing")
    promotion_priority = fields.Boolean(related="position_id.promotion_priority")
    override = fields.Boolean(
        string="Override Requirements",
        tracking=True,
        help="HR promotes although requirements are missing; the reason is logged.",
    )
    override_reason = fields.Text(tracking=True)
    override_user_id = fields.Many2one("res.users", string="Overridden By", readonly=True)
    state = fields.Selection(
        [("candidate", "Candidate"), ("done", "Promoted"), ("cancelled", "Cancelled")],
        default="candidate",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_done = fields.Date(string="Promoted On", readonly=True)
    company_id = fields.Many2one(related="position_id.company_id", store=True, index=True)

    @api.depends("to_level_id", "position_id.date_start")
    def _compute_missing(self):
        for promotion in self:
            missing = (
                promotion.to_level_id._ops_missing_requirements(
                    promotion.employee_id, promotion.position_id.date_start
                )
                if promotion.to_level_id
                else []
            )
            promotion.missing_requirements = "\n".join(missing)
            promotion.requirements_met = not missing

    @api.model_create_multi
    def create(self, vals_list):
        positions = self.env["ops.career.position"].browse(
            [vals["position_id"] for vals in vals_list]
        )
        for vals, position in zip(vals_list, positions, strict=True):
            vals.setdefault("from_level_id", position.level_id.id)
        return super().create(vals_list)

    def action_promote(self):
        if not self.env.user.has_group("ops_org.ops_org_group_hr"):
            raise UserError(self.env._("HR promotes employees."))
        for promotion in self:
            if promotion.state != "candidate":
                raise UserError(self.env._("This promotion was already decided."))
            position = promotion.position_id
            if promotion.to_level_id not in position.track_id.level_ids or (
                promotion.to_level_id.sequence,
                promotion.to_level_id.id,
            ) <= (position.level_id.sequence, position.level_id.id):
                raise UserError(
                    self.env._(
                        "%(level)s is not above the current level %(current)s.",
                        level=promotion.to_level_id.name,
                        current=position.level_id.name,
                    )
                )
            missing = promotion.missing_requirements
            if missing:
                if not promotion.override:
                    raise UserError(
                        self.env._(
                            "%(employee)s does not meet the requirements of %(level)s:\n"
                            "%(missing)s\nHR may override them with a reason.",
                            employee=promotion.employee_id.name,
                            level=promotion.to_level_id.name,
                            missing=missing,
                        )
                    )
                if not (promotion.override_reason or "").strip():
                    raise UserError(self.env._("Give the reason for overriding the requirements."))
                promotion.override_user_id = self.env.user
                promotion.message_post(
                    body=self.env._(
                        "Requirements overridden by %(user)s: %(reason)s. Missing: %(missing)s",
                        user=self.env.user.name,
                        reason=promotion.override_reason,
                        missing=missing.replace("\n", "; "),
                    )
                )
            position.write(
                {
                    "level_id": promotion.to_level_id.id,
                    "date_start": fields.Date.context_today(self),
                }
            )
            promotion.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self.filtered(lambda p: p.state == "candidate").write({"state": "cancelled"})
        return True
