# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

DEPARTMENT_KINDS = [
    ("planning", "Planning"),
    ("design", "Design"),
    ("technology", "Technology"),
    ("testing", "Testing"),
    ("operations", "Operations"),
    ("marketing", "Marketing"),
    ("sales", "Sales"),
    ("customer_service", "Customer Service"),
    ("finance", "Finance"),
    ("hr", "Human Resources"),
    ("administration", "Administration"),
]


class HrDepartment(models.Model):
    """Departments of the policy. Appointing a head is a decision about the
    person appointed: nobody appoints themselves (they would join the
    Department Head group and its rights)."""

    _inherit = "hr.department"
    # Found by its name in the user's language too: Odoo stores the full
    # name (complete_name) once, in the language it was created in.
    _rec_names_search = ["complete_name", "name"]

    _ops_subject_fields = ("manager_id",)
    _ops_decision_fields = ("manager_id",)

    code = fields.Char(
        index=True,
        tracking=True,
        help="Short code of the department, unique within its company (e.g. PLN).",
    )
    kind = fields.Selection(
        DEPARTMENT_KINDS,
        tracking=True,
        help="Function of the department in the operations policy; other addons "
        "use it to find who owns a project phase or a review.",
    )
    deputy_id = fields.Many2one(
        "hr.employee",
        tracking=True,
        check_company=True,
        help="Stands in for the head of department.",
    )
    duty_ids = fields.One2many(
        "ops.department.duty", "department_id", string="Duty Charter", copy=True
    )
    duty_count = fields.Integer(compute="_compute_duty_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The department code must be unique within a company.",
        ),
    ]

    @api.depends("name", "parent_id")
    @api.depends_context("hierarchical_naming", "lang")
    def _compute_display_name(self):
        """The full name in the user's language (Planning shows as 策划部
        to a user who speaks Chinese), not the stored complete_name, which
        keeps the language the department was created in."""
        if not self.env.context.get("hierarchical_naming", True):
            return super()._compute_display_name()
        for department in self:
            names, node = [], department
            while node:  # no cycle: Odoo refuses recursive departments
                names.append(node.name or "")
                node = node.parent_id
            department.display_name = " / ".join(reversed(names))

    @api.depends("duty_ids")
    def _compute_duty_count(self):
        for department in self:
            department.duty_count = len(department.duty_ids)

    @api.constrains("manager_id", "deputy_id")
    def _check_deputy_is_not_head(self):
        for department in self:
            if department.deputy_id and department.deputy_id == department.manager_id:
                raise ValidationError(
                    self.env._(
                        "Department %(department)s: the deputy cannot be the head "
                        "of the department.",
                        department=department.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        departments = super().create(vals_list)
        self._ops_sync_department_heads(departments.manager_id.user_id)
        return departments

    def write(self, vals):
        watched = {"manager_id", "active", "company_id"} & set(vals)
        old_heads = self.manager_id.user_id if watched else self.env["res.users"]
        res = super().write(vals)
        if watched:
            self._ops_sync_department_heads(old_heads | self.manager_id.user_id)
        return res

    def unlink(self):
        old_heads = self.manager_id.user_id
        res = super().unlink()
        self._ops_sync_department_heads(old_heads)
        return res

    def _ops_head_users(self, exclude=None):
        """The head of this department, or of the first department above it
        whose head is not among ``exclude``; at the top, Leadership (less
        ``exclude``)."""
        exclude = exclude or self.env["res.users"]
        # sudo: walks the department tree to find a head; only users come out.
        department = self.sudo()[:1]
        while department:
            head = department.manager_id.user_id
            if head and head.active and head not in exclude:
                return head.sudo(False)
            department = department.parent_id
        # sudo: the members of a group, which any user may be told about here.
        leadership = self.env.ref("ops_org.ops_org_group_leadership").sudo().users
        return leadership.filtered(lambda u: not u.share).sudo(False) - exclude

    @api.model
    def _ops_sync_department_heads(self, users):
        """Put the managers of active departments into the Department Head
        group and take everyone else among ``users`` out of it, unless another
        of their groups implies it (Leadership does)."""
        users = users.exists()
        if not users:
            return
        group = self.env.ref("ops_org.ops_org_group_department_head").sudo()
        heads = (
            self.sudo()
            .with_context(active_test=True)
            .search([("manager_id.user_id", "in", users.ids)])
            .manager_id.user_id
        )
        members = group.users & users
        to_add = heads - members
        to_remove = (members - heads).filtered(
            lambda user: (
                not any(group in other.trans_implied_ids for other in user.groups_id - group)
            )
        )
        commands = [Command.link(user.id) for user in to_add]
        commands += [Command.unlink(user.id) for user in to_remove]
        if commands:
            group.write({"users": commands})


class OpsDepartmentDuty(models.Model):
    _name = "ops.department.duty"
    _description = "Department Duty"
    _order = "department_id, sequence, id"

    department_id = fields.Many2one("hr.department", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Duty", required=True, translate=True)
    company_id = fields.Many2one(related="department_id.company_id", store=True, index=True)
