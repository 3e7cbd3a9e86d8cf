# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import ops_workflow_granted

HR = "ops_org.ops_org_group_hr"


class OpsCareerPosition(models.Model):
    """Where an employee stands on a career track, since when, and what
    the next level still asks of them.

    It has no workflow of its own, but its level is a decision about the
    employee (SPEC §5.1): HR other than the employee places them (a first
    placement, on creation); afterwards only a promotion moves the level
    (``ops.career.promotion``, which writes it inside its step), and the
    position stays the employee's on its track."""

    _name = "ops.career.position"
    _description = "Career Position"
    _inherit = ["mail.thread"]
    _order = "track_id, employee_id"
    _rec_name = "employee_id"

    _ops_subject_fields = ("employee_id",)
    # The level and the date the employee entered it (which counts towards
    # the next level's months) are never set by the employee themselves.
    _ops_decision_fields = ("level_id", "date_start")
    _ops_harmless_methods = ("action_find_candidates",)
    # Written only by a promotion's step once the position exists.
    _ops_promotion_fields = ("level_id",)
    # Fixed once the position exists.
    _ops_fixed_fields = ("employee_id", "track_id")

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

    @api.depends(
        "employee_id.user_id",
        "employee_id.parent_id.user_id",
        "employee_id.department_id.manager_id.user_id",
        "employee_id.department_id.parent_id.manager_id.user_id",
    )
    def _compute_team(self):
        for position in self:
            employee = position.employee_id.sudo()
            position.department_id = employee.department_id
            # The one rule of the suite for who manages an employee.
            position.manager_user_id = employee._ops_manager_users()[:1] if employee else False

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

    @api.model_create_multi
    def create(self, vals_list):
        # Who may create (HR) before whether they are the employee concerned.
        if not self.env.su:
            self.check_access("create")
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if not ops_workflow_granted(self._name):
                self._ops_check_fixed(vals)
        return super().write(vals)

    def _ops_check_fixed(self, vals):
        for name in set(vals) & set(self._ops_promotion_fields + self._ops_fixed_fields):
            value = vals[name]
            value = value.id if isinstance(value, models.BaseModel) else (value or False)
            if all(position[name].id == value for position in self):
                continue
            if name in self._ops_promotion_fields:
                raise AccessError(
                    self.env._(
                        "The level of %(employee)s changes through a promotion (Promotion "
                        "Candidates), with its requirements, not by writing it.",
                        employee=self[:1].employee_id.name,
                    )
                )
            raise AccessError(
                self.env._(
                    "%(field)s of a career position is fixed once it exists: create another "
                    "position.",
                    field=self._fields[name]._description_string(self.env),
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
        if not self.env.su and not self.env.user.has_group(HR):
            raise AccessError(self.env._("HR looks for promotion candidates."))
        self._ops_find_candidates()
        return self.env["ir.actions.act_window"]._for_xml_id(
            "ops_training.ops_career_promotion_action"
        )
