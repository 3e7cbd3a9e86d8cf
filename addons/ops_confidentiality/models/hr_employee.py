# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from .ops_confidentiality_mixin import LEVEL_RANK

CLEARANCES = [
    ("internal", "Internal"),
    ("confidential", "Confidential"),
    ("secret", "Secret"),
]


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    ops_clearance = fields.Selection(
        CLEARANCES,
        string="Clearance",
        default="internal",
        required=True,
        tracking=True,
        groups="hr.group_hr_user,ops_org.ops_org_group_confidentiality",
        help="The highest confidentiality level the employee may see. Above "
        "internal it needs a valid non-disclosure agreement.",
    )
    ops_nda_ids = fields.One2many(
        "ops.nda",
        "employee_id",
        string="Non-Disclosure Agreements",
        # The roles that may read agreements (their ACL), not Odoo's HR
        # officers without a role of ours.
        groups="ops_org.ops_org_group_hr,ops_org.ops_org_group_confidentiality",
    )
    ops_nda_valid = fields.Boolean(
        string="Valid NDA",
        compute="_compute_ops_nda_valid",
        groups="hr.group_hr_user,ops_org.ops_org_group_confidentiality",
    )
    ops_violation_ids = fields.One2many(
        "ops.confidentiality.violation",
        "employee_id",
        string="Confidentiality Violations",
        groups="ops_org.ops_org_group_confidentiality,ops_org.ops_org_group_hr",
    )
    ops_violation_count = fields.Integer(
        compute="_compute_ops_violation_count",
        groups="ops_org.ops_org_group_confidentiality,ops_org.ops_org_group_hr",
    )

    def _ops_drop_clearance_without_nda(self):
        dropped = self.sudo().filtered(
            lambda e: e.ops_clearance != "internal" and not e.ops_nda_ids._ops_valid()
        )
        for employee in dropped:
            employee.message_post(
                body=self.env._(
                    "Clearance %(old)s withdrawn: no valid non-disclosure agreement.",
                    old=employee._ops_selection_label("ops_clearance"),
                )
            )
        dropped.write({"ops_clearance": "internal"})
        return dropped

    def _compute_ops_violation_count(self):
        for employee in self:
            employee.ops_violation_count = len(employee.ops_violation_ids)

    @api.depends("ops_nda_ids.state", "ops_nda_ids.date_expiry")
    def _compute_ops_nda_valid(self):
        for employee in self:
            employee.ops_nda_valid = bool(employee.sudo().ops_nda_ids._ops_valid())

    # A clearance is a decision about the employee's user: never theirs
    # (an HR officer holding the confidentiality role raising their own).
    @api.model
    def _ops_decision_field_names(self):
        return super()._ops_decision_field_names() | {"ops_clearance"}

    @api.model
    def _ops_subject_paths(self):
        return super()._ops_subject_paths() | {"user_id"}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("ops_clearance") == "internal":
                # The default (what a form sends for a new employee): no
                # clearance given, so no decision to check.
                del vals["ops_clearance"]
        employees = super().create(vals_list)
        employees._ops_check_clearance()
        employees._ops_ask_for_nda()
        return employees

    def write(self, vals):
        if "ops_clearance" in vals:
            # Refused before anything is written.
            self._ops_check_clearance(vals["ops_clearance"])
        if "user_id" in vals:
            self._ops_check_clearance_moves_to(vals["user_id"])
        if "ops_clearance" in vals and not self.env.su:
            if not self.env.user.has_group("ops_org.ops_org_group_confidentiality"):
                raise UserError(self.env._("Only the confidentiality officer changes a clearance."))
            # Checked here too: the write below may run as superuser.
            self._ops_check_decision_fields(vals)
            if set(vals) == {"ops_clearance"}:
                # The officer need not manage employees to set a clearance.
                self.check_access("read")
                return self.sudo().write(vals)
        before = self.sudo().user_id if "ops_clearance" in vals or "user_id" in vals else None
        res = super().write(vals)
        if "ops_clearance" in vals or "user_id" in vals:
            # Record rules are cached per user: a clearance that changes, or
            # moves to another user, must reach them now. An internal
            # clearance changes nobody's rules.
            if "ops_clearance" in vals or any(e.ops_clearance != "internal" for e in self.sudo()):
                self.env.registry.clear_cache()
            self._ops_rechoose_steps(before | self.sudo().user_id)
        return res

    @api.model
    def _ops_rechoose_steps(self, users):
        """The steps still to be decided by ``users`` (their clearance
        changed, or moved to or from them) have their reviewers chosen
        again: only those cleared for the document keep them, with their
        approval activities (as when a document's level rises)."""
        if not users:
            return
        # sudo: the steps of these users, only to choose their reviewers
        # again by the same rule; nothing is returned.
        reviews = (
            self.env["tier.review"]
            .sudo()
            .search([("status", "in", ("waiting", "pending")), ("reviewer_ids", "in", users.ids)])
        )
        reviews._ops_rechoose_reviewers()

    def _ops_check_clearance_moves_to(self, user_id):
        """Linking a user to an employee cleared above internal gives that
        user the clearance: a decision nobody takes for themselves."""
        if self.env.su or not user_id:
            return
        cleared = self.sudo().filtered(lambda e: e.ops_clearance != "internal")
        if cleared:
            employee = cleared[0]
            self.new({"name": employee.name, "user_id": user_id})._ops_check_not_concerned(
                self.env._(
                    "clearance %(level)s", level=employee._ops_selection_label("ops_clearance")
                )
            )

    def _ops_check_clearance(self, clearance=None):
        """No clearance above internal (the employee's, or ``clearance`` about
        to be given) without a valid non-disclosure agreement."""
        for employee in self.sudo():
            level = clearance or employee.ops_clearance
            if LEVEL_RANK[level] > 1 and not employee.ops_nda_ids._ops_valid():
                raise UserError(
                    self.env._(
                        "%(employee)s needs a valid non-disclosure agreement for a "
                        "clearance above internal.",
                        employee=employee.name,
                    )
                )

    def _ops_ask_for_nda(self):
        """Onboarding: HR collects the new employee's non-disclosure agreement."""
        activity_type = self.env.ref("ops_confidentiality.mail_activity_type_nda")
        hr_users = (
            self.env.ref("ops_org.ops_org_group_hr").sudo().users.filtered(lambda u: not u.share)
        )
        for employee in self.sudo():
            # The HR officer who registers the newcomer collects it, or the
            # company's first HR officer.
            responsible = (
                (self.env.user & hr_users)
                or hr_users.filtered(lambda u, e=employee: e.company_id in u.company_ids)[:1]
                or self.env.user
            )
            employee.activity_schedule(
                activity_type_id=activity_type.id,
                summary=self.env._("Collect the signed non-disclosure agreement"),
                user_id=responsible.id,
            )
