# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OpsCareerPosition(models.Model):
    """Where an employee stands on a career track, since when, and what
    the next level still asks of them."""

    _name = "ops.career.position"
    _description = "Career Position"
    _inherit = ["mail.thread"]
    _order = "track_id, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department", compute="_compute_team", store=True, index=True
    )
    manager_user_id = fields.Many2one(
        "res.users", string="Manager", compute="_compute_team", store=True, index=True
    )
    track_id = fields.Many2one("ops.career.track", required=True, tracking=True)
    level_id = fields.Many2one(
        "ops.career.level",
        required=True,
        tracking=True,
        domain="[('track_id', '=', track_id)]",
    )
    date_start = fields.Date(
        string="In Level Since",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    next_level_id = fields.Many2one("ops.career.level", compute="_compute_next")
    missing_requirements = fields.Text(compute="_compute_next")
    requirements_met = fields.Boolean(compute="_compute_next")
    promotion_priority = fields.Boolean(
        compute="_compute_next", help="The last published appraisal gives promotion priority."
    )
    promotion_ids = fields.One2many("ops.career.promotion", "position_id")
    company_id = fields.Many2one(related="track_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "employee_track_uniq",
            "unique(employee_id, track_id)",
            "An employee has one position per track.",
        )
    ]

    @api.depends("employee_id.parent_id.user_id", "employee_id.department_id")
    def _compute_team(self):
        for position in self:
            employee = position.employee_id.sudo()
            position.department_id = employee.department_id
            position.manager_user_id = (
                employee.parent_id.user_id or employee.department_id.manager_id.user_id
            )

    @api.depends("level_id", "date_start")
    def _compute_next(self):
        for position in self:
            next_level = position.level_id._next_level() if position.level_id else False
            missing = (
                next_level._ops_missing_requirements(position.employee_id, position.date_start)
                if next_level
                else []
            )
            position.next_level_id = next_level
            position.missing_requirements = "\n".join(missing)
            position.requirements_met = bool(next_level) and not missing
            appraisal = position.employee_id.sudo()._ops_last_appraisal()
            position.promotion_priority = appraisal.promotion_priority

    @api.constrains("track_id", "level_id")
    def _check_level_on_track(self):
        for position in self:
            if position.level_id.track_id != position.track_id:
                raise ValidationError(
                    self.env._(
                        "%(level)s is not a level of %(track)s.",
                        level=position.level_id.name,
                        track=position.track_id.name,
                    )
                )

    @api.model
    def _ops_find_candidates(self):
        """Propose a promotion for everyone who meets the next level's
        requirements and whose last appraisal gives promotion priority."""
        Promotion = self.env["ops.career.promotion"].sudo()
        positions = self.sudo().search([])
        open_positions = Promotion.search([("state", "=", "candidate")]).position_id
        candidates = positions.filtered(
            lambda p: p.requirements_met and p.promotion_priority and p not in open_positions
        )
        return Promotion.create(
            [{"position_id": p.id, "to_level_id": p.next_level_id.id} for p in candidates]
        )

    def action_find_candidates(self):
        self._ops_find_candidates()
        return self.env["ir.actions.act_window"]._for_xml_id(
            "ops_training.ops_career_promotion_action"
        )
