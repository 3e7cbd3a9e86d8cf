# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time, timedelta

import pytz

from odoo import models


class OpsAppraisalCycle(models.Model):
    _inherit = "ops.appraisal.cycle"

    def _ops_utc_window(self):
        """The cycle's days, first to last inclusive, in the user's time zone,
        as a half-open [start, end) pair of naive UTC datetimes (the way
        Datetime fields are stored)."""
        self.ensure_one()
        try:
            tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        except pytz.UnknownTimeZoneError:
            tz = pytz.UTC

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.UTC).replace(tzinfo=None)

        return utc(self.date_start), utc(self.date_end + timedelta(days=1))
