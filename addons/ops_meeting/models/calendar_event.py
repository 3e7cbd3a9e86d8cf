# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import html2plaintext

MEETING_TYPES = [
    ("weekly", "Weekly Meeting"),
    ("monthly", "Monthly Meeting"),
    ("quarterly", "Quarterly Meeting"),
    ("annual", "Annual Meeting"),
    ("project", "Project Meeting"),
    ("adhoc", "Ad Hoc Meeting"),
]

# Values whose writing may change what a meeting's notice says or whom it
# reaches: its start (directly or through calendar's all-day dates), its
# place, its attendees, and being a company meeting at all.
NOTICE_TRIGGERS = frozenset(
    {
        "ops_meeting_type",
        "start",
        "stop",
        "start_date",
        "stop_date",
        "allday",
        "location",
        "videocall_location",
        "access_token",
        "partner_ids",
        "attendee_ids",
    }
)


def notice_due(start, now, hours):
    """Whether the notice of a meeting starting at ``start`` is due at
    ``now``: it has not started and starts within ``hours`` (0: never)."""
    return bool(start) and now < start <= now + timedelta(hours=hours)


def short_notice(start, now, hours):
    """Whether a meeting set up at ``now`` for ``start`` comes with less
    notice than ``hours`` (exactly ``hours`` is enough; 0: never short)."""
    return bool(start) and now < start < now + timedelta(hours=hours)


class CalendarEvent(models.Model):
    """A calendar event with a meeting type is a company meeting (§三(二)2):
    topic and agenda prepared in advance, minutes and decisions afterwards.
    The organiser is the event's own organiser (``user_id``).

    A meeting that has not started has a topic and a place. Its notice
    (topic, time, place, agenda) reaches the attendees the organiser's
    company's notice period before it starts (hourly job), and again at once
    when its time or place changes after that; a meeting set up, moved,
    given another place or other attendees within that period needs the
    reason for the short notice, which goes to its chatter."""

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
    ops_short_notice_reason = fields.Text(
        string="Short Notice Reason",
        help="Why the meeting is set up or changed less than the company's notice period "
        "before it starts; posted in the chatter.",
    )
    ops_notice_sent = fields.Datetime(
        string="Notice Sent",
        readonly=True,
        copy=False,
        help="When the notice of the meeting (topic, time, place, agenda) was last sent "
        "to the attendees.",
    )

    @api.depends("start", "recurrence_id", "ops_template_id")
    def _compute_ops_previous_decision_ids(self):
        Minutes = self.env["ops.meeting.minutes"]
        for event in self:
            event.ops_previous_decision_ids = Minutes._ops_last_of_series(
                event
            ).decision_ids.filtered(lambda decision: decision.state == "open")

    @api.constrains("ops_meeting_type", "ops_topic", "location", "videocall_location", "start")
    def _check_ops_topic_place(self):
        """A company meeting is prepared: topic and place are set before it
        starts. Meetings already past (history, demo data) are left alone."""
        now = fields.Datetime.now()
        # sudo: calendar hides the fields of a private event from those who
        # do not attend; the check must see them, and only raises.
        for event in self.sudo():
            if not event.ops_meeting_type or not event.start or event.start <= now:
                continue
            if not (event.ops_topic or "").strip():
                raise ValidationError(
                    self.env._(
                        "Meeting “%(meeting)s” needs a topic, settled before the meeting.",
                        meeting=event.name,
                    )
                )
            if not (event.location or "").strip() and not event.videocall_location:
                raise ValidationError(
                    self.env._(
                        "Meeting “%(meeting)s” needs a place: a location or a video call link.",
                        meeting=event.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any("ops_notice_sent" in vals for vals in vals_list):
            raise AccessError(self._ops_notice_sent_refusal())
        events = super().create(vals_list)
        meetings = self.browse([event.id for event in events.sudo() if event.ops_meeting_type])
        if meetings:
            meetings._ops_notice_apply(meetings._ops_prior_snapshot())
        return events

    def write(self, vals):
        if "ops_notice_sent" in vals and not self.env.su:
            raise AccessError(self._ops_notice_sent_refusal())
        # A write of calendar's runs others inside it (all-day dates, the
        # series): the outermost one that watches a meeting judges it.
        watched = set(self.env.context.get("ops_meeting_watched", ()))
        meetings = self.browse()
        if NOTICE_TRIGGERS & set(vals):
            meetings = self.browse(
                [
                    event.id
                    for event in self.sudo()
                    if event.id not in watched
                    and (event.ops_meeting_type or vals.get("ops_meeting_type"))
                ]
            )
        context = {}
        if meetings:
            context["ops_meeting_watched"] = tuple(watched | set(meetings.ids))
        if vals.get("recurrence_update") in ("all_events", "future_events"):
            # Calendar makes the occurrences of a series again when the
            # series changes: an occurrence made again at the same time is the
            # same meeting, announced (or not) as before.
            prior = self._ops_encode_occurrences()
            if prior:
                context["ops_meeting_prior"] = prior
        before = meetings._ops_notice_snapshot()
        result = super(CalendarEvent, self.with_context(**context)).write(vals)
        if meetings:
            meetings._ops_notice_apply(before)
        return result

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

    # -- notice in advance ------------------------------------------------------

    def _ops_notice_sent_refusal(self):
        return self.env._(
            "The notice of a meeting is recorded when it is sent to the attendees;"
            " it cannot be set by hand."
        )

    def _ops_notice_hours(self):
        """Notice period of the organiser's company (else the current one)."""
        self.ensure_one()
        company = self.sudo().user_id.company_id or self.env.company
        return company.ops_meeting_notice_hours

    def _ops_notice_snapshot(self):
        """By event id: what the notice says and whom it reaches."""
        # sudo: read for comparison only, whatever calendar hides of a
        # private event; nothing read here is returned to the caller.
        return {
            event.id: {
                "type": event.ops_meeting_type or False,
                "start": event.start,
                "place": (event.location or "", event.videocall_location or ""),
                "partners": frozenset(event.partner_ids.ids),
                "sent": event.ops_notice_sent,
            }
            for event in self.sudo()
        }

    def _ops_encode_occurrences(self):
        """The company meetings of the series of ``self`` as plain values,
        carried in the context to the occurrences calendar makes again."""
        occurrences = self.sudo().recurrence_id.calendar_event_ids.filtered("ops_meeting_type")
        return tuple(
            (
                fields.Datetime.to_string(state["start"]),
                state["type"],
                *state["place"],
                tuple(sorted(state["partners"])),
                fields.Datetime.to_string(state["sent"]) if state["sent"] else False,
            )
            for state in occurrences._ops_notice_snapshot().values()
        )

    def _ops_prior_snapshot(self):
        """For new occurrences of a series made again (``write`` above), the
        state of the occurrence they replace, found by their start."""
        prior = {
            start: (meeting_type, location, videocall, partners, sent)
            for start, meeting_type, location, videocall, partners, sent in (
                self.env.context.get("ops_meeting_prior") or ()
            )
        }
        before = {}
        for event in self.sudo().filtered("recurrence_id"):
            found = prior.get(fields.Datetime.to_string(event.start))
            if found:
                meeting_type, location, videocall, partners, sent = found
                before[event.id] = {
                    "type": meeting_type,
                    "start": event.start,
                    "place": (location, videocall),
                    "partners": frozenset(partners),
                    "sent": fields.Datetime.to_datetime(sent) if sent else False,
                }
        return before

    def _ops_notice_apply(self, before):
        """After ``self`` was created or written (``before``: their notice
        snapshot then, none for a new meeting): a change within the notice
        period needs the reason for the short notice; a notice already sent
        goes again when time or place changed, and to attendees who joined;
        a notice due goes now."""
        now = fields.Datetime.now()
        after = self._ops_notice_snapshot()
        short = resend = self.browse()
        joined = {}
        carried = {}
        for event in self:
            old, new = before.get(event.id), after[event.id]
            if not new["type"] or not new["start"] or new["start"] <= now:
                continue
            if not event.sudo().active:
                continue
            sent = old["sent"] if old else False
            if sent and not new["sent"]:
                # The same meeting made again by calendar (a series changed).
                carried[event] = sent
            moved = not old or not old["type"] or old["start"] != new["start"]
            replaced = bool(old) and old["place"] != new["place"]
            if not (moved or replaced or old["partners"] != new["partners"]):
                continue
            if short_notice(new["start"], now, event._ops_notice_hours()):
                short |= event
            if sent and (moved or replaced):
                resend |= event
            elif sent and new["partners"] - old["partners"]:
                joined[event] = new["partners"] - old["partners"]
        for event in short:
            reason = (event.sudo().ops_short_notice_reason or "").strip()
            if not reason:
                raise ValidationError(
                    self.env._(
                        "“%(meeting)s” starts in less than %(hours)s hours: give the reason"
                        " for the short notice, or move it later.",
                        meeting=event.sudo().name,
                        hours=event._ops_notice_hours(),
                    )
                )
        for event in short:
            event.sudo().message_post(
                body=self.env._(
                    "Short notice (less than %(hours)s hours before the meeting): %(reason)s",
                    hours=event._ops_notice_hours(),
                    reason=event.sudo().ops_short_notice_reason.strip(),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        for event, sent in carried.items():
            # sudo: users may not write the moment of the notice (write); it is
            # the moment the replaced occurrence's notice went out, nothing more.
            event.sudo().write({"ops_notice_sent": sent})
        for event, partners in joined.items():
            event._ops_post_notice(partners=self.env["res.partner"].browse(partners))
        for event in resend:
            event._ops_post_notice(changed=True)
        # sudo: as in _ops_send_notice, the moment the notice was just sent.
        resend.sudo().write({"ops_notice_sent": now})
        self._ops_send_notice()

    def _ops_send_notice(self):
        """Send the notice of those of ``self`` whose notice is due and not
        sent yet, and record when; answers the meetings notified."""
        now = fields.Datetime.now()
        due = self.sudo().filtered(
            lambda event: (
                event.active
                and event.ops_meeting_type
                and not event.ops_notice_sent
                and notice_due(event.start, now, event._ops_notice_hours())
            )
        )
        for event in due:
            event._ops_post_notice()
        # sudo: users may not write the moment of the notice (write); the
        # value is the clock's, for the meetings just notified, and nothing
        # is read back to the caller.
        due.write({"ops_notice_sent": now})
        return self.browse(due.ids)

    def _ops_post_notice(self, changed=False, partners=None):
        """Post the notice of the meeting to its attendees who have not
        declined (or to ``partners``), from the organiser, in the
        organiser's language and time zone."""
        self.ensure_one()
        # sudo: the notice is the organiser's, posted on their behalf whoever
        # triggered it (a user moving the meeting, the hourly job); it says
        # only what the attendees it goes to may read of their meeting.
        event = self.sudo()
        organiser = event.user_id
        author = organiser.partner_id or self.env.user.partner_id
        if partners is None:
            partners = event.attendee_ids.filtered(
                lambda attendee: attendee.state != "declined"
            ).partner_id
        partners -= author
        # Only they are told: attendees follow the event, those who declined
        # too (_notify_get_recipients).
        event = event.with_context(
            lang=self._ops_lang(organiser.lang), ops_meeting_notice_to=tuple(partners.ids)
        )
        place = " / ".join(part for part in (event.location, event.videocall_location) if part)
        if changed:
            intro = event.env._(
                "The meeting “%(meeting)s” has changed: its time or place below replaces"
                " the notice sent before.",
                meeting=event.name,
            )
            subject = event.env._("Meeting changed: %(meeting)s", meeting=event.name)
        else:
            intro = event.env._(
                "Notice of the meeting “%(meeting)s”: please prepare in advance.",
                meeting=event.name,
            )
            subject = event.env._("Meeting notice: %(meeting)s", meeting=event.name)
        rows = (
            (event.env._("Topic"), event.ops_topic or ""),
            (event.env._("Time"), event.get_display_time_tz(tz=organiser.tz or "UTC")),
            (event.env._("Place"), place),
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            intro,
            Markup("").join(Markup("<li><b>%s</b>: %s</li>") % row for row in rows),
        )
        if html2plaintext(event.ops_agenda or "").strip():
            body += Markup("<p><b>%s</b></p>%s") % (event.env._("Agenda"), event.ops_agenda)
        return event.message_post(
            body=body,
            subject=subject,
            author_id=author.id,
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        notice_to = self.env.context.get("ops_meeting_notice_to")
        if notice_to is not None:
            recipients = [data for data in recipients if data["id"] in notice_to]
        return recipients

    @api.model
    def _cron_ops_meeting_notice(self):
        """Hourly: send the notice of the company meetings that start within
        the notice period of their organiser's company (§三(二)2)."""
        now = fields.Datetime.now()
        hours = max(
            self.env["res.company"].sudo().search([]).mapped("ops_meeting_notice_hours") + [0]
        )
        if hours:
            self.search(
                [
                    ("ops_meeting_type", "!=", False),
                    ("ops_notice_sent", "=", False),
                    ("start", ">", now),
                    ("start", "<=", now + timedelta(hours=hours)),
                ]
            )._ops_send_notice()
        return True
