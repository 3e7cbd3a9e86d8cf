# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import consteq

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition
from odoo.addons.queue_job.job import identity_exact

from .ops_appraisal_template import RATER_ROLES

# Raters whose reminder digests one job sends.
REMIND_CHUNK = 200


class OpsAppraisalEvaluation(models.Model):
    """What one rater says of one employee in a cycle. Raters see only the
    evaluations they give; peers never see each other's. Customers have no
    Odoo account: they rate through a link carrying the evaluation's token."""

    _name = "ops.appraisal.evaluation"
    _ops_classified_by = "appraisal_id"  # confidentiality follows it (ops_org base)
    _description = "Appraisal Evaluation"
    _inherit = ["ops.workflow.mixin"]
    _order = "appraisal_id, role, id"

    # The rater submits (a customer through the link).
    _ops_transitions = {"submit": Transition(("todo",), "done")}
    _ops_workflow_fields = ("date_reminded",)
    # Who rates a colleague, in which role, and what they say is about the
    # appraised employee, except in their own self-evaluation.
    _ops_subject_fields = ("appraisal_id.employee_id",)
    _ops_decision_fields = ("rater_user_id", "rater_partner_id", "role", "comment")
    _ops_harmless_methods = ("action_submit",)
    # A submitted evaluation is part of the result: it is kept.
    _ops_unlink_states = ("todo",)

    appraisal_id = fields.Many2one("ops.appraisal", required=True, ondelete="cascade", index=True)
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True)
    employee_name = fields.Char(related="appraisal_id.employee_name", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, index=True)
    rater_user_id = fields.Many2one("res.users", string="Rater", index=True)
    rater_partner_id = fields.Many2one(
        "res.partner", string="Customer", help="The customer who rates through a link."
    )
    rater_name = fields.Char(compute="_compute_rater_name", string="Rated by")
    role = fields.Selection(RATER_ROLES, required=True)
    access_token = fields.Char(copy=False, groups="ops_org.ops_org_group_hr")
    date_reminded = fields.Datetime(string="Reminded on", readonly=True, copy=False)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Submitted")], default="todo", required=True, readonly=True
    )
    line_ids = fields.One2many("ops.appraisal.evaluation.line", "evaluation_id", string="Ratings")
    comment = fields.Text()
    score = fields.Float(compute="_compute_score", store=True)
    deadline = fields.Date(related="cycle_id.deadline")

    _sql_constraints = [
        (
            "rater_uniq",
            "unique(appraisal_id, rater_user_id, role)",
            "A rater evaluates a colleague once per role.",
        ),
        (
            "customer_uniq",
            "unique(appraisal_id, rater_partner_id)",
            "A customer evaluates an employee once per cycle.",
        ),
    ]

    def _ops_concerned_users(self):
        """The appraised employee, except for what they say in their own
        self-evaluation (policy §四(一)4: one reference among others)."""
        return super(
            OpsAppraisalEvaluation, self.filtered(lambda e: e.sudo().role != "self")
        )._ops_concerned_users()

    @api.depends("employee_name", "role")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = self.env._(
                "Evaluation of %(employee)s (%(role)s)",
                employee=evaluation.employee_name or "",
                role=evaluation._ops_selection_label("role") if evaluation.role else "",
            )

    @api.depends("rater_user_id", "rater_partner_id")
    def _compute_rater_name(self):
        for evaluation in self:
            rater = evaluation.rater_user_id or evaluation.rater_partner_id
            evaluation.rater_name = rater.sudo().name

    @api.depends("line_ids.score", "line_ids.criterion_id.weight")
    def _compute_score(self):
        """Weighted average of the rated criteria: the template's weights add
        up to 100 %, a customer's subset of criteria is scaled back to 100."""
        for evaluation in self:
            total = sum(evaluation.line_ids.criterion_id.mapped("weight"))
            evaluation.score = (
                sum(line.score * line.criterion_id.weight for line in evaluation.line_ids) / total
                if total
                else 0.0
            )

    @api.constrains("role", "rater_user_id", "rater_partner_id", "appraisal_id")
    def _check_rater(self):
        for evaluation in self:
            if evaluation.role == "customer" and not evaluation.rater_partner_id:
                raise ValidationError(
                    self.env._(
                        "Name the customer who evaluates %(employee)s.",
                        employee=evaluation.employee_name,
                    )
                )
            if evaluation.role != "customer" and not evaluation.rater_user_id:
                raise ValidationError(
                    self.env._(
                        "Name the colleague who evaluates %(employee)s.",
                        employee=evaluation.employee_name,
                    )
                )
            employee_user = evaluation.appraisal_id.user_id
            if evaluation.role != "self" and evaluation.rater_user_id == employee_user:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot evaluate themselves as %(role)s.",
                        employee=evaluation.employee_name,
                        role=dict(self._fields["role"]._description_selection(self.env))[
                            evaluation.role
                        ],
                    )
                )
            if evaluation.role == "self" and evaluation.rater_user_id != employee_user:
                raise ValidationError(
                    self.env._(
                        "Only %(employee)s gives their self-evaluation.",
                        employee=evaluation.employee_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("role") == "customer" and not vals.get("access_token"):
                vals["access_token"] = secrets.token_urlsafe(32)
        evaluations = super().create(vals_list)
        self.env["ops.appraisal.evaluation.line"].sudo().create(
            [
                {"evaluation_id": evaluation.id, "criterion_id": criterion.id}
                for evaluation in evaluations
                for criterion in evaluation._ops_criteria()
            ]
        )
        return evaluations

    def _ops_criteria(self):
        """The criteria this rater rates: customers rate those the template
        marks for them (all of them when it marks none)."""
        self.ensure_one()
        criteria = self.appraisal_id.sudo().template_id.criterion_ids
        if self.role == "customer":
            return criteria.filtered("customer_rated") or criteria
        return criteria

    def write(self, vals):
        self._ops_check_editable()
        return super().write(vals)

    def unlink(self):
        # Removing an evaluation of one's own appraisal decides one's score.
        self._ops_check_not_concerned(self.env._("removing an evaluation"))
        return super().unlink()

    def _ops_check_editable(self):
        if self.env.su:
            return
        for evaluation in self:
            if evaluation.sudo().cycle_id.state != "open":
                raise UserError(
                    self.env._(
                        "The evaluation of %(employee)s can only change while its cycle is in "
                        "evaluation.",
                        employee=evaluation.employee_name,
                    )
                )
            if evaluation.state == "done":
                raise UserError(
                    self.env._(
                        "The evaluation of %(employee)s is submitted.",
                        employee=evaluation.employee_name,
                    )
                )

    def action_submit(self):
        for evaluation in self:
            if not self.env.su and evaluation.rater_user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(rater)s submits their evaluation of %(employee)s.",
                        rater=evaluation.rater_name,
                        employee=evaluation.employee_name,
                    )
                )
            evaluation._ops_check_editable()
            evaluation._ops_check_complete()
        # sudo: the rater may not write the submitted state themselves; the
        # step writes it once the checks above passed.
        self._ops_transition("submit", sudo=True)
        return True

    def _ops_check_complete(self):
        self.ensure_one()
        missing = self.line_ids.filtered(
            lambda line: line.criterion_id.kind == "qualitative" and not line.rating
        )
        if missing:
            raise UserError(
                self.env._(
                    "Rate every criterion before submitting: %(names)s.",
                    names=", ".join(missing.criterion_id.mapped("name")),
                )
            )

    # -- customers' link -----------------------------------------------------

    def _ops_public_url(self):
        self.ensure_one()
        token = self.sudo().access_token
        return f"{self.get_base_url()}/ops/appraisal/evaluate/{self.id}?access_token={token}"

    @api.model
    def _ops_from_token(self, evaluation_id, token):
        """The customer evaluation the link opens (sudo), or an empty
        recordset when the token does not match."""
        evaluation = self.sudo().browse(int(evaluation_id)).exists()
        if (
            not evaluation
            or evaluation.role != "customer"
            or not token
            or not evaluation.access_token
            or not consteq(evaluation.access_token, token)
        ):
            return self.browse()
        return evaluation

    def _ops_submit_from_link(self, ratings, comment):
        """Record a customer's ratings given through the link: ``ratings``
        maps line ids to the rating given. All or nothing."""
        self.ensure_one()
        if self.state != "todo":
            raise UserError(self.env._("This evaluation was already submitted. Thank you."))
        if self.cycle_id.state != "open":
            raise UserError(self.env._("This evaluation is closed."))
        for line in self.line_ids:
            line.rating = ratings.get(line.id, 0)
        self._ops_check_complete()
        self._ops_transition("submit", {"comment": comment})
        self.appraisal_id.message_post(
            body=self.env._(
                "%(customer)s submitted their evaluation.", customer=self.rater_partner_id.name
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _ops_send_customer_link(self):
        template = self.env.ref("ops_appraisal.mail_template_ops_appraisal_customer_evaluation")
        for evaluation in self.sudo():
            template.send_mail(evaluation.id, email_layout_xmlid="mail.mail_notification_light")

    # -- reminders -----------------------------------------------------------

    @api.model
    def _cron_remind(self):
        """Remind the raters whose evaluations are still to do when their
        cycle's deadline is within its reminder days: one e-mail per rater
        and cycle, in the rater's language; customers get their link again."""
        today = fields.Date.context_today(self)
        cycles = (
            self.env["ops.appraisal.cycle"]
            .sudo()
            .search([("state", "=", "open"), ("deadline", "!=", False)])
        )
        cycles = cycles.filtered(
            lambda c: c.deadline - timedelta(days=c.reminder_days) <= today <= c.deadline
        )
        if not cycles:
            return
        pending = self.sudo().search(
            [("cycle_id", "in", cycles.ids), ("state", "=", "todo"), ("date_reminded", "=", False)],
            order="rater_user_id, id",
        )
        # One job per chunk of raters (a rater's evaluations stay together):
        # the digests go out on the mail channel, not in the cron's run.
        by_rater = {}
        for evaluation in pending:
            by_rater.setdefault(evaluation.rater_user_id.id, []).append(evaluation.id)
        raters = list(by_rater.values())
        for start in range(0, len(raters), REMIND_CHUNK):
            chunk = raters[start : start + REMIND_CHUNK]
            self.browse([i for group in chunk for i in group]).with_delay(
                description=self.env._("Evaluation reminders (%(count)s raters)", count=len(chunk)),
                identity_key=identity_exact,
            )._ops_job_remind()

    def _ops_job_remind(self):
        """Job: the reminder digests of these evaluations — one e-mail per
        rater and cycle, in the rater's language; customers get their link
        again. Idempotent: an evaluation reminded already (or given since)
        is not reminded again."""
        # sudo: the cron's job (run as the cron's user) reminds every rater.
        pending = self.sudo().filtered(lambda e: e.state == "todo" and not e.date_reminded)
        pending.filtered(lambda e: e.role == "customer")._ops_send_customer_link()
        template = self.env.ref("ops_appraisal.mail_template_ops_appraisal_evaluation_reminder")
        by_rater = {}
        for evaluation in pending.filtered(lambda e: e.role != "customer"):
            by_rater.setdefault((evaluation.rater_user_id, evaluation.cycle_id), evaluation)
        for evaluation in by_rater.values():
            template.send_mail(evaluation.id, email_layout_xmlid="mail.mail_notification_light")
        pending.write({"date_reminded": fields.Datetime.now()})
        return f"{len(by_rater)} reminders"

    def _ops_pending_of_rater(self):
        """Evaluations the same rater still has to give in the same cycle
        (used by the reminder e-mail)."""
        self.ensure_one()
        return self.sudo().search(
            [
                ("cycle_id", "=", self.cycle_id.id),
                ("rater_user_id", "=", self.rater_user_id.id),
                ("state", "=", "todo"),
            ]
        )


class OpsAppraisalEvaluationLine(models.Model):
    _name = "ops.appraisal.evaluation.line"
    _ops_classified_by = "evaluation_id.appraisal_id"  # confidentiality follows it (ops_org base)
    _description = "Appraisal Rating"
    _order = "evaluation_id, sequence, id"

    # A rating is a decision about the appraised employee, except in their
    # own self-evaluation.
    _ops_subject_fields = ("evaluation_id.appraisal_id.employee_id",)
    _ops_decision_fields = ("rating", "value", "comment")

    evaluation_id = fields.Many2one(
        "ops.appraisal.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    criterion_id = fields.Many2one("ops.appraisal.criterion", required=True, ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    group = fields.Selection(related="criterion_id.group", store=True)
    kind = fields.Selection(related="criterion_id.kind")
    weight = fields.Float(related="criterion_id.weight")
    target = fields.Float(related="criterion_id.target")
    rating = fields.Integer()
    value = fields.Float(string="Measured Value")
    comment = fields.Char()
    score = fields.Float(compute="_compute_score", store=True)

    def _ops_concerned_users(self):
        return super(
            OpsAppraisalEvaluationLine,
            self.filtered(lambda line: line.sudo().evaluation_id.role != "self"),
        )._ops_concerned_users()

    @api.depends("evaluation_id.display_name", "criterion_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.evaluation_id.display_name or ''}: {line.criterion_id.name or ''}"
            )

    @api.depends("rating", "value", "criterion_id")
    def _compute_score(self):
        for line in self:
            scale = line.criterion_id.template_id.rating_scale
            line.score = line.criterion_id._score(line.rating, line.value, scale)

    @api.constrains("rating")
    def _check_rating(self):
        for line in self:
            scale = line.criterion_id.template_id.rating_scale
            if line.rating and not 1 <= line.rating <= scale:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s: a rating goes from 1 to %(scale)s, not %(rating)s.",
                        criterion=line.criterion_id.name,
                        scale=scale,
                        rating=line.rating,
                    )
                )

    def write(self, vals):
        self.evaluation_id._ops_check_editable()
        return super().write(vals)

    def unlink(self):
        self._ops_check_not_concerned(self.env._("removing a rating"))
        return super().unlink()
