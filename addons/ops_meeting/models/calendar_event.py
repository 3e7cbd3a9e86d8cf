# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

MEETING_TYPES = [
    ("weekly", "Weekly Meeting"),
    ("monthly", "Monthly Meeting"),
    ("quarterly", "Quarterly Meeting"),
    ("annual", "Annual Meeting"),
    ("project", "Project Meeting"),
    ("adhoc", "Ad Hoc Meeting"),
]


class CalendarEvent(models.Model):
    """A calendar event with a meeting type is a company meeting (§三(二)2):
    topic and agenda prepared in advance, minutes and decisions afterwards.
    The organiser is the event's own organiser (``user_id``)."""

    _inherit = "calendar.event"

    _ops_harmless_methods = ("action_ops_open_minutes",)

    ops_meeting_type = fields.Selection(
        MEETING_TYPES,
        string="Meeting Type",
        index=True,
        help="Set for company meetings; they get minutes and decisions.",
    )
    ops_topic = fields.Char(string="Topic")
    ops_agenda = fields.Html(string="Agenda", help="Prepared before the meeting.")
    ops_template_id = fields.Many2one(
        "ops.meeting.template",
        string="Meeting Template",
        index=True,
        ondelete="set null",
        groups="ops_org.ops_org_group_employee",
    )
    ops_minutes_ids = fields.One2many(
        "ops.meeting.minutes",
        "event_id",
        string="Minutes",
        groups="ops_org.ops_org_group_employee",
    )
    ops_previous_decision_ids = fields.Many2many(
        "ops.meeting.decision",
        string="Open Decisions of the Last Meeting",
        compute="_compute_ops_previous_decision_ids",
        groups="ops_org.ops_org_group_employee",
        help="Decisions of the previous meeting of the series still open.",
    )

    @api.depends("start", "recurrence_id", "ops_template_id")
    def _compute_ops_previous_decision_ids(self):
        Minutes = self.env["ops.meeting.minutes"]
        for event in self:
            event.ops_previous_decision_ids = Minutes._ops_last_of_series(
                event
            ).decision_ids.filtered(lambda decision: decision.state == "open")

    def action_ops_open_minutes(self):
        """Open the minutes of this meeting, creating them the first time."""
        self.ensure_one()
        minutes = self.ops_minutes_ids[:1]
        if not minutes:
            minutes = self.env["ops.meeting.minutes"].create({"event_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.meeting.minutes",
            "res_id": minutes.id,
            "view_mode": "form",
        }
