# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

OWN_KINDS = [
    ("work", "Work (Copyright)"),
    ("software", "Software Copyright"),
    ("trademark", "Trademark"),
    ("patent", "Patent"),
]
LICENSED_KINDS = [
    ("font", "Font"),
    ("image", "Image"),
    ("music", "Music"),
    ("footage", "Footage"),
    ("other_licence", "Other Licensed Asset"),
]


class OpsIpAsset(models.Model):
    """Intellectual property register: the company's own works, software
    copyrights, trademarks and patents, and the third-party assets it uses
    under licence (fonts, images, music, footage) with their scope,
    territory and expiry — a digital-media company's daily risk."""

    _name = "ops.ip.asset"
    _description = "Intellectual Property Asset"
    _inherit = [
        "ops.workflow.mixin",
        "ops.confidentiality.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "ownership, kind, name"

    # The state follows the expiry date (computed): no step writes it, and
    # nobody else does. The daily job marks the alert it sent.
    _ops_transitions = {}
    _ops_workflow_fields = ("expiry_alerted",)

    name = fields.Char(required=True, tracking=True)
    ownership = fields.Selection(
        [("own", "Company's Own"), ("licensed", "Licensed from a Third Party")],
        required=True,
        default="own",
        tracking=True,
    )
    kind = fields.Selection(OWN_KINDS + LICENSED_KINDS, required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)
    owner_id = fields.Many2one(
        "res.partner", string="Owner / Licensor", tracking=True, check_company=True
    )
    author_ids = fields.Many2many("hr.employee", string="Employee Authors", check_company=True)
    registration_number = fields.Char(tracking=True)
    registration_office = fields.Char(help="e.g. 国家版权局, 国家知识产权局商标局")
    date_application = fields.Date(string="Applied On")
    date_registration = fields.Date(string="Registered On")
    date_expiry = fields.Date(string="Expires On", tracking=True)
    licence_scope = fields.Text(
        help="What the licence allows: media, uses, number of seats or projects."
    )
    territory = fields.Char(default="中国大陆 / Mainland China")
    licence_fee = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    notes = fields.Html()
    expiry_alerted = fields.Boolean(copy=False, readonly=True)
    state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring"), ("expired", "Expired")],
        compute="_compute_state",
        store=True,
    )

    @api.depends("date_expiry")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for asset in self:
            if asset.date_expiry and asset.date_expiry < today:
                asset.state = "expired"
            elif asset.date_expiry and asset.date_expiry <= today + timedelta(
                days=asset.company_id.ops_ip_alert_days or 60
            ):
                asset.state = "expiring"
            else:
                asset.state = "valid"

    @api.constrains("ownership", "kind")
    def _check_kind(self):
        own = {k for k, _label in OWN_KINDS}
        for asset in self:
            if (asset.ownership == "own") != (asset.kind in own):
                raise ValidationError(
                    self.env._(
                        "%(asset)s: works, software copyrights, trademarks and patents "
                        "are the company's own; fonts, images, music and footage are "
                        "licensed.",
                        asset=asset.name,
                    )
                )

    @api.constrains("date_application", "date_registration", "date_expiry")
    def _check_dates(self):
        for asset in self:
            start = asset.date_registration or asset.date_application
            if start and asset.date_expiry and asset.date_expiry < start:
                raise ValidationError(
                    self.env._("%(asset)s cannot expire before it starts.", asset=asset.name)
                )

    @api.model
    def _cron_expiry_alerts(self):
        """Daily: refresh the states and alert the administration officers
        before a registration or licence expires."""
        # Recomputed as Odoo recomputes (not written): the dates moved on.
        dated = self.search([("date_expiry", "!=", False), ("state", "!=", "expired")])
        self.env.add_to_compute(self._fields["state"], dated)
        dated.flush_recordset(["state"])
        assets = self.search([("state", "=", "expiring"), ("expiry_alerted", "=", False)])
        group = self.env.ref("ops_org.ops_org_group_administration")
        for asset in assets:
            users = group.users.filtered(
                lambda u, a=asset: not u.share and a.company_id in u.company_ids
            )
            for user in users or self.env.user:
                asset.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=asset.date_expiry,
                    summary=self.env._("Renew or replace before it expires"),
                    user_id=user.id,
                )
        assets._ops_workflow_write({"expiry_alerted": True})
        return assets
