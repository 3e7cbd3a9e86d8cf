# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ConfidentialityCommon


@tagged("post_install", "-at_install")
class TestIpAsset(ConfidentialityCommon):
    def test_kind_matches_ownership(self):
        with self.assertRaises(ValidationError):
            self.env["ops.ip.asset"].create({"name": "Font", "ownership": "own", "kind": "font"})
        with self.assertRaises(ValidationError):
            self.env["ops.ip.asset"].create(
                {"name": "Patent", "ownership": "licensed", "kind": "patent"}
            )

    def test_expiry_before_start_refused(self):
        with self.assertRaises(ValidationError):
            self.env["ops.ip.asset"].create(
                {
                    "name": "Music",
                    "ownership": "licensed",
                    "kind": "music",
                    "date_registration": date.today(),
                    "date_expiry": date.today() - timedelta(days=1),
                }
            )

    def test_expiry_alerts(self):
        self.env.company.ops_ip_alert_days = 60
        font = self.env["ops.ip.asset"].create(
            {
                "name": "Title font",
                "ownership": "licensed",
                "kind": "font",
                "date_expiry": date.today() + timedelta(days=20),
            }
        )
        self.assertEqual(font.state, "expiring")
        self.env["ops.ip.asset"]._cron_expiry_alerts()
        self.assertTrue(font.expiry_alerted)
        self.assertIn(self.user_admin_officer, font.activity_ids.user_id)
        count = len(font.activity_ids)
        self.env["ops.ip.asset"]._cron_expiry_alerts()
        self.assertEqual(len(font.activity_ids), count)
        old = self.env["ops.ip.asset"].create(
            {
                "name": "Stock footage",
                "ownership": "licensed",
                "kind": "footage",
                "date_expiry": date.today() - timedelta(days=1),
            }
        )
        self.assertEqual(old.state, "expired")
