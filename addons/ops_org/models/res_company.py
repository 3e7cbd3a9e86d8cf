# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
from datetime import timedelta

import requests

from odoo import fields, models

from odoo.addons.queue_job.exception import RetryableJobError

_logger = logging.getLogger(__name__)

WEBHOOK_TIMEOUT = 5
# Delivery attempts before the job is left failed (back-off: ops_org's job
# function of the webhook, data/queue_job_data.xml).
WEBHOOK_RETRIES = 6


class ResCompany(models.Model):
    _inherit = "res.company"

    ops_organization_form = fields.Selection(
        [
            ("functional", "Functional"),
            ("divisional", "Divisional"),
            ("matrix", "Matrix"),
        ],
        string="Organisation Form",
        default="functional",
        help="How the company is organised (policy §2.1).",
    )
    ops_webhook_provider = fields.Selection(
        [("wecom", "WeCom"), ("dingtalk", "DingTalk"), ("feishu", "Feishu")],
        string="Approval Webhook",
        help="Also announce approval requests and decisions in a group chat of "
        "this messenger. E-mail is always sent.",
    )
    ops_webhook_url = fields.Char(
        string="Webhook URL",
        help="Incoming-webhook address of the group robot.",
    )

    def _ops_working_calendar(self):
        """The company's working calendar, by which the suite's response
        times are counted (public holidays off). sudo: the same calendar for
        every user of the company."""
        self.ensure_one()
        return (
            self.sudo().resource_calendar_id
            or self.env.ref("resource.resource_calendar_std").sudo()
        )

    def _ops_plan_hours(self, start, hours):
        """``start`` plus ``hours`` working hours of the company's calendar,
        public holidays off (naive UTC in, naive UTC out); plain hours where
        the calendar has none to give."""
        self.ensure_one()
        planned = (
            self._ops_working_calendar().plan_hours(hours, start, compute_leaves=True)
            if hours
            else start
        )
        return planned or start + timedelta(hours=hours)

    def _ops_escalation_reached(self, late_since, interval, steps, now):
        """How many of ``steps`` steps of escalation are due at ``now`` for
        something late since ``late_since``: the first at once, each next one
        ``interval`` working hours after the one before."""
        self.ensure_one()
        reached = 1
        while reached < steps and self._ops_plan_hours(late_since, interval * reached) <= now:
            reached += 1
        return reached

    def _ops_webhook_payload(self, title, text, link):
        self.ensure_one()
        body = f"{text}\n{link}"
        if self.ops_webhook_provider == "wecom":
            return {
                "msgtype": "markdown",
                "markdown": {"content": f"**{title}**\n{text}\n[{link}]({link})"},
            }
        if self.ops_webhook_provider == "dingtalk":
            return {
                "msgtype": "markdown",
                "markdown": {"title": title, "text": f"### {title}\n{text}\n\n{link}"},
            }
        return {"msg_type": "text", "content": {"text": f"{title}\n{body}"}}

    def _ops_webhook_send(self, title, text, link):
        """Queue a message for the company's messenger webhook: a job on the
        webhook channel, stored with the decision and so sent only once it
        commits. A failure is retried with back-off (the job function's
        retry pattern) and then left failed in the job queue: the webhook
        can never block or undo an approval."""
        self.ensure_one()
        if not (self.ops_webhook_provider and self.ops_webhook_url):
            return False
        payload = self._ops_webhook_payload(title, text, link)
        self.with_delay(
            description=self.env._("Messenger: %(title)s", title=title),
            max_retries=WEBHOOK_RETRIES,
        )._ops_job_webhook_post(self.ops_webhook_url, payload)
        return True

    def _ops_job_webhook_post(self, url, payload):
        """Job: post ``payload`` to the messenger once. Unreachable, an HTTP
        error or the robot's own error code: retried later."""
        try:
            response = requests.post(url, json=payload, timeout=WEBHOOK_TIMEOUT)
            response.raise_for_status()
            answer = response.json() if response.content else {}
        except (requests.RequestException, ValueError) as error:
            _logger.warning("Approval webhook failed, retried later: %s", error)
            raise RetryableJobError(f"Messenger unreachable or refused: {error}") from error
        # WeCom and DingTalk answer errcode, Feishu code; 0 is success.
        code = answer.get("errcode", answer.get("code", 0)) if isinstance(answer, dict) else 0
        if code:
            _logger.warning("Approval webhook refused (%s), retried later", code)
            raise RetryableJobError(f"Messenger answered error {code}: {answer}")
        return "sent"
