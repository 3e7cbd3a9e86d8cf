# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition


class OpsTrainingSession(models.Model):
    """One sitting of a programme: date, trainer, seats, cost, the
    enrolled employees and their attendance. Closing it sends the
    evaluation survey to those who attended. Its trainer or HR closes or
    cancels it (``_ops_check_trainer_or_hr``: the trainer is no group)."""

    _name = "ops.training.session"
    _description = "Training Session"
    _inherit = ["ops.workflow.mixin", "mail.thread"]
    _order = "date_start desc, id desc"

    _ops_transitions = {
        "close": Transition(("planned",), "done"),
        "cancel": Transition(("planned",), "cancelled"),
    }
    _ops_harmless_methods = ("action_done", "action_cancel")
    # A session that took place holds attendance and evaluations: kept.
    _ops_unlink_states = ("planned", "cancelled")

    name = fields.Char(required=True)
    programme_id = fields.Many2one(
        "ops.training.programme", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(related="programme_id.kind", store=True)
    date_start = fields.Datetime(required=True, tracking=True)
    date_end = fields.Datetime(required=True, tracking=True)
    location = fields.Char()
    trainer_user_id = fields.Many2one(
        "res.users",
        string="Trainer",
        compute="_compute_from_programme",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    capacity = fields.Integer(
        string="Seats", compute="_compute_from_programme", store=True, readonly=False, ops_min=1
    )
    cost = fields.Monetary(currency_field="currency_id", tracking=True, ops_min=0)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    enrolment_ids = fields.One2many("ops.training.enrolment", "session_id", string="Participants")
    seats_taken = fields.Integer(compute="_compute_seats")
    seats_free = fields.Integer(compute="_compute_seats")
    attendee_count = fields.Integer(compute="_compute_seats")
    evaluation_ids = fields.One2many("ops.training.evaluation", "session_id")
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("programme_id")
    def _compute_from_programme(self):
        for session in self:
            session.trainer_user_id = session.programme_id.trainer_user_id
            session.capacity = session.programme_id.capacity

    @api.depends("enrolment_ids.state", "capacity")
    def _compute_seats(self):
        for session in self:
            enrolments = session.sudo().enrolment_ids
            taken = enrolments.filtered(lambda e: e.state != "cancelled")
            session.seats_taken = len(taken)
            session.seats_free = session.capacity - len(taken)
            session.attendee_count = len(enrolments.filtered(lambda e: e.state == "attended"))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_end < session.date_start:
                raise ValidationError(
                    self.env._("Session %(name)s ends before it starts.", name=session.name)
                )

    @api.constrains("capacity", "enrolment_ids")
    def _check_capacity(self):
        for session in self:
            if session.capacity < 1:
                raise ValidationError(self.env._("A session has at least one seat."))
            if session.seats_free < 0:
                raise ValidationError(
                    self.env._(
                        "Session %(session)s is full: %(seats)s seats, %(taken)s enrolled.",
                        session=session.display_name,
                        seats=session.capacity,
                        taken=session.seats_taken,
                    )
                )

    @api.depends("name", "programme_id.name", "date_start")
    def _compute_display_name(self):
        for session in self:
            date = fields.Date.to_string(session.date_start) if session.date_start else ""
            session.display_name = f"{session.programme_id.name or ''} · {session.name} ({date})"

    def _ops_check_trainer_or_hr(self):
        if self.env.su or self.env.user.has_group("ops_org.ops_org_group_hr"):
            return
        for session in self:
            if session.trainer_user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the trainer of %(session)s or HR can do this.",
                        session=session.display_name,
                    )
                )

    def action_done(self):
        """Close the session: whoever is still marked enrolled was absent;
        the attendees receive the evaluation survey."""
        self._ops_check_trainer_or_hr()
        # sudo: the trainer or HR checked above closes the session and its
        # seats; nothing else is written.
        self._ops_transition("close", sudo=True)
        enrolments = self.sudo().enrolment_ids
        enrolments.filtered(lambda e: e.state == "enrolled")._ops_transition("absent")
        attended = enrolments.filtered(lambda e: e.state == "attended")
        attended._ops_request_evaluation()
        attended._ops_close_needs()
        return True

    def action_cancel(self):
        self._ops_check_trainer_or_hr()
        # sudo: as in action_done.
        self._ops_transition("cancel", sudo=True)
        self.sudo().enrolment_ids.filtered(lambda e: e.state != "cancelled")._ops_transition(
            "cancel_session"
        )
        return True
