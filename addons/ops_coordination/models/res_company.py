# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

ANNOUNCERS = ("ops_org.ops_org_group_administration", "ops_org.ops_org_group_leadership")


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_announcement_channel_id = fields.Many2one(
        "discuss.channel",
        string="Announcement Channel",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The company's announcement channel in Discuss: every employee reads it, only "
        "Administration and Leadership post in it.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._ops_ensure_announcement_channel()
        return companies

    @api.model
    def _ops_ensure_all_announcement_channels(self):
        self.sudo().search([])._ops_ensure_announcement_channel()
        return True

    def _ops_ensure_announcement_channel(self):
        """Each company has its announcement channel, to which every
        internal user is subscribed (Odoo's auto-subscription by group).
        sudo: the channel is the company's own."""
        for company in self.sudo():
            if company.ops_announcement_channel_id:
                continue
            channel = (
                self.env["discuss.channel"]
                .sudo()
                .create(
                    {
                        "name": self.env._("%(company)s announcements", company=company.name),
                        "channel_type": "channel",
                        "description": self.env._(
                            "Company announcements: Administration and Leadership post here."
                        ),
                        "group_ids": [fields.Command.link(self.env.ref("base.group_user").id)],
                        "ops_announcement": True,
                    }
                )
            )
            company.ops_announcement_channel_id = channel
