# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

ACTIVITY_TYPE = "ops_meeting.mail_activity_type_ops_meeting_decision"
ADMINISTRATION = "ops_org.ops_org_group_administration"


class OpsMeetingDecision(models.Model):
    """A decision (决议) taken at a meeting: an owner and a deadline, an
    activity for the owner, followed up until done or cancelled. The owner
    or the organiser marks it done; the organiser (or Administration)
    cancels and reopens it."""

    _name = "ops.meeting.decision"
    _description = "Meeting Decision"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "deadline, id"

    _ops_transitions = {
        "done": Transition(("open",), "done"),
        "cancel": Transition(("open",), "cancelled"),
        "reopen": Transition(("done", "cancelled"), "open"),
    }
    _ops_workflow_fields = ("done_date", "reminder_date")
    _ops_harmless_methods = ("action_done", "action_cancel", "action_reopen")

    minutes_id = fields.Many2one(
        "ops.meeting.minutes",
        required=True,
        ondelete="cascade",
        index=True,
    )
    event_id = fields.Many2one(related="minutes_id.event_id", store=True, string="Meeting")
    date_start = fields.Datetime(related="minutes_id.date_start", store=True, string="Meeting Date")
    organiser_id = fields.Many2one(
        related="minutes_id.user_id", store=True, string="Organiser", index=True
    )
    department_id = fields.Many2one(related="minutes_id.department_id", store=True)
    company_id = fields.Many2one(related="minutes_id.company_id", store=True, index=True)
    name = fields.Text(string="Decision", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    deadline = fields.Date(tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    done_date = fields.Date(readonly=True, copy=False)
    note = fields.Text(string="Follow-up", help="How the decision is carried out.")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    reminder_date = fields.Date(readonly=True, copy=False)

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for decision in self:
            decision.is_overdue = bool(
                decision.state == "open" and decision.deadline and decision.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue decisions."))
        domain = [
            ("state", "=", "open"),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("name")
    def _compute_display_name(self):
        for decision in self:
            decision.display_name = (decision.name or "").split("\n")[0][:80]

    @api.constrains("deadline", "minutes_id")
    def _check_deadline(self):
        for decision in self:
            start = decision.minutes_id.event_id.start
            if not decision.deadline or not start:
                continue
            meeting_day = fields.Date.context_today(decision, timestamp=start)
            if decision.deadline < meeting_day:
                raise ValidationError(
                    self.env._(
                        "The deadline of decision “%(decision)s” (%(deadline)s) is before"
                        " the meeting date (%(meeting)s).",
                        decision=decision.display_name,
                        deadline=decision.deadline,
                        meeting=meeting_day,
                    )
                )

    def _ops_check_owner(self, vals):
        if "user_id" in vals and not vals["user_id"]:
            raise ValidationError(
                self.env._(
                    "Decision “%(decision)s” needs an owner who carries it out.",
                    decision=(vals.get("name") or self[:1].name or "").split("\n")[0],
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ops_check_owner(dict(vals, user_id=vals.get("user_id")))
        decisions = super().create(vals_list)
        decisions._ops_schedule_activity()
        return decisions

    def write(self, vals):
        self._ops_check_owner(vals)
        # Inside a step (marking done, cancelling, reopening) the step checked who acts.
        if not self._ops_workflow_open() and not self.env.user.has_group(ADMINISTRATION):
            others = self.filtered(lambda decision: decision.organiser_id != self.env.user)
            if others and set(vals) - {"note"}:
                raise AccessError(
                    self.env._(
                        "Only the organiser of the meeting changes a decision;"
                        " its owner reports the follow-up and marks it done."
                    )
                )
            if "minutes_id" in vals and any(d.minutes_id.id != vals["minutes_id"] for d in self):
                raise AccessError(
                    self.env._("A decision stays in the minutes of the meeting that took it.")
                )
        result = super().write(vals)
        if {"user_id", "deadline", "name"} & set(vals):
            self._ops_schedule_activity()
        return result

    def _ops_schedule_activity(self):
        """One activity per open decision, for its owner, due at its deadline."""
        activity_type = self.env.ref(ACTIVITY_TYPE)
        for decision in self.filtered(lambda d: d.state == "open"):
            activity = decision.sudo().activity_ids.filtered(
                lambda act: act.activity_type_id == activity_type
            )
            values = {
                "user_id": decision.user_id.id,
                "date_deadline": decision.deadline or fields.Date.context_today(decision),
                "summary": decision.display_name,
            }
            if activity:
                activity.write(values)
            else:
                decision.sudo().activity_schedule(ACTIVITY_TYPE, note=decision.name, **values)

    def _ops_activities(self):
        activity_type = self.env.ref(ACTIVITY_TYPE)
        return self.sudo().activity_ids.filtered(lambda act: act.activity_type_id == activity_type)

    def _ops_check_organiser(self):
        if (
            not self.env.su
            and self.env.user != self.organiser_id
            and not self.env.user.has_group(ADMINISTRATION)
        ):
            raise AccessError(
                self.env._("Only the organiser of the meeting cancels or reopens a decision.")
            )

    def _ops_set_done(self):
        self._ops_transition("done", {"done_date": fields.Date.context_today(self)})

    def action_done(self):
        for decision in self:
            if not self.env.su and self.env.user not in (decision.user_id | decision.organiser_id):
                raise AccessError(
                    self.env._("Only the owner or the organiser marks a decision done.")
                )
            if decision.state != "open":
                raise UserError(self.env._("Only an open decision can be marked done."))
        self._ops_set_done()
        self._ops_activities().action_feedback(feedback=self.env._("Decision carried out."))
        return True

    def action_cancel(self):
        for decision in self:
            decision._ops_check_organiser()
            if decision.state != "open":
                raise UserError(self.env._("Only an open decision can be cancelled."))
        self._ops_transition("cancel")
        self._ops_activities().unlink()
        return True

    def action_reopen(self):
        for decision in self:
            decision._ops_check_organiser()
        self._ops_transition("reopen", {"done_date": False})
        self._ops_schedule_activity()
        return True

    @api.model
    def _cron_remind_overdue(self):
        """Daily: remind each organiser of the overdue decisions of their meetings."""
        today = fields.Date.context_today(self)
        overdue = self.search(
            [
                ("is_overdue", "=", True),
                "|",
                ("reminder_date", "=", False),
                ("reminder_date", "<", today),
            ]
        )
        for decision in overdue:
            decision.message_post(
                body=self.env._(
                    "Overdue decision: %(decision)s (owner %(owner)s, deadline %(deadline)s).",
                    decision=decision.display_name,
                    owner=decision.user_id.name,
                    deadline=decision.deadline,
                ),
                partner_ids=decision.organiser_id.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        overdue._ops_workflow_write({"reminder_date": today})
        return True
