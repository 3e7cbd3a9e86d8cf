# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

ASPECTS = ("content", "method", "trainer")
SCALE = (1, 5)


class OpsTrainingEvaluation(models.Model):
    """An attendee's evaluation of a session (policy §五(一)4): content,
    method and trainer, rated 1 to 5 in the programme's survey.

    It is the attendee's own voice: given in their name only (the evaluator
    is the user who creates it, or the seat's employee when the session
    closes), rated by them only, and never by the trainer it rates."""

    _name = "ops.training.evaluation"
    _description = "Training Evaluation"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "session_id desc, id desc"
    _rec_name = "session_id"

    _ops_transitions = {
        "submit": Transition(("pending",), "done", decision=True),
    }
    _ops_workflow_fields = ("user_id", "user_input_id")
    # The trainer is who the ratings are about.
    _ops_subject_fields = ("trainer_user_id",)
    _ops_decision_fields = ("score_trainer",)
    _ops_decision_methods = ("action_submit",)
    _ops_harmless_methods = ("action_open_survey",)

    session_id = fields.Many2one(
        "ops.training.session", required=True, ondelete="cascade", index=True
    )
    enrolment_id = fields.Many2one(
        "ops.training.enrolment", compute="_compute_enrolment_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Evaluator",
        default=lambda self: self.env.user,
        required=True,
        copy=False,
        index=True,
    )
    programme_id = fields.Many2one(related="session_id.programme_id", store=True, index=True)
    trainer_user_id = fields.Many2one(
        related="session_id.trainer_user_id", store=True, string="Trainer"
    )
    # 0: not rated yet; a rating goes from 1 to 5.
    score_content = fields.Integer(
        string="Content Rating", aggregator="avg", ops_min=0, ops_max=SCALE[1]
    )
    score_method = fields.Integer(
        string="Method Rating", aggregator="avg", ops_min=0, ops_max=SCALE[1]
    )
    score_trainer = fields.Integer(
        string="Trainer Rating", aggregator="avg", ops_min=0, ops_max=SCALE[1]
    )
    comment = fields.Text()
    state = fields.Selection(
        [("pending", "To Give"), ("done", "Given")],
        default="pending",
        required=True,
        readonly=True,
        copy=False,
    )
    user_input_id = fields.Many2one(
        "survey.user_input", string="Survey Answer", readonly=True, copy=False
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "session_user_uniq",
            "unique(session_id, user_id)",
            "An attendee evaluates a session once.",
        )
    ]

    @api.depends("session_id", "user_id")
    def _compute_enrolment_id(self):
        for evaluation in self:
            evaluation.enrolment_id = evaluation.session_id.sudo().enrolment_ids.filtered(
                lambda e, u=evaluation.user_id: e.user_id == u
            )[:1]

    @api.model_create_multi
    def create(self, vals_list):
        # The seat decides who evaluates.
        for vals in vals_list:
            if vals.get("enrolment_id") and not vals.get("session_id"):
                enrolment = self.env["ops.training.enrolment"].sudo().browse(vals["enrolment_id"])
                vals["session_id"] = enrolment.session_id.id
                vals.setdefault("user_id", enrolment.user_id.id)
            vals.pop("enrolment_id", None)
        return super().create(vals_list)

    @api.constrains("session_id", "user_id")
    def _check_attended(self):
        Enrolment = self.env["ops.training.enrolment"].sudo()
        for evaluation in self:
            if evaluation.user_id == evaluation.session_id.sudo().trainer_user_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s trains %(session)s and does not evaluate it.",
                        user=evaluation.user_id.name,
                        session=evaluation.session_id.display_name,
                    )
                )
            if not Enrolment.search_count(
                [
                    ("session_id", "=", evaluation.session_id.id),
                    ("user_id", "=", evaluation.user_id.id),
                    ("state", "=", "attended"),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s did not attend %(session)s and cannot evaluate it.",
                        user=evaluation.user_id.name,
                        session=evaluation.session_id.display_name,
                    )
                )

    def write(self, vals):
        if not self.env.su:
            if any(e.state == "done" for e in self):
                raise UserError(self.env._("This evaluation was given and can no longer change."))
            scores = {f"score_{a}" for a in ASPECTS}
            if scores & set(vals) and any(e.user_id != self.env.user for e in self):
                raise AccessError(self.env._("Only the attendee rates the training."))
        return super().write(vals)

    def action_submit(self):
        for evaluation in self:
            if evaluation.user_id != self.env.user and not self.env.su:
                raise UserError(self.env._("Only the attendee gives their evaluation."))
            if not all(evaluation[f"score_{a}"] for a in ASPECTS):
                raise UserError(
                    self.env._("Rate the content, the method and the trainer from 1 to 5.")
                )
        # sudo: the attendee gives their own evaluation (checked above).
        self._ops_transition("submit", sudo=True)
        self.activity_ids.sudo().action_feedback()
        return True

    def action_open_survey(self):
        self.ensure_one()
        if not self.user_input_id:
            raise UserError(self.env._("This evaluation has no survey; rate it here."))
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": self.user_input_id.get_start_url(),
        }

    def _ops_send_survey(self):
        """Open an answer of the programme's survey for each attendee and put
        the link in an activity of theirs (they get it by e-mail too)."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for evaluation in self.sudo():
            survey = evaluation.programme_id.survey_id
            if survey:
                evaluation.user_input_id = survey._create_answer(
                    user=evaluation.user_id, check_attempts=False
                )
            url = evaluation.user_input_id.get_start_url() if evaluation.user_input_id else ""
            evaluation.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=evaluation.user_id.id,
                summary=self.env._(
                    "Evaluate %(session)s", session=evaluation.session_id.display_name
                ),
                note=self.env._("Rate the content, the method and the trainer: %(url)s", url=url),
            )

    def _ops_read_survey(self):
        """Copy the answers of the finished survey into the scores."""
        for evaluation in self.sudo():
            lines = evaluation.user_input_id.user_input_line_ids
            vals = {}
            for line in lines:
                aspect = line.question_id.ops_training_aspect
                if aspect in ASPECTS and line.answer_type == "scale":
                    vals[f"score_{aspect}"] = self._ops_scale_score(line)
                elif aspect == "comment" and line.answer_type in ("text_box", "char_box"):
                    vals["comment"] = line.value_text_box or line.value_char_box
            evaluation._ops_transition("submit", vals)
            evaluation.activity_ids.action_feedback()

    @api.model
    def _ops_scale_score(self, line):
        """The answer on the evaluation's scale of 1 to 5, whatever scale
        the survey's question was given."""
        low, high = line.question_id.scale_min, line.question_id.scale_max
        value = line.value_scale
        if (low, high) != SCALE and high > low:
            value = round(SCALE[0] + (value - low) * (SCALE[1] - SCALE[0]) / (high - low))
        return min(max(value, SCALE[0]), SCALE[1])
