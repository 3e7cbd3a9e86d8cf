# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

OFFICERS = ("ops_org.ops_org_group_hr", "ops_org.ops_org_group_confidentiality")

STATES = [
    ("reported", "Reported"),
    ("investigation", "Under Investigation"),
    ("decided", "Decided"),
    ("penalised", "Penalty Applied"),
    ("closed", "Closed"),
]
# The step "Next Step" takes from each state.
NEXT = {
    "reported": "investigate",
    "investigation": "decide",
    "decided": "penalise",
    "penalised": "close",
}


class OpsConfidentialityViolation(models.Model):
    """A breach of confidentiality by an employee (policy §七): reported,
    investigated, decided, penalised and closed, on the employee's record."""

    _name = "ops.confidentiality.violation"
    _description = "Confidentiality Violation Case"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_reported desc, id desc"

    # Every step of a case, and what the case says of the employee, is
    # decided by officers other than the accused employee.
    _ops_transitions = {
        "investigate": Transition(("reported",), "investigation", OFFICERS, decision=True),
        "decide": Transition(("investigation",), "decided", OFFICERS, decision=True),
        "penalise": Transition(("decided",), "penalised", OFFICERS, decision=True),
        "close": Transition(("penalised",), "closed", OFFICERS, decision=True),
    }
    _ops_workflow_fields = ("reported_by_id", "reminder_date")
    _ops_subject_fields = ("employee_id",)
    _ops_decision_fields = (
        "employee_id",
        "description",
        "investigation",
        "decision",
        "penalty",
        "penalty_note",
    )
    _ops_decision_methods = ("action_next",)
    # What each state leaves open to change (the form shows the same).
    _ops_editable_in = {
        "employee_id": ("reported",),
        "date_reported": ("reported",),
        "description": ("reported",),
        "investigation": ("reported", "investigation"),
        "decision": ("reported", "investigation", "decided"),
        "penalty": ("reported", "investigation", "decided"),
        "date_deadline": ("reported", "investigation"),
    }

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    date_reported = fields.Date(
        string="Reported On", required=True, default=fields.Date.context_today, tracking=True
    )
    reported_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    inspection_id = fields.Many2one("ops.confidentiality.inspection", index=True)
    description = fields.Html(required=True)
    investigation = fields.Html(string="Investigation Findings")
    decision = fields.Html()
    penalty = fields.Selection(
        [
            ("none", "No Penalty"),
            ("warning", "Written Warning"),
            ("fine", "Fine"),
            ("demotion", "Demotion"),
            ("dismissal", "Dismissal"),
            ("legal", "Legal Action"),
        ],
        tracking=True,
    )
    penalty_note = fields.Text()
    state = fields.Selection(STATES, default="reported", required=True, tracking=True, copy=False)
    date_deadline = fields.Date(
        string="Decide By",
        tracking=True,
        default=lambda self: self._default_date_deadline(),
        help="By when the case is investigated and decided (the company's investigation "
        "days after it is reported, unless the officers set another date).",
    )
    reminder_date = fields.Date(string="Reminded On", readonly=True, copy=False)

    @api.model
    def _default_date_deadline(self):
        return fields.Date.context_today(self) + timedelta(
            days=self.env.company.ops_violation_days or 0
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("ops.confidentiality.violation") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self._ops_workflow_open():
            for name in set(vals) & set(self._ops_editable_in):
                for case in self:
                    if case.state not in self._ops_editable_in[name] and case._ops_changes(
                        name, vals[name]
                    ):
                        raise UserError(
                            self.env._(
                                "%(case)s is %(state)s: its %(field)s no longer changes.",
                                case=case.name,
                                state=case._ops_selection_label("state"),
                                field=self._fields[name]._description_string(self.env),
                            )
                        )
        return super().write(vals)

    def action_next(self):
        for case in self:
            if case.state == "closed":
                raise UserError(self.env._("%(case)s is closed.", case=case.name))
            if case.state == "investigation" and not case._ops_text(case.investigation):
                raise UserError(
                    self.env._("Record the findings of the investigation before deciding.")
                )
            if case.state == "decided" and not (case._ops_text(case.decision) and case.penalty):
                raise UserError(self.env._("Record the decision and the penalty first."))
            case._ops_transition(NEXT[case.state])
        return True

    @api.model
    def _cron_remind_deadline(self):
        """Daily: cases not yet decided whose date is within the company's
        reminder days give the officers (never the accused employee) an
        activity and a message, once per case."""
        today = fields.Date.context_today(self)
        cases = self.search(
            [
                ("state", "in", ("reported", "investigation")),
                ("date_deadline", "!=", False),
                ("reminder_date", "=", False),
            ]
        )
        for case in cases:
            days = case.company_id.ops_violation_reminder_days or 0
            if case.date_deadline - timedelta(days=days) > today:
                continue
            case._ops_lock_rows()
            if case.reminder_date or case.state not in ("reported", "investigation"):
                continue
            case._ops_remind_deadline()
            case._ops_workflow_write({"reminder_date": today})
        return True

    def _ops_remind_deadline(self):
        self.ensure_one()
        officers = (
            self._ops_group_users(*OFFICERS, company=self.company_id) - self._ops_concerned_users()
        )
        for officer in officers:
            self.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=self.date_deadline,
                summary=self.env._("Investigate and decide the violation case"),
                user_id=officer.id,
            )
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "%(case)s is to be decided by %(date)s.", case=self.name, date=self.date_deadline
            ),
            partner_ids=officers.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    @staticmethod
    def _ops_text(html):
        return (html2plaintext(html or "") or "").strip()
