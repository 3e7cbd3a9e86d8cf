# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.2.0: budget adjustments are reviewed by finance, then approved
    by leadership (policy §六(一)3). OCA decides the definition of the
    highest sequence first, and 18.0.1.1.x shipped them the other way round
    (finance 10, leadership 20; loaded once, so a new installation's data
    does not reach this database). The two authorities swap their sequences
    when leadership would still decide first, and the requests under review
    where nobody has decided yet wait for finance first."""
    finance = env.ref(
        "ops_finance.tier_definition_budget_adjustment_finance", raise_if_not_found=False
    )
    leadership = env.ref(
        "ops_finance.tier_definition_budget_adjustment_leadership", raise_if_not_found=False
    )
    if not (finance and leadership):
        return
    if finance.sequence < leadership.sequence:
        finance.sequence, leadership.sequence = leadership.sequence, finance.sequence
    adjustments = env["ops.budget.adjustment"].search([("state", "=", "submitted")])
    for adjustment in adjustments:
        reviews = adjustment.review_ids
        if not reviews or any(r.status not in ("waiting", "pending") for r in reviews):
            continue
        ordered = reviews.sorted(lambda r: (-r.definition_id.sequence, r.id))
        for sequence, review in enumerate(ordered, start=1):
            review.write(
                {"sequence": sequence, "status": "pending" if sequence == 1 else "waiting"}
            )
        # Who may review now, then the approval activities: finance's now,
        # leadership's once finance approved.
        reviews._compute_can_review()
        reviews._ops_sync_activities()
