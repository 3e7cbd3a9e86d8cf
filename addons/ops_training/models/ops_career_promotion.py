# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition, ops_workflow_grant

HR = "ops_org.ops_org_group_hr"


def _rank(level):
    return (level.sequence, level.id)


class OpsCareerPromotion(models.Model):
    """A promotion to the next level of a track: proposed for candidates
    who meet its requirements, or by HR who may override the requirements
    with a logged reason. The promoted employee never decides it (SPEC
    §5.1): neither the promotion nor its override."""

    _name = "ops.career.promotion"
    _description = "Promotion"
    _inherit = ["ops.workflow.mixin", "mail.thread"]
    _order = "state, create_date desc, id desc"
    _rec_name = "employee_id"

    _ops_transitions = {
        "promote": Transition(("candidate",), "done", (HR,), decision=True),
        "cancel": Transition(("candidate",), "cancelled", (HR,), decision=True),
    }
    _ops_workflow_fields = ("from_level_id", "override_user_id", "date_done")
    _ops_subject_fields = ("position_id.employee_id",)
    # Overriding the requirements is part of the decision.
    _ops_decision_fields = ("override", "override_reason")
    _ops_decision_methods = ("action_promote", "action_cancel")
    # A decided promotion is the record of a career: kept.
    _ops_unlink_states = ("candidate", "cancelled")

    position_id = fields.Many2one(
        "ops.career.position", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="position_id.employee_id", store=True)
    track_id = fields.Many2one(related="position_id.track_id", store=True)
    from_level_id = fields.Many2one("ops.career.level", readonly=True, copy=False)
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
        help="HR promotes although requirements are missing, or skips a level; "
        "the reason is logged.",
    )
    override_reason = fields.Text(tracking=True)
    override_user_id = fields.Many2one(
        "res.users", string="Overridden By", readonly=True, copy=False
    )
    state = fields.Selection(
        [("candidate", "Candidate"), ("done", "Promoted"), ("cancelled", "Cancelled")],
        default="candidate",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    date_done = fields.Date(string="Promoted On", readonly=True, copy=False)
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
        promotions = super().create(vals_list)
        # Where the promotion starts from: the position's level when it is
        # proposed (written by the workflow, never sent by the caller).
        for promotion in promotions:
            promotion._ops_workflow_write({"from_level_id": promotion.position_id.level_id.id})
        return promotions

    def write(self, vals):
        if not self._ops_workflow_open():
            if "position_id" in vals and any(p.position_id.id != vals["position_id"] for p in self):
                raise UserError(
                    self.env._("A promotion stays on its career position: propose another one.")
                )
            decided = self.filtered(lambda p: p.state != "candidate")
            if decided and {"to_level_id", "override", "override_reason"} & set(vals):
                raise UserError(
                    self.env._(
                        "The promotion of %(employee)s was decided: it is kept as it was.",
                        employee=decided[0].employee_id.name,
                    )
                )
        return super().write(vals)

    def action_promote(self):
        for promotion in self:
            promotion._ops_promote()
        return True

    def action_cancel(self):
        self._ops_transition("cancel")
        return True

    def _ops_promote(self):
        """Move the position to the promotion's level: HR other than the
        promoted employee, one level up at a time and with every requirement
        met, unless HR overrides with a reason (which may skip levels; the
        skipped levels are logged)."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(HR):
            raise UserError(self.env._("HR promotes employees."))
        self._ops_check_not_concerned(self.env._("a promotion"))
        position = self.position_id
        # Two promotions of one position decided at once: the second waits
        # and sees the level the first one gave.
        position._ops_lock_rows()
        self._ops_lock_rows()
        if self.state != "candidate":
            raise UserError(self.env._("This promotion was already decided."))
        current, target = position.level_id, self.to_level_id
        if self.from_level_id and self.from_level_id != current:
            raise UserError(
                self.env._(
                    "%(employee)s is at %(current)s since this promotion from %(previous)s "
                    "was proposed: propose it again.",
                    employee=self.employee_id.name,
                    current=current.name,
                    previous=self.from_level_id.name,
                )
            )
        ladder = position.track_id.level_ids
        if target not in ladder or _rank(target) <= _rank(current):
            raise UserError(
                self.env._(
                    "%(level)s is not above the current level %(current)s.",
                    level=target.name,
                    current=current.name,
                )
            )
        skipped = ladder.filtered(lambda lv: _rank(current) < _rank(lv) < _rank(target)).sorted(
            _rank
        )
        missing = self.missing_requirements
        overridden = bool(missing or skipped)
        if overridden and not self.override:
            if skipped:
                raise UserError(
                    self.env._(
                        "%(employee)s would skip %(levels)s: a promotion goes one level up "
                        "at a time. HR may override this with a reason.",
                        employee=self.employee_id.name,
                        levels=", ".join(skipped.mapped("name")),
                    )
                )
            raise UserError(
                self.env._(
                    "%(employee)s does not meet the requirements of %(level)s:\n"
                    "%(missing)s\nHR may override them with a reason.",
                    employee=self.employee_id.name,
                    level=target.name,
                    missing=missing,
                )
            )
        if overridden and not (self.override_reason or "").strip():
            raise UserError(self.env._("Give the reason for overriding the requirements."))
        today = fields.Date.context_today(self)
        if overridden:
            body = self.env._(
                "Requirements overridden by %(user)s: %(reason)s. Missing: %(missing)s",
                user=self.env.user.name,
                reason=self.override_reason,
                missing=(missing or "-").replace("\n", "; "),
            )
            if skipped:
                body += " " + self.env._(
                    "Levels skipped: %(levels)s.", levels=", ".join(skipped.mapped("name"))
                )
            self.message_post(body=body)
        # The position's level is written by this step only.
        with ops_workflow_grant(position._name):
            position.write({"level_id": target.id, "date_start": today})
        vals = {"date_done": today}
        if overridden:
            vals["override_user_id"] = self.env.user.id
        self._ops_transition("promote", vals)
        return True
