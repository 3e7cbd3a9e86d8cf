# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition
from odoo.addons.queue_job.job import identity_exact

OFFICERS = ("ops_org.ops_org_group_hr", "ops_org.ops_org_group_confidentiality")
# Agreements one expiry job handles.
EXPIRE_CHUNK = 200


class OpsNda(models.Model):
    """A non-disclosure agreement (保密协议, policy §七) signed by an
    employee: the agreement file, the signing date, the expiry and the
    obligations. No clearance above internal without a valid one; when it
    expires, the daily job brings the clearance back to internal."""

    _name = "ops.nda"
    _description = "Non-Disclosure Agreement"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_signed desc, id desc"

    # An agreement is about its signer: recording, changing or terminating
    # it is decided by another officer, never by the employee who signed it
    # (an HR officer holding the confidentiality role recording their own).
    _ops_transitions = {
        "terminate": Transition(("valid",), "terminated", OFFICERS, decision=True),
        # The daily job, past the expiry date.
        "expire": Transition(("valid",), "expired"),
    }
    _ops_workflow_fields = ("reminded",)
    _ops_subject_fields = ("employee_id",)
    _ops_decision_fields = (
        "employee_id",
        "date_signed",
        "date_expiry",
        "obligations",
        "attachment_id",
    )
    _ops_decision_methods = ("action_terminate",)

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="cascade"
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="User")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_signed = fields.Date(string="Signed On", required=True, tracking=True)
    date_expiry = fields.Date(
        string="Expires On",
        tracking=True,
        help="Empty: the agreement does not expire.",
    )
    obligations = fields.Html(
        help="What the employee undertakes: the information covered, the duration of "
        "the duty after leaving, the penalties."
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Signed Agreement", tracking=True, copy=False
    )
    state = fields.Selection(
        [("valid", "Valid"), ("expired", "Expired"), ("terminated", "Terminated")],
        default="valid",
        required=True,
        tracking=True,
        copy=False,
    )
    reminded = fields.Boolean(copy=False, readonly=True)

    @api.constrains("date_signed", "date_expiry")
    def _check_dates(self):
        # The later of the user's day and the server's: whoever is ahead of
        # the other, an agreement signed today is not in the future.
        today = max(fields.Date.context_today(self), fields.Date.today())
        for nda in self:
            if nda.date_signed > today:
                raise ValidationError(
                    self.env._(
                        "%(nda)s: an agreement is recorded once signed; %(date)s is still to come.",
                        nda=nda.display_name,
                        date=nda.date_signed,
                    )
                )
            if nda.date_expiry and nda.date_expiry <= nda.date_signed:
                raise ValidationError(
                    self.env._("A non-disclosure agreement expires after the day it is signed.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("ops.nda") or "/"
        return super().create(vals_list)

    def _ops_valid(self, day=None):
        day = day or fields.Date.context_today(self)
        return self.filtered(
            lambda n: (
                n.state == "valid"
                and n.date_signed <= day
                and (not n.date_expiry or n.date_expiry >= day)
            )
        )

    def action_terminate(self):
        self._ops_transition("terminate")
        self.employee_id._ops_drop_clearance_without_nda()
        return True

    @api.model
    def _cron_expire(self):
        """Daily: agreements past their expiry expire, and clearances above
        internal without a valid agreement drop to internal — in jobs on the
        confidentiality channel, a chunk of agreements each, then one for
        the clearances; the employee's users lose sight of confidential
        records as soon as the job has run."""
        today = fields.Date.context_today(self)
        expired = self.search([("state", "=", "valid"), ("date_expiry", "<", today)], order="id")
        for start in range(0, len(expired), EXPIRE_CHUNK):
            chunk = expired[start : start + EXPIRE_CHUNK]
            chunk.with_delay(
                description=self.env._(
                    "Expire non-disclosure agreements (%(count)s)", count=len(chunk)
                ),
                identity_key=identity_exact,
            )._ops_job_expire()
        self.with_delay(
            description=self.env._("Drop clearances without a valid agreement"),
            identity_key=identity_exact,
            priority=20,
        )._ops_job_drop_clearances()
        return expired

    def _ops_job_expire(self):
        """Job: these agreements expire, with the clearances they held.
        Idempotent: an agreement expired already (or renewed since) is
        left alone."""
        today = fields.Date.context_today(self)
        due = self.filtered(
            lambda n: n.state == "valid" and n.date_expiry and n.date_expiry < today
        )
        due._ops_transition("expire")
        due.employee_id._ops_drop_clearance_without_nda()
        return f"{len(due)} agreements expired"

    @api.model
    def _ops_job_drop_clearances(self):
        """Job: every clearance above internal without a valid agreement
        drops to internal (idempotent: a dropped clearance stays)."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("ops_clearance", "in", ("confidential", "secret"))])
        )
        employees._ops_drop_clearance_without_nda()
        return f"{len(employees)} clearances checked"

    @api.model
    def _cron_remind(self):
        """Daily: the employee and the confidentiality officers are reminded
        before an agreement expires (days set on the company)."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            horizon = today + timedelta(days=company.ops_nda_reminder_days)
            ndas = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "valid"),
                    ("reminded", "=", False),
                    ("date_expiry", "!=", False),
                    ("date_expiry", "<=", horizon),
                    ("date_expiry", ">=", today),
                ]
            )
            officers = self.env.ref("ops_org.ops_org_group_confidentiality").users.filtered(
                lambda u, c=company: not u.share and c in u.company_ids
            )
            for nda in ndas:
                for user in officers | nda.user_id:
                    nda.activity_schedule(
                        "mail.mail_activity_data_todo",
                        date_deadline=nda.date_expiry,
                        summary=self.env._("Renew the non-disclosure agreement"),
                        user_id=user.id,
                    )
            ndas._ops_workflow_write({"reminded": True})
