# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.calendar.models.calendar_recurrence import (
    END_TYPE_SELECTION,
    RRULE_TYPE_SELECTION,
)

from .calendar_event import MEETING_TYPES

RECURRENCE_BY_TYPE = {
    "weekly": ("weekly", 1),
    "monthly": ("monthly", 1),
    "quarterly": ("monthly", 3),
    "annual": ("yearly", 1),
}


class OpsMeetingTemplate(models.Model):
    """A regular meeting: type, organiser, default attendees, agenda skeleton
    and recurrence rule, from which calendar's own recurrence creates the
    meetings of the series."""

    _name = "ops.meeting.template"
    _description = "Meeting Template"
    _inherit = ["mail.thread"]
    _order = "name, id"

    _ops_harmless_methods = ("action_create_events", "action_view_events")

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    meeting_type = fields.Selection(MEETING_TYPES, required=True, default="weekly")
    user_id = fields.Many2one(
        "res.users",
        string="Organiser",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self._default_company_id()
    )
    partner_ids = fields.Many2many("res.partner", string="Default Attendees")
    topic = fields.Char()
    agenda = fields.Html(string="Agenda Skeleton")
    location = fields.Char()
    start = fields.Datetime(string="First Meeting", help="Start of the first meeting.")
    duration = fields.Float(
        default=1.0, help="Length of each meeting in hours.", ops_min=0, ops_max=24
    )
    rrule_type = fields.Selection(
        RRULE_TYPE_SELECTION,
        string="Repeat Every",
        compute="_compute_recurrence",
        store=True,
        readonly=False,
    )
    interval = fields.Integer(
        string="Repeat Interval",
        compute="_compute_recurrence",
        store=True,
        readonly=False,
        ops_min=1,
        ops_max=100,
    )
    end_type = fields.Selection(END_TYPE_SELECTION, string="Until", default="count", required=True)
    count = fields.Integer(string="Repetitions", default=10, ops_min=1, ops_max=720)
    until = fields.Date(string="End Date")
    event_ids = fields.One2many("calendar.event", "ops_template_id", string="Meetings")
    event_count = fields.Integer(compute="_compute_event_count", string="Meetings Count")

    def _default_company_id(self):
        return self.env.company

    @api.depends("meeting_type")
    def _compute_recurrence(self):
        for template in self:
            rrule_type, interval = RECURRENCE_BY_TYPE.get(template.meeting_type, ("weekly", 1))
            template.rrule_type = rrule_type
            template.interval = interval

    def _compute_event_count(self):
        for template in self:
            template.event_count = len(template.event_ids)

    def _ops_event_values(self):
        self.ensure_one()
        first_day = fields.Datetime.context_timestamp(self, self.start).date()
        return {
            **self.env["calendar.event"]._get_recurrence_params_by_date(first_day),
            "name": self.topic or self.name,
            "start": self.start,
            "stop": self.start + timedelta(hours=self.duration or 1.0),
            "user_id": self.user_id.id,
            "partner_ids": [(6, 0, (self.partner_ids | self.user_id.partner_id).ids)],
            "location": self.location,
            "ops_meeting_type": self.meeting_type,
            "ops_topic": self.topic or self.name,
            "ops_agenda": self.agenda,
            "ops_template_id": self.id,
            "recurrency": True,
            "rrule_type": self.rrule_type,
            "interval": self.interval,
            "end_type": self.end_type,
            "count": self.count,
            "until": self.until,
        }

    def action_create_events(self):
        """Create the meetings of the series and show them."""
        self._ops_create_events()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_meeting.calendar_event_action_ops_meeting"
        )
        action["domain"] = [("ops_template_id", "in", self.ids)]
        return action

    def _ops_create_events(self):
        """Create the meetings of the series with calendar's recurrence."""
        events = self.env["calendar.event"]
        for template in self:
            if not template.start:
                raise UserError(
                    self.env._("Set the first meeting of “%(name)s”.", name=template.name)
                )
            if template.interval < 1 or (template.end_type == "count" and template.count < 1):
                raise UserError(
                    self.env._("The recurrence of “%(name)s” must repeat.", name=template.name)
                )
            if template.end_type == "end_date" and (
                not template.until or template.until < template.start.date()
            ):
                raise UserError(
                    self.env._(
                        "The end date of “%(name)s” must come after its first meeting.",
                        name=template.name,
                    )
                )
            if template.event_ids.filtered(
                lambda event, start=template.start: event.start >= start
            ):
                raise UserError(
                    self.env._("The meetings of “%(name)s” already exist.", name=template.name)
                )
            base = self.env["calendar.event"].create(template._ops_event_values())
            events |= base.recurrence_id.calendar_event_ids or base
        return events

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ops_meeting.calendar_event_action_ops_meeting"
        )
        action["domain"] = [("ops_template_id", "=", self.id)]
        action["context"] = {"default_ops_template_id": self.id}
        return action
