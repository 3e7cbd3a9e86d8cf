# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

from .ops_contact_sheet_response import PRIORITIES

ACTIVITY_TYPE = "ops_coordination.mail_activity_type_ops_contact_sheet"
LEADERSHIP = "ops_org.ops_org_group_leadership"


class OpsContactSheet(models.Model):
    """A work contact sheet (工作联系单, policy §三(二)4): one department
    asks another for something, by a date. The receiving head accepts it,
    naming an owner and a promised date, or declines it with a reason; the
    owner reports it done; the requester confirms it or reopens it with a
    reason. A sheet not answered within its priority's response time, or
    not done by its promised date, is escalated: its owner is reminded,
    then its receiving head and then Leadership are given it (Leadership
    may decide in the head's place, which the chatter says). Every step is
    in the chatter and notified to the other side."""

    _name = "ops.contact.sheet"
    _description = "Work Contact Sheet"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    # Both sides discuss the sheet in its chatter: reading it is enough.
    _mail_post_access = "read"

    _ops_transitions = {
        "submit": Transition(("draft",), "submitted"),
        "accept": Transition(("submitted",), "accepted"),
        "decline": Transition(("submitted",), "declined"),
        "done": Transition(("accepted",), "done"),
        "confirm": Transition(("done",), "confirmed"),
        "reopen": Transition(("done",), "accepted"),
        "cancel": Transition(("draft", "submitted"), "cancelled"),
        "escalate": Transition(("submitted", "accepted"), None),
    }
    _ops_workflow_fields = (
        "requested_by_id",
        "owner_id",
        "date_promised",
        "decline_reason",
        "reopen_reason",
        "date_submitted",
        "date_answered",
        "date_done",
        "date_closed",
        "response_deadline",
        "escalation_level",
        "decided_in_place",
    )
    # Accepting or declining is a decision about the requester's sheet,
    # confirming or reopening one about the owner's work: the person it is
    # about never takes it (see ``_ops_check_not_self``).
    _ops_decision_methods = ("action_accept", "action_decline", "action_confirm", "action_reopen")
    _ops_harmless_methods = (
        "action_submit",
        "action_done",
        "action_cancel",
        "action_open_accept",
        "action_open_decline",
        "action_open_reopen",
    )
    _ops_unlink_states = ("draft", "cancelled")

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    subject = fields.Char(required=True, tracking=True, ops_max=200)
    request = fields.Html(sanitize=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    requesting_department_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._default_requesting_department_id(),
    )
    receiving_department_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    requested_by_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        readonly=True,
    )
    priority = fields.Selection(PRIORITIES, default="1", required=True, tracking=True)
    date_requested = fields.Date(
        string="Requested Completion", required=True, tracking=True, index=True
    )
    owner_id = fields.Many2one("res.users", readonly=True, tracking=True, index=True, copy=False)
    date_promised = fields.Date(string="Promised Date", readonly=True, tracking=True, copy=False)
    decline_reason = fields.Text(readonly=True, copy=False)
    reopen_reason = fields.Text(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "In Progress"),
            ("done", "Done"),
            ("confirmed", "Confirmed"),
            ("declined", "Declined"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_expand_states",
    )
    date_submitted = fields.Datetime(readonly=True, copy=False)
    date_answered = fields.Datetime(string="Accepted or Declined On", readonly=True, copy=False)
    date_done = fields.Datetime(string="Reported Done On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    response_deadline = fields.Datetime(readonly=True, copy=False, index=True)
    escalation_level = fields.Integer(readonly=True, copy=False, default=0)
    decided_in_place = fields.Boolean(
        string="Decided by Leadership",
        readonly=True,
        copy=False,
        help="Leadership accepted or declined the sheet in the receiving head's place.",
    )
    response_hours = fields.Float(
        string="Response Time (h)",
        compute="_compute_times",
        store=True,
        aggregator="avg",
        help="Hours from submission to acceptance or refusal.",
    )
    lead_days = fields.Float(
        string="Lead Time (days)",
        compute="_compute_times",
        store=True,
        aggregator="avg",
        help="Days from submission to the requester's confirmation.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    can_answer = fields.Boolean(compute="_compute_can")
    can_report = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")

    _sql_constraints = [
        (
            "departments_differ",
            "CHECK(requesting_department_id != receiving_department_id)",
            "A contact sheet goes from one department to another.",
        ),
    ]

    # -- defaults and computes -------------------------------------------------

    @api.model
    def _default_requesting_department_id(self):
        return self.env.user.employee_id.department_id

    @api.model
    def _expand_states(self, states, domain):
        return [key for key, __ in self._fields["state"].selection if key not in ("cancelled",)]

    @api.depends("date_submitted", "date_answered", "date_closed")
    def _compute_times(self):
        for sheet in self:
            start = sheet.date_submitted
            sheet.response_hours = (
                (sheet.date_answered - start).total_seconds() / 3600
                if start and sheet.date_answered
                else 0.0
            )
            sheet.lead_days = (
                (sheet.date_closed - start).total_seconds() / 86400
                if start and sheet.date_closed
                else 0.0
            )

    @api.depends("state", "response_deadline", "date_promised")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for sheet in self:
            late = sheet._ops_late_since()
            sheet.is_overdue = bool(late and late <= now)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue contact sheets."))
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        domain = [
            "|",
            "&",
            ("state", "=", "submitted"),
            ("response_deadline", "<=", now),
            "&",
            ("state", "=", "accepted"),
            ("date_promised", "<", today),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends_context("uid")
    @api.depends("state", "receiving_department_id", "owner_id", "requested_by_id")
    def _compute_can(self):
        user = self.env.user
        for sheet in self:
            answerers = sheet._ops_answerers()
            sheet.can_answer = sheet.state == "submitted" and user in answerers
            sheet.can_report = sheet.state == "accepted" and user in (sheet.owner_id | answerers)
            sheet.can_close = sheet.state == "done" and user in sheet._ops_closers()

    # -- constraints -----------------------------------------------------------

    @api.constrains("date_requested", "date_promised")
    def _check_dates(self):
        for sheet in self:
            # Only a new date is checked: a sheet kept open past its dates
            # stays valid.
            if sheet.state == "draft" and sheet.date_requested:
                if sheet.date_requested < fields.Date.context_today(sheet):
                    raise ValidationError(
                        self.env._(
                            "Contact sheet “%(subject)s”: the requested completion date "
                            "(%(date)s) is in the past.",
                            subject=sheet.subject,
                            date=sheet.date_requested,
                        )
                    )

    # -- CRUD --------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("ops.contact.sheet") or "/"
        sheets = super().create(vals_list)
        sheets._ops_check_requesting_department()
        return sheets

    def write(self, vals):
        res = super().write(vals)
        if "requesting_department_id" in vals or "requested_by_id" in vals:
            self._ops_check_requesting_department()
        return res

    def _ops_check_requesting_department(self):
        """A sheet is sent for the department its requester works in or
        heads (Leadership and Administration for any)."""
        if self.env.su:
            return
        user = self.env.user
        if user.has_group(LEADERSHIP) or user.has_group("ops_org.ops_org_group_administration"):
            return
        for sheet in self:
            # sudo: to read the department's members and head, only to check.
            department = sheet.sudo().requesting_department_id
            members = department.member_ids.user_id | department.manager_id.user_id
            if sheet.requested_by_id not in members:
                raise ValidationError(
                    self.env._(
                        "Contact sheet “%(subject)s”: %(user)s does not work in %(department)s, "
                        "so cannot send a sheet for it.",
                        subject=sheet.subject,
                        user=sheet.requested_by_id.name,
                        department=department.display_name,
                    )
                )

    # -- who acts ------------------------------------------------------------------

    def _ops_all_receiving_heads(self):
        """The head and the deputy of the receiving department (or the first
        head above it), whether or not they may know the sheet."""
        self.ensure_one()
        # sudo: to find the department's head and deputy; only users come out.
        department = self.sudo().receiving_department_id
        heads = department._ops_head_users(exclude=self.requested_by_id)
        deputy = department.deputy_id.user_id
        return (heads | deputy).sudo(False) - self.requested_by_id

    def _ops_receiving_heads(self):
        """The receiving heads who may know the sheet: all of them, unless the
        sheet is classified (``ops_confidentiality``: cleared for its level
        and on its need-to-know list)."""
        return self._ops_cleared_users(self._ops_all_receiving_heads())

    def _ops_leadership(self):
        """The Leadership members who may know the sheet."""
        self.ensure_one()
        return self._ops_cleared_users(self._ops_group_users(LEADERSHIP))

    def _ops_answerers(self):
        """Who accepts or declines: the receiving head or deputy, and
        Leadership (in their place), never the requester."""
        self.ensure_one()
        return (self._ops_receiving_heads() | self._ops_leadership()) - self.requested_by_id

    def _ops_closers(self):
        """Who confirms or reopens: the requester, or the head of the
        requesting department, never the owner who did the work."""
        self.ensure_one()
        # sudo: to find the requesting department's head; only users come out.
        head = self.sudo().requesting_department_id.manager_id.user_id.sudo(False)
        return (self.requested_by_id | self._ops_cleared_users(head)) - self.owner_id

    def _ops_check_not_self(self, user, what):
        """Nobody decides their own case: ``user`` (the requester of a sheet
        being answered, the owner of work being confirmed) is refused."""
        if not self.env.su and self.env.user == user:
            raise UserError(
                self.env._(
                    "%(record)s concerns you, so someone else decides it (%(what)s).",
                    record=self.display_name,
                    what=what,
                )
            )

    def _ops_check_actor(self, allowed, what):
        if self.env.su or self.env.user in allowed:
            return
        raise AccessError(
            self.env._(
                "You may not %(what)s contact sheet %(sheet)s.",
                what=what,
                sheet=self.display_name,
            )
        )

    # -- steps -----------------------------------------------------------------------

    def action_submit(self):
        for sheet in self:
            sheet._ops_check_actor(sheet.requested_by_id, self.env._("submit"))
            if not sheet._ops_all_receiving_heads():
                raise UserError(
                    self.env._(
                        "%(department)s has no head to answer contact sheet %(sheet)s.",
                        department=sheet.receiving_department_id.display_name,
                        sheet=sheet.display_name,
                    )
                )
            if not sheet._ops_receiving_heads():
                raise UserError(
                    self.env._(
                        "No head of %(department)s may know contact sheet %(sheet)s (its "
                        "confidentiality level and need-to-know list): add one to the list "
                        "before submitting it.",
                        department=sheet.receiving_department_id.display_name,
                        sheet=sheet.display_name,
                    )
                )
            now = fields.Datetime.now()
            sheet._ops_transition(
                "submit",
                {
                    "date_submitted": now,
                    "response_deadline": sheet.company_id._ops_plan_hours(
                        now, sheet._ops_response().response_hours
                    ),
                    "escalation_level": 0,
                },
                sudo=True,
            )
            heads = sheet._ops_receiving_heads()
            sheet._ops_tell(
                heads,
                self.env._(
                    "%(department)s asks %(receiving)s: %(subject)s, by %(date)s.",
                    department=sheet.requesting_department_id.display_name,
                    receiving=sheet.receiving_department_id.display_name,
                    subject=sheet.subject,
                    date=sheet.date_requested,
                ),
            )
            sheet._ops_give(
                heads,
                self.env._("Accept or decline: %(subject)s", subject=sheet.subject),
                fields.Date.to_date(
                    fields.Datetime.context_timestamp(sheet, sheet.response_deadline)
                ),
            )
        return True

    def action_open_accept(self):
        return self._ops_open_step("accept")

    def action_open_decline(self):
        return self._ops_open_step("decline")

    def action_open_reopen(self):
        return self._ops_open_step("reopen")

    def _ops_open_step(self, step):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "ops.contact.sheet.step",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sheet_id": self.id, "default_step": step},
        }

    def action_accept(self, owner_id=None, date_promised=None):
        """Accept the sheet: ``owner_id`` (a user of the receiving
        department) carries it out by ``date_promised``."""
        self.ensure_one()
        self._ops_check_not_self(self.requested_by_id, self.env._("accepting it"))
        self._ops_check_actor(self._ops_answerers(), self.env._("accept"))
        owner = self.env["res.users"].browse(owner_id).exists() if owner_id else None
        if not owner:
            raise UserError(
                self.env._(
                    "Name the owner who carries out contact sheet %(sheet)s.",
                    sheet=self.display_name,
                )
            )
        # sudo: the receiving department's members, only to check the owner.
        department = self.sudo().receiving_department_id
        if owner not in department.member_ids.user_id | department.manager_id.user_id:
            raise ValidationError(
                self.env._(
                    "%(user)s does not work in %(department)s: the owner of a contact sheet "
                    "is one of the receiving department.",
                    user=owner.name,
                    department=department.display_name,
                )
            )
        if not self._ops_cleared_users(owner):
            raise ValidationError(
                self.env._(
                    "%(user)s may not know contact sheet %(sheet)s (its confidentiality level "
                    "and need-to-know list): choose an owner who may.",
                    user=owner.name,
                    sheet=self.display_name,
                )
            )
        promised = fields.Date.to_date(date_promised) if date_promised else None
        if not promised or promised < fields.Date.context_today(self):
            raise ValidationError(
                self.env._(
                    "Contact sheet %(sheet)s: promise a date from today on.",
                    sheet=self.display_name,
                )
            )
        in_place = self.env.user not in self._ops_receiving_heads() and not self.env.su
        self._ops_transition(
            "accept",
            {
                "owner_id": owner.id,
                "date_promised": promised,
                "date_answered": fields.Datetime.now(),
                "escalation_level": 0,
                "decided_in_place": in_place,
            },
            sudo=True,
        )
        self._ops_close_activities()
        if in_place:
            self._ops_log_in_place(accepted=True)
        self._ops_tell(
            self.requested_by_id | owner,
            self.env._(
                "Accepted by %(user)s: %(owner)s carries it out by %(date)s.",
                user=self.env.user.name,
                owner=owner.name,
                date=promised,
            ),
        )
        self._ops_give(owner, self.env._("Carry out: %(subject)s", subject=self.subject), promised)
        return True

    def action_decline(self, reason=None):
        self.ensure_one()
        self._ops_check_not_self(self.requested_by_id, self.env._("declining it"))
        self._ops_check_actor(self._ops_answerers(), self.env._("decline"))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._("Say why contact sheet %(sheet)s is declined.", sheet=self.display_name)
            )
        in_place = self.env.user not in self._ops_receiving_heads() and not self.env.su
        self._ops_transition(
            "decline",
            {
                "decline_reason": reason,
                "date_answered": fields.Datetime.now(),
                "decided_in_place": in_place,
            },
            sudo=True,
        )
        self._ops_close_activities()
        if in_place:
            self._ops_log_in_place(accepted=False)
        self._ops_tell(
            self.requested_by_id,
            self.env._("Declined by %(user)s: %(reason)s", user=self.env.user.name, reason=reason),
        )
        return True

    def action_done(self):
        for sheet in self:
            sheet._ops_check_actor(
                sheet.owner_id | sheet._ops_answerers(), self.env._("report done")
            )
            sheet._ops_transition("done", {"date_done": fields.Datetime.now()}, sudo=True)
            sheet._ops_close_activities()
            sheet._ops_tell(
                sheet.requested_by_id,
                self.env._("Reported done by %(user)s.", user=self.env.user.name),
            )
            sheet._ops_give(
                sheet.requested_by_id,
                self.env._("Confirm or reopen: %(subject)s", subject=sheet.subject),
                fields.Date.context_today(sheet) + timedelta(days=2),
            )
        return True

    def action_confirm(self):
        for sheet in self:
            sheet._ops_check_not_self(sheet.owner_id, self.env._("confirming your own work"))
            sheet._ops_check_actor(sheet._ops_closers(), self.env._("confirm"))
            sheet._ops_transition("confirm", {"date_closed": fields.Datetime.now()}, sudo=True)
            sheet._ops_close_activities()
            sheet._ops_tell(
                sheet.owner_id | sheet._ops_receiving_heads(),
                self.env._("Confirmed by %(user)s.", user=self.env.user.name),
            )
        return True

    def action_reopen(self, reason=None):
        self.ensure_one()
        self._ops_check_not_self(self.owner_id, self.env._("reopening your own work"))
        self._ops_check_actor(self._ops_closers(), self.env._("reopen"))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._("Say why contact sheet %(sheet)s is reopened.", sheet=self.display_name)
            )
        self._ops_transition(
            "reopen",
            {"reopen_reason": reason, "date_done": False, "escalation_level": 0},
            sudo=True,
        )
        self._ops_close_activities()
        self._ops_tell(
            self.owner_id,
            self.env._("Reopened by %(user)s: %(reason)s", user=self.env.user.name, reason=reason),
        )
        self._ops_give(
            self.owner_id,
            self.env._("Carry out: %(subject)s", subject=self.subject),
            max(self.date_promised, fields.Date.context_today(self)),
        )
        return True

    def action_cancel(self):
        for sheet in self:
            sheet._ops_check_actor(sheet.requested_by_id, self.env._("cancel"))
            sheet._ops_transition("cancel", sudo=True)
            sheet._ops_close_activities()
            if sheet.date_submitted:
                sheet._ops_tell(
                    sheet._ops_receiving_heads(),
                    self.env._("Cancelled by %(user)s.", user=self.env.user.name),
                )
        return True

    # -- escalation --------------------------------------------------------------------

    def _ops_response(self):
        self.ensure_one()
        return self.env["ops.contact.sheet.response"]._ops_for(self.company_id, self.priority)

    def _ops_calendar(self):
        return self.company_id._ops_working_calendar()

    def _ops_late_since(self):
        """When the sheet became late (naive UTC), or ``None``: a submitted
        sheet at its response deadline, an accepted one at the end of its
        promised date."""
        self.ensure_one()
        if self.state == "submitted":
            return self.response_deadline or None
        if self.state == "accepted" and self.date_promised:
            # The end of the promised day where the company works.
            zone = pytz.timezone(self._ops_calendar().tz or "UTC")
            end = zone.localize(datetime.combine(self.date_promised + timedelta(days=1), time.min))
            return end.astimezone(pytz.utc).replace(tzinfo=None)
        return None

    def _ops_escalation_steps(self):
        """Whom each step of escalation goes to, in order: a late accepted
        sheet reminds its owner, then goes to the receiving head, then to
        Leadership; a sheet nobody answered goes to the receiving head
        again, then to Leadership."""
        self.ensure_one()
        if self.state == "accepted":
            return ("owner", "head", "leadership")
        return ("head", "leadership")

    @api.model
    def _cron_escalate(self):
        """Escalate the late sheets one step per escalation interval past
        their deadline. Idempotent: the step reached is stored, a second run
        at the same moment does nothing."""
        now = fields.Datetime.now()
        for sheet in self.search([("is_overdue", "=", True)]):
            sheet._ops_escalate(now)
        return True

    def _ops_escalate(self, now):
        self.ensure_one()
        late = self._ops_late_since()
        if not late or late > now:
            return
        steps = self._ops_escalation_steps()
        reached = self.company_id._ops_escalation_reached(
            late, self._ops_response().escalation_hours, len(steps), now
        )
        if reached <= self.escalation_level:
            return
        self._ops_lock_rows()
        if reached <= self.escalation_level:
            return
        for level in range(self.escalation_level + 1, reached + 1):
            self._ops_escalate_to(steps[level - 1])
        self._ops_transition("escalate", {"escalation_level": reached}, sudo=True)

    def _ops_escalate_to(self, whom):
        late = self.env._("Contact sheet %(sheet)s is late.", sheet=self.display_name)
        if whom == "owner":
            self._ops_tell(
                self.owner_id,
                self.env._(
                    "Reminder: it was promised for %(date)s. Report it done or agree a new "
                    "date with the requester.",
                    date=self.date_promised,
                ),
            )
        elif whom == "head":
            heads = self._ops_receiving_heads()
            self._ops_tell(heads, late)
            self._ops_give(
                heads,
                self.env._("Late contact sheet: %(subject)s", subject=self.subject),
                fields.Date.context_today(self),
            )
        else:
            leaders = self._ops_leadership() - self.requested_by_id
            self._ops_tell(leaders, late)
            self._ops_give(
                leaders,
                self.env._("Escalated contact sheet: %(subject)s", subject=self.subject),
                fields.Date.context_today(self),
            )

    # -- notices -----------------------------------------------------------------------

    def _ops_tell(self, users, text):
        """A message in the chatter for the other side: Odoo notifies
        ``users`` by their preference (inbox or e-mail)."""
        # Only those who may know the sheet are told of it.
        users = self._ops_cleared_users(users.filtered(lambda u: u.active and not u.share))
        # sudo: the step already checked who acts; posting and following
        # only tell the users named by the step.
        sheet = self.sudo()
        if users:
            sheet.message_subscribe(partner_ids=users.partner_id.ids)
        sheet.message_post(
            body=Markup("<p>%s</p>") % text,
            partner_ids=users.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.env.user.partner_id.id,
        )

    def _ops_give(self, users, summary, deadline):
        """An activity for each of ``users`` (the step waiting for them)."""
        for user in self._ops_cleared_users(users.filtered(lambda u: u.active and not u.share)):
            # sudo: the activity is the step the users named above take.
            self.sudo().activity_schedule(
                act_type_xmlid=ACTIVITY_TYPE,
                date_deadline=deadline,
                summary=summary,
                user_id=user.id,
            )

    def _ops_close_activities(self):
        # sudo: the sheet's own step activities, closed as its step is taken.
        self.sudo().activity_unlink([ACTIVITY_TYPE])

    def _ops_log_in_place(self, accepted):
        values = {
            "user": self.env.user.name,
            "department": self.receiving_department_id.display_name,
        }
        text = (
            self.env._(
                "%(user)s (Leadership) accepted the sheet in the place of the head of "
                "%(department)s.",
                **values,
            )
            if accepted
            else self.env._(
                "%(user)s (Leadership) declined the sheet in the place of the head of "
                "%(department)s.",
                **values,
            )
        )
        self.sudo().message_post(
            body=Markup("<p>%s</p>") % text,
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
