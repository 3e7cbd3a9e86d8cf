# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ASPECTS = ("content", "method", "trainer")


class OpsTrainingEvaluation(models.Model):
    """An attendee's evaluation of a session (policy §五(一)4): content,
    method and trainer, rated 1 to 5 in the programme's survey."""

    _name = "ops.training.evaluation"
    _description = "Training Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "session_id desc, id desc"
    _rec_name = "session_id"

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
        index=True,
    )
    programme_id = fields.Many2one(related="session_id.programme_id", store=True, index=True)
    trainer_user_id = fields.Many2one(
        related="session_id.trainer_user_id", store=True, string="Trainer"
    )
    score_content = fields.Integer(string="Content Rating", aggregator="avg")
    score_method = fields.Integer(string="Method Rating", aggregator="avg")
    score_trainer = fields.Integer(string="Trainer Rating", aggregator="avg")
    comment = fields.Text()
    state = fields.Selection(
        [("pending", "To Give"), ("done", "Given")],
        default="pending",
        required=True,
        readonly=True,
    )
    user_input_id = fields.Many2one("survey.user_input", string="Survey Answer", readonly=True)
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

    @api.constrains(*[f"score_{a}" for a in ASPECTS])
    def _check_scores(self):
        for evaluation in self:
            for aspect in ASPECTS:
                score = evaluation[f"score_{aspect}"]
                if score and not 1 <= score <= 5:
                    field = self._fields[f"score_{aspect}"]
                    label = field.get_description(self.env)["string"]
                    raise ValidationError(
                        self.env._(
                            "%(aspect)s: a rating goes from 1 to 5, not %(score)s.",
                            aspect=label,
                            score=score,
                        )
                    )

    def write(self, vals):
        if not self.env.su and any(e.state == "done" for e in self):
            raise UserError(self.env._("This evaluation was given and can no longer change."))
        return super().write(vals)

    def action_submit(self):
        for evaluation in self:
            if evaluation.user_id != self.env.user and not self.env.su:
                raise UserError(self.env._("Only the attendee gives their evaluation."))
            if not all(evaluation[f"score_{a}"] for a in ASPECTS):
                raise UserError(
                    self.env._("Rate the content, the method and the trainer from 1 to 5.")
                )
        self.sudo().write({"state": "done"})
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
            vals = {"state": "done"}
            for line in lines:
                aspect = line.question_id.ops_training_aspect
                if aspect in ASPECTS and line.answer_type == "scale":
                    vals[f"score_{aspect}"] = line.value_scale
                elif aspect == "comment" and line.answer_type in ("text_box", "char_box"):
                    vals["comment"] = line.value_text_box or line.value_char_box
            evaluation.write(vals)
            evaluation.activity_ids.action_feedback()
