# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition


class OpsMeetingMinutes(models.Model):
    """The minutes of one meeting, written by its organiser after the
    meeting and sent to the attendees, with the decisions taken. Who may
    send them or take them back is who may write them (the organiser,
    Administration: record rules); the steps write as that user."""

    _name = "ops.meeting.minutes"
    _description = "Meeting Minutes"
    _inherit = ["ops.workflow.mixin", "mail.thread"]
    _order = "date_start desc, id desc"

    _ops_transitions = {
        "send": Transition(("draft",), "sent"),
        "reopen": Transition(("sent",), "draft"),
    }
    _ops_workflow_fields = ("sent_date",)
    _ops_harmless_methods = ("action_send", "action_draft")

    event_id = fields.Many2one(
        "calendar.event",
        string="Meeting",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    name = fields.Char(related="event_id.name", string="Meeting Subject")
    date_start = fields.Datetime(related="event_id.start", store=True, string="Start")
    date_stop = fields.Datetime(related="event_id.stop", store=True, string="End")
    meeting_type = fields.Selection(related="event_id.ops_meeting_type", store=True)
    topic = fields.Char(related="event_id.ops_topic")
    agenda = fields.Html(related="event_id.ops_agenda")
    user_id = fields.Many2one(
        "res.users",
        related="event_id.user_id",
        store=True,
        string="Organiser",
        index=True,
    )
    partner_ids = fields.Many2many(related="event_id.partner_ids", string="Attendees")
    department_id = fields.Many2one(
        "hr.department",
        string="Organiser's Department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self._default_company_id(),
        index=True,
    )
    body = fields.Html(string="Minutes")
    decision_ids = fields.One2many("ops.meeting.decision", "minutes_id", string="Decisions")
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    sent_date = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        ("event_unique", "unique(event_id)", "A meeting has one set of minutes."),
    ]

    def _default_company_id(self):
        return self.env.company

    @api.depends("user_id")
    def _compute_department_id(self):
        for minutes in self:
            employee = (
                minutes.user_id.sudo().employee_ids.filtered(
                    lambda emp, minutes=minutes: emp.company_id == minutes.company_id
                )[:1]
                or minutes.user_id.sudo().employee_ids[:1]
            )
            minutes.department_id = employee.department_id

    @api.depends("event_id")
    def _compute_display_name(self):
        for minutes in self:
            minutes.display_name = self.env._(
                "Minutes: %(meeting)s", meeting=minutes.event_id.display_name or ""
            )

    @api.model
    def _ops_last_of_series(self, event):
        """The minutes of the last meeting before ``event`` of the same
        recurrence or created from the same template."""
        if (
            not event.id
            or not event.start
            or not (event.recurrence_id or event.sudo().ops_template_id)
        ):
            return self.browse()
        series = []
        if event.recurrence_id:
            series.append([("event_id.recurrence_id", "=", event.recurrence_id.id)])
        if event.sudo().ops_template_id:
            series.append([("event_id.ops_template_id", "=", event.sudo().ops_template_id.id)])
        domain = [("event_id", "!=", event.id), ("date_start", "<", event.start)]
        domain += ["|"] * (len(series) - 1) + [term for part in series for term in part]
        return self.search(domain, order="date_start desc, id desc", limit=1)

    def action_send(self):
        """Send the minutes and decisions to the attendees, once the meeting took place."""
        now = fields.Datetime.now()
        for minutes in self:
            if minutes.state == "sent":
                raise UserError(self.env._("These minutes were already sent."))
            if minutes.event_id.stop > now:
                raise UserError(
                    self.env._(
                        "The minutes of “%(meeting)s” can only be sent after the meeting"
                        " took place (it ends on %(end)s).",
                        meeting=minutes.event_id.name,
                        end=fields.Datetime.to_string(minutes.event_id.stop),
                    )
                )
            if not html2plaintext(minutes.body or "").strip():
                raise UserError(self.env._("Write the minutes before sending them."))
        for minutes in self:
            minutes._ops_transition("send", {"sent_date": now})
            partners = minutes.event_id.partner_ids - self.env.user.partner_id
            minutes.message_post(
                body=minutes._ops_mail_body(),
                subject=self.env._("Minutes: %(meeting)s", meeting=minutes.event_id.name),
                partner_ids=partners.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _ops_mail_body(self):
        self.ensure_one()
        body = Markup("<div>%s</div>") % (self.body or "")
        if self.decision_ids:
            rows = Markup("").join(
                Markup("<li>%s — %s%s</li>")
                % (
                    decision.name,
                    decision.user_id.name,
                    self.env._(", by %(date)s", date=decision.deadline)
                    if decision.deadline
                    else "",
                )
                for decision in self.decision_ids
            )
            body += Markup("<p><b>%s</b></p><ul>%s</ul>") % (self.env._("Decisions"), rows)
        return body

    def action_draft(self):
        self._ops_transition("reopen", {"sent_date": False})
        return True
