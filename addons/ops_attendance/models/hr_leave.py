# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import contextvars
from datetime import datetime, time, timedelta

from pytz import UTC, timezone

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import (
    ops_workflow_grant,
    ops_workflow_granted,
)

# The leaves Odoo is creating in this block of server code (set by
# ``HrLeave.create`` only, never by a caller): Odoo validates a time off of a
# type "No Validation" as it creates it; on the chain the chain decides.
_CREATING = contextvars.ContextVar("ops_attendance_leave_creating", default=None)

APPROVED_STATES = ("validate1", "validate")
APPROVER_FIELDS = ("first_approver_id", "second_approver_id")
# What a request's notice depends on: a write of these on a time off waiting
# for approval checks again that a short notice gives its reason.
NOTICE_FIELDS = (
    "request_date_from",
    "date_from",
    "holiday_status_id",
    "employee_id",
    "ops_short_notice_reason",
)
# Days of working schedule read at a time when counting a notice.
WINDOW_DAYS = 31


class HrLeave(models.Model):
    """Time off approved by authority level (policy §三(二)1): the
    department head, HR beyond one day, leadership beyond three days, as
    tier definitions an administrator edits, decided in that order. The
    chain runs on OCA tier validation through the glue of ``ops_org`` for
    the companies that enable it and the time off types flagged for it
    (those existing at installation, and those an administrator flags
    later), whatever the type's own validation mode — "No Validation"
    included: on the chain the flag, not the mode, says who approves.
    Elsewhere Odoo's own time off approval is untouched.

    On the chain, the leave reaches "Second Approval" or "Approved" only
    through the chain: Odoo's Approve and Validate, and a write of the
    state, are refused until every step approved (for everyone; the chain's
    own outcome runs inside the workflow grant)."""

    _name = "hr.leave"
    _inherit = ["hr.leave", "tier.validation", "ops.workflow.mixin"]

    _state_field = "state"
    _state_from = ["confirm"]
    _state_to = ["validate1", "validate"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    # Odoo writes and guards the state of a time off itself (its buttons,
    # public time off, cancellation); on the chain the rules below guard
    # the approved states.
    _ops_state_field = False
    _ops_requester_field = "employee_id.user_id"
    _ops_department_field = "department_id"
    # Whether a request is on short notice, and from when its notice counts,
    # are the server's: a caller neither sets nor changes them.
    _ops_workflow_fields = ("ops_short_notice", "ops_requested_on")
    # Odoo's own decisions: refused while the chain is open (approve,
    # validate) and to the employee concerned (refuse) on the chain.
    _ops_decision_methods = ("action_approve", "action_validate", "action_refuse")
    # The employee's cancellation (a wizard on their own time off), Odoo's
    # resubmission of a refused or cancelled time off (it starts the chain
    # again), the supporting documents and the list of records.
    _ops_harmless_methods = (
        "action_cancel",
        "action_reset_confirm",
        "action_documents",
        "action_open_records",
    )

    ops_policy = fields.Boolean(compute="_compute_ops_policy", string="Approval by Authority Level")
    ops_requested_on = fields.Datetime(
        string="Requested On",
        default=lambda self: fields.Datetime.now(),
        readonly=True,
        copy=False,
        help="When the time off was requested, or requested again after a refusal or a "
        "cancellation: its notice counts from that day.",
    )
    ops_short_notice = fields.Boolean(
        string="Short Notice",
        compute="_compute_ops_short_notice",
        store=True,
        help="Requested later than the notice of its time off type (policy §三(二)1: time off "
        "is requested in advance), counted in working days of the employee's schedule "
        "from the day of the request to the first day of time off. Unforeseeable types "
        "(sick leave) are never on short notice. On the approval chain, a request on "
        "short notice needs a reason and goes one step higher.",
    )
    ops_short_notice_reason = fields.Text(
        string="Reason for Short Notice",
        help="Why the time off could not be requested with the notice of its type.",
    )

    @api.depends("company_id.ops_leave_policy", "holiday_status_id.ops_authority_chain")
    def _compute_ops_policy(self):
        for leave in self:
            leave.ops_policy = (
                leave.company_id.ops_leave_policy and leave.holiday_status_id.ops_authority_chain
            )

    @api.depends(
        "request_date_from",
        "date_from",
        "holiday_status_id",
        "employee_id",
        "resource_calendar_id",
        "ops_requested_on",
    )
    def _compute_ops_short_notice(self):
        # The type's notice as it is when the request is made (or its dates
        # or type change): a later change of the type's notice leaves the
        # requests already made as they were.
        for leave in self:
            leave.ops_short_notice = leave._ops_is_short_notice()

    @api.depends("state", "employee_id", "department_id")
    def _compute_can_approve(self):
        # Odoo's Approve and Validate buttons: hidden while the chain decides.
        res = super()._compute_can_approve()
        for leave in self._ops_chain_pending():
            leave.can_approve = False
        return res

    # -- CRUD ----------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # Dates in the wrong order are refused by Odoo's own constraints
        # (date_check2, date_check3), whose message the server shows.
        # The mixin's check (again below) before the flag is dropped: the
        # server computes it, and a value sent at its default (False) could
        # otherwise stand instead of the computation.
        self._ops_check_owned_create(vals_list)
        for vals in vals_list:
            vals.pop("ops_short_notice", None)
        held = set()
        token = _CREATING.set(held)
        try:
            leaves = super().create(vals_list)
        finally:
            _CREATING.reset(token)
        leaves._ops_check_created_approved()
        leaves._ops_check_short_notice_reason()
        leaves._ops_request_chain()
        return leaves

    def write(self, vals):
        self._ops_check_chain_write(vals)
        resubmitted = self.browse()
        if vals.get("state") == "confirm":
            resubmitted = self.filtered(lambda leave: leave.state in ("refuse", "cancel"))
        res = super().write(vals)
        if resubmitted:
            # Requested again: the notice counts from now. Written under
            # sudo, as Odoo lets only time off officers write a time off
            # that has begun; nothing but this date is written.
            resubmitted.sudo()._ops_workflow_write({"ops_requested_on": fields.Datetime.now()})
        if resubmitted or set(NOTICE_FIELDS) & set(vals):
            self._ops_check_short_notice_reason()
        if resubmitted:
            resubmitted._ops_restart_chain()
        return res

    def message_post(self, **kwargs):
        held = _CREATING.get()
        if (
            held
            and self.ids
            and set(self.ids) <= held
            and kwargs.get("subtype_xmlid") == "mail.mt_comment"
            and not kwargs.get("partner_ids")
        ):
            # Odoo announces that the time off of type "No Validation" it
            # has just created was approved automatically: on the chain it
            # was not, it waits for its authority levels.
            return self.env["mail.message"]
        return super().message_post(**kwargs)

    # -- notice ----------------------------------------------------------------

    def _ops_is_short_notice(self):
        """Whether the time off is requested later than the notice of its
        type: fewer working days than the notice from the day of the
        request (counted if it is a working day) to its first day (not
        counted), in the time zone in which Odoo reads its dates."""
        self.ensure_one()
        leave_type = self.holiday_status_id
        if not leave_type or leave_type.ops_unforeseeable or leave_type.ops_notice_days <= 0:
            return False
        tz = timezone(self.tz or "UTC")
        first_day = self.request_date_from
        if not first_day and self.date_from:
            first_day = UTC.localize(self.date_from).astimezone(tz).date()
        if not first_day:
            return False
        requested_on = self.ops_requested_on or fields.Datetime.now()
        request_day = UTC.localize(requested_on).astimezone(tz).date()
        notice = leave_type.ops_notice_days
        return self._ops_working_days(request_day, first_day, tz, enough=notice) < notice

    def _ops_working_days(self, start, stop, tz, enough=None):
        """Days of ``start`` (included) to ``stop`` (excluded) on which the
        employee's working schedule has working time, public holidays of the
        company excepted; calendar days for a flexible schedule. Counted a
        few weeks at a time, up to ``enough`` days when given (a time off
        requested months ahead needs no year of schedule)."""
        self.ensure_one()
        if stop <= start:
            return 0
        # sudo: the schedule and the public holidays only give a count of
        # days; the schedule may be one the requester cannot read (another
        # company's, a contract's).
        calendar = self.resource_calendar_id.sudo()
        if not calendar or calendar.flexible_hours or not calendar.attendance_ids:
            return (stop - start).days
        domain = [
            ("time_type", "=", "leave"),
            ("resource_id", "=", False),
            ("company_id", "in", [False, self.company_id.id]),
        ]
        days = 0
        while start < stop and (enough is None or days < enough):
            end = min(stop, start + timedelta(days=WINDOW_DAYS))
            intervals = calendar._work_intervals_batch(
                tz.localize(datetime.combine(start, time.min)),
                tz.localize(datetime.combine(end, time.min)),
                domain=domain,
                tz=tz,
            )[False]
            days += len({begin.date() for begin, _end, _meta in intervals})
            start = end
        return days

    def _ops_check_short_notice_reason(self):
        """A request on the chain made on short notice says why."""
        for leave in self:
            if (
                leave.state == "confirm"
                and leave.ops_policy
                and leave.ops_short_notice
                and not (leave.ops_short_notice_reason or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "%(leave)s is requested on short notice: time off of type %(type)s is "
                        "requested %(days)s working day(s) in advance. Give the reason for "
                        "the short notice.",
                        leave=leave.display_name,
                        type=leave.holiday_status_id.display_name,
                        days=leave.holiday_status_id.ops_notice_days,
                    )
                )

    @api.model
    def _ops_init_requested_on(self):
        """At installation (and the update that adds it): the time off
        requested until then counts its notice from its creation."""
        self.env.flush_all()
        self.env.cr.execute("UPDATE hr_leave SET ops_requested_on = create_date")
        self.env.invalidate_all()
        leaves = self.sudo().with_context(active_test=False).search([])
        self.env.add_to_compute(self._fields["ops_short_notice"], leaves)
        leaves.flush_recordset(["ops_short_notice"])
        return True

    # -- the chain -------------------------------------------------------------

    def _ops_chain_open_to_user(self):
        """Whether the current code may move leaves of the chain to an
        approved state: the chain's own outcome (the grant) or the
        superuser acting for nobody."""
        return ops_workflow_granted(self._name) or self.env.uid == SUPERUSER_ID

    def _ops_chain_pending(self):
        """Leaves on the chain that the chain has not approved (yet)."""
        return self.filtered(
            lambda leave: (
                leave.ops_policy and leave.review_ids and leave.validation_status != "validated"
            )
        )

    def _ops_check_chain_done(self, leaves=None):
        """Refuse to approve leaves whose chain is still open, whoever asks
        and however (Odoo's buttons, a write of the state, under sudo)."""
        if self._ops_chain_open_to_user():
            return
        for leave in (self if leaves is None else leaves)._ops_chain_pending():
            raise UserError(
                self.env._(
                    "%(leave)s is approved through its authority levels (%(tiers)s), "
                    "which are not all approved yet.",
                    leave=leave.display_name,
                    tiers=", ".join(n for n in leave.review_ids.mapped("name") if n),
                )
            )

    def _ops_check_chain_write(self, vals):
        if self._ops_chain_open_to_user():
            return
        state = vals.get("state")
        if state in APPROVED_STATES:
            self._ops_check_chain_done(self.filtered(lambda leave: leave.state != state))
        elif not state and set(APPROVER_FIELDS) & set(vals):
            # Who approved a leave of the chain is written by the chain.
            for leave in self.filtered(lambda rec: rec.ops_policy and rec.review_ids):
                for name in set(APPROVER_FIELDS) & set(vals):
                    if leave[name].id != (vals[name] or False):
                        leave._ops_refuse_field(name)

    def _ops_check_created_approved(self):
        """A time off of the chain is not created approved, except by the
        superuser and by Odoo's Time Off Administrators, whose own tools
        (time off imposed on a whole company or department, time off split
        around a new public holiday) create approved time off directly."""
        if self._ops_chain_open_to_user() or self.env.user.has_group(
            "hr_holidays.group_hr_holidays_manager"
        ):
            return
        for leave in self.filtered(lambda rec: rec.ops_policy and rec.state in APPROVED_STATES):
            raise UserError(
                self.env._(
                    "%(leave)s is approved through its authority levels: it is requested, "
                    "not created approved.",
                    leave=leave.display_name,
                )
            )

    def _ops_request_chain(self):
        """Request the chain of the leaves on it that wait for approval. A
        leave no step of the authority matrix applies to is refused (fail
        closed, by ``ops_org``)."""
        todo = self.filtered(
            lambda leave: leave.ops_policy and leave.state == "confirm" and not leave.review_ids
        )
        # OCA computes need_validation without dependencies: reviews just
        # removed by a restart leave it stale.
        todo.invalidate_recordset(["need_validation"])
        for leave in todo:
            leave.sudo(False)._ops_request_validation()
        if todo:
            todo.activity_update()
        return True

    def _ops_restart_chain(self):
        """A refused or cancelled leave of the chain submitted again starts
        its chain over (its old reviews, kept until now, are replaced)."""
        chained = self.filtered(lambda leave: leave.ops_policy and leave.state == "confirm")
        for leave in chained.filtered("review_ids"):
            leave.sudo(False)._ops_restart_validation()
        chained._ops_request_chain()
        return True

    def _ops_employee_of(self, user):
        self.ensure_one()
        employees = user.sudo().employee_ids
        return (
            employees.filtered(lambda emp: emp.company_id == self.company_id)[:1] or employees[:1]
        )

    def _ops_apply_outcome(self):
        """Once every step approved, the time off is validated as in Odoo
        (calendar entries, allocation); once a step rejected, refused."""
        for leave in self:
            if not leave.ops_policy or leave.state != "confirm" or not leave.review_ids:
                continue
            if leave.validation_status == "validated":
                leave._ops_validate_by_chain()
            elif leave.validation_status == "rejected":
                leave._ops_refuse_by_chain()

    def _ops_validate_by_chain(self):
        """Odoo 18 checks the acting user's time off groups even under sudo
        (``_check_double_validation_rules``): whoever decided the last step
        (a department head, a leader), Odoo's validation runs as the
        superuser, inside the grant, once every step approved; the
        approvers recorded are the people who decided the steps: for a type
        with two approvals, the first step's and the last step's; else the
        last step's."""
        self.ensure_one()
        approved = self.review_ids.filtered(lambda r: r.status == "approved").sorted("sequence")
        first = self._ops_employee_of(approved[:1].done_by)
        last = self._ops_employee_of(approved[-1:].done_by)
        if self.validation_type == "both":
            approvers = {"first_approver_id": first.id, "second_approver_id": last.id}
        else:
            approvers = {"first_approver_id": last.id}
        leave = self.with_user(SUPERUSER_ID)
        with ops_workflow_grant(self._name):
            leave.action_validate()
            leave.write(approvers)
        return True

    def _ops_refuse_by_chain(self):
        """A step rejected (with its reason): Odoo refuses the time off. The
        rejecting reviewer may not hold Odoo's time off rights, so it runs
        under sudo, which records them as the one who refused."""
        self.ensure_one()
        with ops_workflow_grant(self._name):
            self.sudo().action_refuse()
        return True

    # -- Odoo's decisions --------------------------------------------------------

    def action_approve(self, check_state=True):
        self._ops_check_chain_done()
        return super().action_approve(check_state=check_state)

    def action_validate(self, check_state=True):
        leaves = self
        held = _CREATING.get()
        if held is not None and not ops_workflow_granted(self._name):
            # Odoo validating the "No Validation" leaves it creates: those on
            # the chain wait for it instead.
            waiting = self.filtered(
                lambda leave: leave.ops_policy and leave.state == "confirm" and not leave.review_ids
            )
            held.update(waiting.ids)
            leaves = self - waiting
        leaves._ops_check_chain_done()
        if not leaves:
            return True
        return super(HrLeave, leaves).action_validate(check_state=check_state)

    def action_refuse(self):
        if not self._ops_chain_open_to_user():
            # Refusing is deciding: on the chain, never by the employee
            # concerned (an HR officer refusing their own time off).
            self.filtered("ops_policy")._ops_check_not_concerned(self.env._("refusing time off"))
        res = super().action_refuse()
        # Refused with Odoo's own button while the chain was open: its open
        # steps no longer wait for anyone.
        self.filtered("review_ids")._ops_close_open_reviews()
        return res

    # -- tier validation ---------------------------------------------------

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "first_approver_id",
            "second_approver_id",
            "name",
            "private_name",
            "supported_attachment_ids",
            "attachment_ids",
            "meeting_id",
            "active",
            # Odoo writes it when the employee's manager changes (a new
            # department head); the chain's reviewers are not taken from it.
            "manager_id",
        ]

    def _tier_validation_check_write_allowed(self, vals):
        # OCA lets any caller skip this check with the context key
        # ``skip_validation_check``: on time off only the chain's own
        # outcome skips it (changing the dates of a leave under review would
        # skip the steps its new length needs).
        if ops_workflow_granted(self._name):
            return None
        return super(
            HrLeave, self.with_context(skip_validation_check=False)
        )._tier_validation_check_write_allowed(vals)

    def activity_update(self):
        """Under the chain, reviewers get their tier's activity instead of
        Odoo's "time off approval" activity. Returns what Odoo returns
        (False when activities are skipped), True where Odoo returns
        nothing."""
        chained = self.filtered(lambda leave: leave.ops_policy and leave.review_ids)
        if chained:
            chained.activity_unlink(
                [
                    "hr_holidays.mail_act_leave_approval",
                    "hr_holidays.mail_act_leave_second_approval",
                ]
            )
        chained = chained.filtered(lambda leave: leave.state in ("confirm", "validate1"))
        res = super(HrLeave, self - chained).activity_update()
        return True if res is None else res
