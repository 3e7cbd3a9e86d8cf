# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

KINDS = [
    ("onboarding", "Onboarding"),
    ("skill", "Job Skills"),
    ("conduct", "Professional Conduct"),
]
METHODS = [
    ("internal", "Internal Training"),
    ("external", "External Training"),
    ("online", "Online Learning"),
    ("lecture", "Lecture"),
    ("case_study", "Case Study"),
    ("role_play", "Role-Play"),
]
# Policy §五(一): the ways each kind of training is given.
KIND_METHODS = {
    "onboarding": {"internal", "online", "lecture"},
    "skill": {"internal", "external", "online"},
    "conduct": {"lecture", "case_study", "role_play"},
}


class OpsTrainingProgramme(models.Model):
    """A training programme (policy §五(一)): onboarding, job skills or
    professional conduct, given in sessions and evaluated after each."""

    _name = "ops.training.programme"
    _description = "Training Programme"
    _inherit = ["mail.thread"]
    _order = "kind, name"

    _ops_harmless_methods = ("action_view_evaluations",)

    name = fields.Char(required=True, translate=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="skill", tracking=True)
    method = fields.Selection(METHODS, required=True, default="internal", tracking=True)
    topic_ids = fields.Many2many(
        "ops.training.topic",
        string="Topics",
        help="What the programme covers: company overview, culture, rules, "
        "business knowledge, ethics, communication, teamwork …",
    )
    description = fields.Html(translate=True)
    skill_ids = fields.Many2many("hr.skill", string="Skills Taught")
    trainer_user_id = fields.Many2one("res.users", string="Default Trainer")
    capacity = fields.Integer(
        default=20, help="Default number of seats of its sessions.", ops_min=1
    )
    auto_plan = fields.Boolean(
        string="Plan for New Employees",
        help="Every new employee is enrolled in the next session with a free "
        "seat and gets the activity plan below.",
    )
    activity_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Onboarding Activity Plan",
        domain="[('res_model', '=', 'hr.employee')]",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Evaluation Survey",
        default=lambda self: self._default_survey_id(),
        help="Sent to the attendees after each session: content, method, trainer.",
    )
    revision_note = fields.Text(
        tracking=True,
        help="How the programme changes after its evaluations (policy §五(一)4).",
    )
    date_revised = fields.Date(readonly=True)
    session_ids = fields.One2many("ops.training.session", "programme_id")
    session_count = fields.Integer(compute="_compute_stats")
    cost_total = fields.Monetary(
        string="Total Cost", compute="_compute_stats", currency_field="currency_id"
    )
    evaluation_count = fields.Integer(compute="_compute_stats")
    score_content = fields.Float(string="Content Rating", compute="_compute_stats")
    score_method = fields.Float(string="Method Rating", compute="_compute_stats")
    score_trainer = fields.Float(string="Trainer Rating", compute="_compute_stats")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)

    def _default_survey_id(self):
        return self.env.ref("ops_training.survey_training_evaluation", raise_if_not_found=False)

    @api.depends("session_ids.cost", "session_ids.evaluation_ids.state")
    def _compute_stats(self):
        for programme in self:
            sessions = programme.session_ids
            programme.session_count = len(sessions)
            programme.cost_total = sum(sessions.mapped("cost"))
            done = sessions.sudo().evaluation_ids.filtered(lambda e: e.state == "done")
            programme.evaluation_count = len(done)
            for aspect in ("content", "method", "trainer"):
                scores = done.mapped(f"score_{aspect}")
                programme[f"score_{aspect}"] = sum(scores) / len(scores) if scores else 0.0

    @api.constrains("kind", "method")
    def _check_method(self):
        for programme in self:
            if programme.method not in KIND_METHODS[programme.kind]:
                kinds = dict(self._fields["kind"]._description_selection(self.env))
                methods = dict(self._fields["method"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "%(kind)s is not given as %(method)s; choose one of: %(allowed)s.",
                        kind=kinds[programme.kind],
                        method=methods[programme.method],
                        allowed=", ".join(methods[m] for m in sorted(KIND_METHODS[programme.kind])),
                    )
                )

    @api.constrains("capacity")
    def _check_capacity(self):
        if any(p.capacity < 1 for p in self):
            raise ValidationError(self.env._("A programme has at least one seat per session."))

    def write(self, vals):
        if vals.get("revision_note"):
            vals = dict(vals, date_revised=fields.Date.context_today(self))
        return super().write(vals)

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_training.ops_training_evaluation_action"
        )
        action["domain"] = [("programme_id", "=", self.id)]
        action["context"] = {"search_default_group_trainer": 1}
        return action


class OpsTrainingTopic(models.Model):
    _name = "ops.training.topic"
    _description = "Training Topic"
    _order = "name"

    name = fields.Char(required=True, translate=True)

    _sql_constraints = [("name_uniq", "unique(name)", "This topic exists already.")]
