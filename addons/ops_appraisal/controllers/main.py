# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request


class OpsAppraisalCustomerEvaluation(http.Controller):
    """The page where a customer, without an Odoo account, rates an employee
    through the link of their evaluation."""

    @http.route(
        "/ops/appraisal/evaluate/<int:evaluation_id>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def customer_evaluation(self, evaluation_id, access_token=None, **post):
        Evaluation = request.env["ops.appraisal.evaluation"]
        evaluation = Evaluation._ops_from_token(evaluation_id, access_token)
        if not evaluation:
            raise NotFound()
        lang = evaluation._ops_lang(
            evaluation.rater_partner_id.lang, evaluation.cycle_id.company_id.partner_id.lang
        )
        evaluation = evaluation.with_context(lang=lang)
        env = evaluation.env
        if evaluation.state == "done":
            return self._message(env, env._("Your evaluation was received. Thank you."))
        if evaluation.cycle_id.state != "open":
            return self._message(env, env._("This evaluation is closed."))
        values = {"error": False, "ratings": {}, "comment": ""}
        scale = evaluation.appraisal_id.template_id.rating_scale
        if request.httprequest.method == "POST":
            ratings, wrong = self._parse_ratings(evaluation, post, scale)
            comment = str(post.get("comment") or "").strip()
            if wrong:
                values.update(
                    error=env._("Choose a rating from 1 to %(scale)s for each point.", scale=scale),
                    ratings=ratings,
                    comment=comment,
                )
            else:
                try:
                    with env.cr.savepoint():
                        evaluation._ops_submit_from_link(ratings, comment)
                except (UserError, ValidationError) as error:
                    evaluation.invalidate_recordset()
                    evaluation.line_ids.invalidate_recordset()
                    values.update(error=error.args[0], ratings=ratings, comment=comment)
                else:
                    return self._message(env, env._("Your evaluation was received. Thank you."))
        values.update(
            evaluation=evaluation,
            token=access_token,
            scale=scale,
            title=env._("Your evaluation of %(employee)s", employee=evaluation.employee_name),
            intro=env._(
                "%(company)s asks you, as a customer, how you found working with "
                "%(employee)s in %(cycle)s. Rate each point from 1 (poor) to %(scale)s "
                "(excellent).",
                company=evaluation.cycle_id.company_id.name,
                employee=evaluation.employee_name,
                cycle=evaluation.cycle_id.name,
                scale=scale,
            ),
            action=f"/ops/appraisal/evaluate/{evaluation.id}",
        )
        return env["ir.ui.view"]._render_template("ops_appraisal.customer_evaluation_page", values)

    @staticmethod
    def _parse_ratings(evaluation, post, scale):
        """({line id: rating}, wrong): the ratings the form sent, each a whole
        number from 1 to ``scale`` (0 when left empty); ``wrong`` when one is
        anything else ("²", "abc", "99") — answered with the form again."""
        ratings, wrong = {}, False
        for line in evaluation.line_ids:
            raw = str(post.get(f"rating_{line.id}") or "").strip()
            if not raw:
                ratings[line.id] = 0
                continue
            try:
                rating = int(raw) if raw.isascii() and raw.isdecimal() else None
            except ValueError:
                rating = None
            if rating is None or not 1 <= rating <= scale:
                wrong = True
                ratings[line.id] = 0
            else:
                ratings[line.id] = rating
        return ratings, wrong

    def _message(self, env, message):
        return env["ir.ui.view"]._render_template(
            "ops_appraisal.customer_evaluation_message", {"message": message}
        )
