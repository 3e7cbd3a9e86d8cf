# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One mechanism for the workflows of the suite (SPEC §5.1).

A model that takes ``ops.workflow.mixin`` declares

* ``_ops_state_field`` and ``_ops_transitions``: the steps of its workflow,
  from which states each goes, to which state, and who may take it;
* ``_ops_workflow_fields``: the other fields only its steps write (phase,
  requester, author, nominator, decided-by, validation status …);
* ``_ops_decision_methods`` / ``_ops_harmless_methods``: its public
  methods, each either a decision (it calls the guard) or declared harmless.
  A registry-walking test fails on a public ``action_*`` in neither list.

Writing a workflow-owned field outside a step (or creating a record with a
value other than its default) is refused to everyone but the superuser,
whatever the caller sends: the permission to write them is a context
variable that only server code sets, never an RPC argument or a context key.

Who a decision is about (``_ops_subject_fields``) and the fields that are
decisions about them (``_ops_decision_fields``) are declared on any model,
stock ones included: ``base`` (``models/base.py``) holds that guard.
"""

import contextvars
from contextlib import contextmanager
from typing import NamedTuple

from odoo import api, models
from odoo.exceptions import AccessError, UserError

_GRANTED = contextvars.ContextVar("ops_org_workflow_granted", default=frozenset())


@contextmanager
def ops_workflow_grant(*model_names):
    """Let the code inside the block write the workflow-owned fields of
    ``model_names`` (and, for ``tier.review``, the reviews). Only Python
    code running in the server can open this block."""
    token = _GRANTED.set(_GRANTED.get() | frozenset(model_names))
    try:
        yield
    finally:
        _GRANTED.reset(token)


def ops_workflow_granted(model_name):
    return model_name in _GRANTED.get()


class Transition(NamedTuple):
    """A step of a workflow: from ``sources`` to ``target`` (``None``: the
    state stays, e.g. a submission that only requests the review), taken
    by users of any of ``groups`` (xml ids; empty: anyone who may write
    the record), refused to the people the record is about when
    ``decision``."""

    sources: tuple
    target: str | None
    groups: tuple = ()
    decision: bool = False


class OpsWorkflowMixin(models.AbstractModel):
    _name = "ops.workflow.mixin"
    _description = "Workflow Rules of the Suite"

    _ops_workflow = True
    _ops_state_field = "state"
    _ops_transitions = {}
    _ops_workflow_fields = ()
    _ops_decision_methods = ()
    _ops_harmless_methods = ()
    # States in which a record may be deleted (None: the mixin adds no rule).
    _ops_unlink_states = None

    # -- declarations read by the rules and the registry-walking tests -------

    @api.model
    def _ops_owned_fields(self):
        """Names of the fields only the workflow's steps write."""
        names = set(self._ops_workflow_fields)
        if self._ops_state_field and self._ops_state_field in self._fields:
            names.add(self._ops_state_field)
        if "review_ids" in self._fields and "validation_status" in self._fields:
            names |= {"review_ids", "validation_status"}
            requester = getattr(self, "_ops_requester_field", "create_uid")
            if requester and "." not in requester and requester in self._fields:
                names.add(requester)
        return names - {"create_uid", "write_uid"}

    # -- the rule ------------------------------------------------------------

    def _ops_workflow_open(self):
        return self.env.su or ops_workflow_granted(self._name)

    @api.model_create_multi
    def create(self, vals_list):
        self._ops_check_owned_create(vals_list)
        return super().create(vals_list)

    @api.model
    def _ops_check_owned_create(self, vals_list):
        """What a caller sends for new records: workflow-owned fields only
        at their default (a model whose create then writes owned values of
        its own calls this first)."""
        if self._ops_workflow_open():
            return
        owned = self._ops_owned_fields()
        for vals in vals_list:
            for name in owned & set(vals):
                if not self._ops_is_default(name, vals[name]):
                    self._ops_refuse_field(name)

    def write(self, vals):
        if not self._ops_workflow_open():
            for name in self._ops_owned_fields() & set(vals):
                if self._ops_changes(name, vals[name]):
                    self._ops_refuse_field(name)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_ops_kept(self):
        if self._ops_unlink_states is not None and not self._ops_workflow_open():
            state = self._ops_state_field
            kept = self.filtered(lambda rec: rec[state] not in self._ops_unlink_states)
            if kept:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: it is kept, not deleted.",
                        record=kept[0].display_name,
                        state=kept[0]._ops_selection_label(state),
                    )
                )

    def _ops_is_default(self, name, value):
        field = self._fields[name]
        default = field.default(self) if field.default else False
        return self._ops_same_value(field, value, default)

    def _ops_changes(self, name, value):
        field = self._fields[name]
        return any(not self._ops_same_value(field, value, rec[name]) for rec in self)

    def _ops_same_value(self, field, value, current):
        try:
            record = self.browse()
            new = field.convert_to_record(field.convert_to_cache(value, record), record)
            old = field.convert_to_record(field.convert_to_cache(current, record), record)
        except Exception:  # noqa: BLE001 - a value that does not even convert is a change
            return False
        if field.type in ("one2many", "many2many"):
            # _ids, not ids: records a command would create have no id yet.
            return set(new._ids) == set(old._ids)
        return new == old or (not new and not old)

    def _ops_refuse_field(self, name):
        raise AccessError(
            self.env._(
                "%(field)s of %(model)s changes only through the steps of its workflow "
                "(its buttons), not by writing it.",
                field=self._fields[name]._description_string(self.env),
                model=self._description,
            )
        )

    # -- steps ---------------------------------------------------------------

    def _ops_transition(self, name, vals=None, sudo=False):
        """Take the step ``name`` on every record of ``self``: who may take
        it, the people the decision is about, and the state each record is
        in — read again under a row lock, so that of two users taking a step
        at once the second sees the first one's result. ``vals`` are written
        with the new state; with ``sudo`` the write itself runs as superuser
        (for steps users take on records they may not write; the checks
        above ran as them)."""
        step = self._ops_transitions[name]
        self._ops_check_step_access(name)
        if not self.env.su and step.decision:
            self._ops_check_not_concerned(
                self[:1]._ops_selection_label(self._ops_state_field, step.target)
                if step.target and self._ops_state_field
                else None
            )
        self._ops_lock_rows()
        state = self._ops_state_field
        for record in self:
            if record[state] not in step.sources:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s; this step needs it %(expected)s.",
                        record=record.display_name,
                        state=record._ops_selection_label(state),
                        expected=self.env._(" or ").join(
                            record._ops_selection_label(state, s) for s in step.sources
                        ),
                    )
                )
        values = dict(vals or {})
        if step.target:
            values[state] = step.target
        if values:
            records = self.sudo() if sudo else self
            with ops_workflow_grant(self._name):
                records.write(values)
        return True

    def _ops_check_step_access(self, name):
        """Who may take the step ``name``: a step that must read before it
        moves (e.g. what keeps a cycle open) calls this first;
        ``_ops_transition`` calls it too."""
        groups = self._ops_transitions[name].groups
        if self.env.su or not groups or any(self.env.user.has_group(g) for g in groups):
            return
        raise AccessError(
            self.env._(
                "You may not take this step on %(record)s (%(model)s).",
                record=self[:1].display_name,
                model=self._description,
            )
        )

    def _ops_workflow_write(self, vals):
        """Write workflow-owned fields from server code that is itself a
        step (an approval's outcome, a cron): no check but the caller's."""
        with ops_workflow_grant(self._name):
            return self.write(vals)

    @api.model
    def _ops_workflow_create(self, vals_list):
        with ops_workflow_grant(self._name):
            return self.create(vals_list)
