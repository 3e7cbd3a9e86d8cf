# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Long work of a suite document as OCA queue_job jobs (SPEC §2: no
home-made job runner).

A document that takes ``ops.job.mixin`` splits a step's work into chunks
(``_ops_delay_chunks``): one job per chunk, on the channel of its job
function (``data/queue_job_data.xml`` of each addon). Each chunk is
idempotent — run twice, it does its part once — so a failed chunk is
retried alone and the others are not redone. The document shows the run:
running with its progress, failed with the error, done; a further step
waits until the run is done (``_ops_check_jobs_done``).
"""

import uuid

from odoo import api, fields, models
from odoo.exceptions import UserError

RUNNING = ("wait_dependencies", "pending", "enqueued", "started")


class OpsJobMixin(models.AbstractModel):
    _name = "ops.job.mixin"
    _description = "Long Work Run as Jobs"

    # Retrying the failed chunks redoes what the step the user took
    # started, with that step's access check.
    _ops_harmless_methods = ("action_ops_retry_jobs",)

    ops_job_state = fields.Selection(
        [("running", "Running"), ("failed", "Failed"), ("done", "Done")],
        string="Processing",
        compute="_compute_ops_job",
    )
    ops_job_progress = fields.Float(string="Progress (%)", compute="_compute_ops_job")
    ops_job_summary = fields.Char(string="Processing Summary", compute="_compute_ops_job")
    ops_job_error = fields.Text(string="Processing Error", compute="_compute_ops_job")

    def _ops_jobs(self, states=None):
        """The jobs of the last run of each document of ``self``."""
        # sudo: queue.job is readable by job managers only; the states and
        # errors of the jobs run for a document are shown with the document
        # to whoever may read it (no argument of a job is shown).
        Job = self.env["queue.job"].sudo()
        ids = [i for i in self.ids if isinstance(i, int)]
        if not ids:
            return Job
        last = {
            res_id: batch
            for res_id, batch, _max in Job._read_group(
                [("ops_res_model", "=", self._name), ("ops_res_id", "in", ids)],
                ["ops_res_id", "ops_batch"],
                ["id:max"],
                order="id:max asc",
            )
        }
        if not last:
            return Job
        domain = [
            ("ops_res_model", "=", self._name),
            ("ops_res_id", "in", list(last)),
            ("ops_batch", "in", list(set(last.values()))),
        ]
        if states:
            domain.append(("state", "in", states))
        return Job.search(domain, order="id").filtered(
            lambda job: last.get(job.ops_res_id) == job.ops_batch
        )

    @api.depends_context("uid")
    def _compute_ops_job(self):
        jobs = self._ops_jobs()
        for record in self:
            mine = jobs.filtered(lambda job, rec=record: job.ops_res_id == rec.id)
            counted = mine.filtered(lambda job: job.state != "cancelled")
            done = counted.filtered(lambda job: job.state == "done")
            failed = counted.filtered(lambda job: job.state == "failed")
            running = counted.filtered(lambda job: job.state in RUNNING)
            record.ops_job_progress = 100.0 * len(done) / len(counted) if counted else 0.0
            record.ops_job_state = (
                (running and "running") or (failed and "failed") or (counted and "done") or False
            )
            record.ops_job_summary = (
                self.env._("%(done)s of %(total)s parts done", done=len(done), total=len(counted))
                if counted
                else False
            )
            record.ops_job_error = (
                "\n".join(
                    f"{job.name}: {job.exc_message or job.exc_name or job.result or ''}"
                    for job in failed
                )
                or False
            )

    # -- running a step's work ---------------------------------------------

    def _ops_delay_chunks(self, step, method, chunks, describe):
        """Queue ``method(chunk)`` of this document once per chunk of
        ``chunks`` (lists of ids), as a new run of ``step``; ``describe(chunk)``
        names each job. Returns the run's key. Run inline where queue_job
        says so (``queue_job__no_delay``: tests, demo data)."""
        self.ensure_one()
        batch = uuid.uuid4().hex
        document = self.with_context(ops_job_batch=batch, ops_job_step=step)
        for chunk in chunks:
            getattr(document.with_delay(description=describe(chunk)), method)(list(chunk))
        return batch

    def _job_prepare_context_before_enqueue_keys(self):
        # The run a job belongs to travels with it (see _job_store_values).
        return (
            *super()._job_prepare_context_before_enqueue_keys(),
            "ops_job_batch",
            "ops_job_step",
        )

    def _job_store_values(self, job):
        vals = super()._job_store_values(job)
        batch = self.env.context.get("ops_job_batch")
        if batch and len(self) == 1:
            vals.update(
                ops_res_model=self._name,
                ops_res_id=self.id,
                ops_batch=batch,
                ops_step=self.env.context.get("ops_job_step"),
            )
        return vals

    def _ops_check_jobs_done(self):
        """Refuse a step while the document's last run is not done."""
        for record in self:
            if record.ops_job_state == "running":
                raise UserError(
                    self.env._(
                        "%(document)s is still being processed (%(summary)s): try again "
                        "when it is done.",
                        document=record.display_name,
                        summary=record.ops_job_summary,
                    )
                )
            if record.ops_job_state == "failed":
                raise UserError(
                    self.env._(
                        "Part of the processing of %(document)s failed: retry the failed "
                        "parts first.\n%(error)s",
                        document=record.display_name,
                        error=record.ops_job_error,
                    )
                )

    def action_ops_retry_jobs(self):
        """Queue the failed chunks of the last run again (only those: the
        chunks done are not redone), for who may take the step that
        started it."""
        failed = self._ops_jobs(states=["failed"])
        for record in self:
            mine = failed.filtered(lambda job, rec=record: job.ops_res_id == rec.id)
            if not mine:
                continue
            step = mine[0].ops_step
            if step and getattr(record, "_ops_workflow", False) and step in record._ops_transitions:
                record._ops_check_step_access(step)
            else:
                record.check_access("write")
            # sudo: requeuing changes only the jobs' state (queue.job is
            # written by job managers); the access check above is the user's.
            mine.sudo().requeue()
        return True
