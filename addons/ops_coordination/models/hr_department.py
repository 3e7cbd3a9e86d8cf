# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HrDepartment(models.Model):
    """Each department has its channel in Discuss (policy §三(二)4: 沟通协作),
    whose members are kept in step with the department's: an employee who
    joins the department joins the channel, one who leaves it leaves."""

    _inherit = "hr.department"

    ops_channel_id = fields.Many2one(
        "discuss.channel",
        string="Department Channel",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    @api.model_create_multi
    def create(self, vals_list):
        departments = super().create(vals_list)
        departments._ops_sync_channels()
        return departments

    def write(self, vals):
        res = super().write(vals)
        if "name" in vals and self.ops_channel_id:
            # sudo: the channels are the departments' own, named after them.
            for department in self.filtered("ops_channel_id"):
                department.ops_channel_id.sudo().name = department._ops_channel_name()
        if "active" in vals or "manager_id" in vals:
            self._ops_sync_channels()
        return res

    def _ops_channel_name(self):
        self.ensure_one()
        return self.complete_name or self.name

    def _ops_channel_users(self):
        """The users who belong in the department's channel: its active
        employees' users and its head."""
        self.ensure_one()
        # sudo: the department's members, only to put them in its channel.
        department = self.sudo()
        users = department.member_ids.user_id | department.manager_id.user_id
        return users.filtered(lambda u: u.active and not u.share)

    @api.model
    def _ops_sync_all_channels(self):
        """At installation and update: every active department has its
        channel, with its members in it."""
        self.sudo().search([])._ops_sync_channels()
        return True

    def _ops_sync_channels(self):
        """Create the channel of each active department of ``self`` that
        has none, and add its members who are not in it yet. sudo: the
        channels are the departments' own; only their members are added."""
        Channel = self.env["discuss.channel"].sudo()
        for department in self.sudo():
            if not department.active:
                continue
            users = department._ops_channel_users()
            channel = department.ops_channel_id
            if not channel:
                channel = Channel.create(
                    {
                        "name": department._ops_channel_name(),
                        "channel_type": "channel",
                        "description": self.env._(
                            "Channel of the department %(department)s.",
                            department=department.display_name,
                        ),
                    }
                )
                department.ops_channel_id = channel
                # Whoever created it (the user creating the department, or
                # the server) is not a member by that alone.
                channel.channel_member_ids.filtered(
                    lambda m, u=users: m.partner_id not in u.partner_id
                ).unlink()
            missing = users.partner_id - channel.channel_member_ids.partner_id
            if missing:
                channel._add_members(partners=missing, post_joined_message=False)

    def _ops_leave_channel(self, users):
        """Take ``users`` (who left the department) out of its channel."""
        for department in self.sudo():
            channel = department.ops_channel_id
            stay = department._ops_channel_users()
            gone = (users - stay).partner_id
            # sudo: only the members who left the department are removed.
            channel.channel_member_ids.filtered(lambda m, g=gone: m.partner_id in g).sudo().unlink()
