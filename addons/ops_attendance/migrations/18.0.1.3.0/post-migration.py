# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
from ast import literal_eval

from openupgradelib import openupgrade

_logger = logging.getLogger(__name__)

_HR_TIER = "ops_attendance.tier_definition_leave_hr"
_LEADERSHIP_TIER = "ops_attendance.tier_definition_leave_leadership"
_SHORT_NOTICE = ("ops_short_notice", "=", True)
# The notes 18.0.1.2.0 shipped, and those of 18.0.1.3.0.
_NOTES = {
    _HR_TIER: (
        "HR also approves time off of more than one day (policy §三(二)1).",
        "HR also approves time off of more than one day, and time off requested on "
        "short notice (policy §三(二)1).",
    ),
    _LEADERSHIP_TIER: (
        "Leadership also approves time off of more than three days (policy §三(二)1).",
        "Leadership also approves time off of more than three days, and time off of "
        "more than one day requested on short notice (policy §三(二)1).",
    ),
}


def _days_term(domain):
    """Index of the condition on the number of days of a tier's domain."""
    for index, term in enumerate(domain):
        if (
            isinstance(term, list | tuple)
            and len(term) == 3
            and term[0] == "number_of_days"
            and term[1] == ">"
        ):
            return index
    return None


def _render(domain):
    return "[" + ", ".join(repr(tuple(t) if isinstance(t, list) else t) for t in domain) + "]"


def _one_step_higher(env):
    """The tiers of HR and leadership (noupdate, possibly edited by an
    administrator) take requests on short notice too: HR whatever their
    length, leadership beyond HR's number of days. The condition on the
    number of days becomes "that number of days, or short notice"
    (replacing a term by a whole expression keeps a prefix domain valid,
    wherever the term sits). A tier without such a condition, or already
    speaking of short notice, is left as it is."""
    hr_tier = env.ref(_HR_TIER, raise_if_not_found=False)
    leadership_tier = env.ref(_LEADERSHIP_TIER, raise_if_not_found=False)
    hr_days = ("number_of_days", ">", 1)
    for tier in (hr_tier, leadership_tier):
        if not tier or "ops_short_notice" in (tier.definition_domain or ""):
            continue
        try:
            domain = list(literal_eval(tier.definition_domain or "[]"))
        except (ValueError, SyntaxError):
            domain = []
        index = _days_term(domain)
        if index is None:
            _logger.warning(
                "Tier %s has no condition on the number of days: requests on short "
                "notice do not go one step higher through it; edit its domain.",
                tier.name,
            )
            continue
        days = tuple(domain[index])
        if tier == hr_tier:
            hr_days = days
            higher = ["|", days, _SHORT_NOTICE]
        else:
            higher = ["|", days, "&", _SHORT_NOTICE, hr_days]
        domain[index : index + 1] = higher
        tier.definition_domain = _render(domain)
        old_note, new_note = _NOTES[tier.get_external_id()[tier.id]]
        if tier.ops_authority_note == old_note:
            tier.ops_authority_note = new_note


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.3.0: time off is requested in advance. Odoo's sick time off
    is unforeseeable (as a new installation flags it), the time off already
    requested counts its notice from its creation, and a request on short
    notice goes one step higher in the chain."""
    env["hr.leave.type"]._ops_flag_unforeseeable()
    env["hr.leave"]._ops_init_requested_on()
    _one_step_higher(env)
