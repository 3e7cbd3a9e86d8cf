# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

INSPECTORS = (
    "ops_org.ops_org_group_hr",
    "ops_org.ops_org_group_administration",
    "ops_org.ops_org_group_confidentiality",
)


class OpsConfidentialityInspection(models.Model):
    """A confidentiality inspection by HR and administration (policy §七):
    planned, carried out against a checklist, its findings followed up."""

    _name = "ops.confidentiality.inspection"
    _description = "Confidentiality Inspection"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_planned desc, id desc"

    _ops_transitions = {
        "start": Transition(("planned",), "in_progress", INSPECTORS),
        "done": Transition(("in_progress",), "done", INSPECTORS),
    }
    _ops_workflow_fields = ("date_done",)
    # The inspectors' steps: an inspection decides about no one (its
    # findings and violation cases do).
    _ops_harmless_methods = ("action_start", "action_done")

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_planned = fields.Date(string="Planned On", required=True, tracking=True)
    date_done = fields.Date(string="Done On", readonly=True, tracking=True)
    department_ids = fields.Many2many("hr.department", string="Departments Inspected")
    inspector_ids = fields.Many2many(
        "res.users",
        string="Inspectors",
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    line_ids = fields.One2many(
        "ops.confidentiality.inspection.line", "inspection_id", string="Checklist", copy=True
    )
    state = fields.Selection(
        [("planned", "Planned"), ("in_progress", "In Progress"), ("done", "Done")],
        default="planned",
        required=True,
        tracking=True,
        copy=False,
    )
    finding_count = fields.Integer(compute="_compute_finding_count")
    violation_ids = fields.One2many("ops.confidentiality.violation", "inspection_id")

    @api.depends("line_ids.result")
    def _compute_finding_count(self):
        for inspection in self:
            inspection.finding_count = len(
                inspection.line_ids.filtered(lambda line: line.result == "finding")
            )

    def action_start(self):
        self._ops_transition("start")
        for inspection in self.filtered(lambda rec: not rec.line_ids):
            inspection.line_ids = [
                (0, 0, {"name": item}) for item in inspection._ops_default_checklist()
            ]
        return True

    def _ops_default_checklist(self):
        _ = self.env._
        return [
            _("Confidential documents locked away, clean desks"),
            _("Screens locked when unattended; passwords not shared"),
            _("Confidential files not on personal devices or public clouds"),
            _("Secret records shared only with the people who need to know"),
            _("Valid non-disclosure agreements for every cleared employee"),
            _("Licensed fonts, images, music and footage used within their licence"),
        ]

    def action_done(self):
        for inspection in self:
            unchecked = inspection.line_ids.filtered(lambda line: not line.result)
            if unchecked:
                raise UserError(
                    self.env._(
                        "Record the result of every checklist item first: %(items)s.",
                        items=", ".join(unchecked.mapped("name")),
                    )
                )
        self._ops_transition("done", {"date_done": fields.Date.context_today(self)})
        for inspection in self:
            for line in inspection.line_ids.filtered(
                lambda item: item.result == "finding" and item.responsible_id
            ):
                inspection.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=line.deadline or fields.Date.context_today(self),
                    summary=self.env._("Follow up: %(item)s", item=line.name),
                    note=line.finding,
                    user_id=line.responsible_id.id,
                )
        return True


class OpsConfidentialityInspectionLine(models.Model):
    _name = "ops.confidentiality.inspection.line"
    _description = "Confidentiality Inspection Checklist Item"
    _order = "inspection_id, sequence, id"

    inspection_id = fields.Many2one(
        "ops.confidentiality.inspection", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    result = fields.Selection([("ok", "Compliant"), ("finding", "Finding")])
    finding = fields.Text()
    responsible_id = fields.Many2one(
        "res.users", string="Follow-up By", domain="[('share', '=', False)]"
    )
    deadline = fields.Date(string="Follow-up Deadline")
    done = fields.Boolean(string="Followed Up")

    @api.constrains("result", "finding")
    def _check_finding(self):
        for line in self:
            if line.result == "finding" and not (line.finding or "").strip():
                raise ValidationError(
                    self.env._("Describe the finding of %(item)s.", item=line.name)
                )
