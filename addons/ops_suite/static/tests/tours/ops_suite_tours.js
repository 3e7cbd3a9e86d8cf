/* The suite as its users meet it, in any language: the steps find their
   targets by CSS classes, field and button names and statusbar values,
   never by English labels. */
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";

const { DateTime } = luxon;

/* Asks the test's browser for a screenshot and waits until it is taken
   (the tours of ops_suite import it). */
export function screenshot(name) {
    return [
        {
            content: `Screenshot ${name}`,
            trigger: "body",
            run() {
                console.log(`ops_screenshot:${name}`);
            },
        },
        {
            content: `Screenshot ${name} taken`,
            trigger: `body[data-ops-shot='${name}']`,
        },
    ];
}

function statusIs(value) {
    return {
        content: `The status is ${value}`,
        trigger: `.o_statusbar_status button[data-value='${value}'][aria-checked='true']`,
    };
}

const saved = {
    content: "The request is saved and waits for the approval of the department head",
    trigger: ".o-mail-Chatter .o-mail-Activity",
};

/* Monday of the week after next; in Chinese one week later still. */
function leaveDay() {
    const today = DateTime.local().startOf("day");
    const chinese = (user.lang || "").startsWith("zh");
    return today.plus({ days: 15 - today.weekday + (chinese ? 7 : 0) }).toISODate();
}

const registerTour = (name, steps) => registry.category("web_tour.tours").add(name, { steps });

registerTour("ops_suite_leave_request", () => [
    {
        content: "Choose the time off type",
        trigger: ".o_form_view .o_field_widget[name='holiday_status_id'] input",
        run: "edit Tour Leave",
    },
    {
        content: "Pick it",
        trigger: ".o-autocomplete--dropdown-item a:contains('Tour Leave')",
        run: "click",
    },
    {
        content: "First day",
        trigger: ".o_field_daterange input[data-field='request_date_from']",
        run: `edit ${leaveDay()} && press Enter`,
    },
    {
        content: "Last day",
        trigger: ".o_field_daterange input[data-field='request_date_to']",
        run: `edit ${leaveDay()} && press Enter`,
    },
    {
        content: "Reason",
        trigger: ".o_form_view .o_field_widget[name='name'] textarea",
        run: "edit Family matters",
    },
    {
        content: "Save the request",
        trigger: ".o_form_view .o_form_button_save",
        run: "click",
    },
    saved,
]);

registerTour("ops_suite_expense_report", () => [
    {
        content: "The receipt is attached",
        trigger:
            ".o_form_view .o_attachment, .o_form_view .o_widget_attach_document, .o-mail-AttachmentList",
    },
    {
        content: "Put the expense in a report",
        trigger: ".o_form_view .o_form_statusbar button[name='action_submit_expenses']",
        run: "click",
    },
    {
        content: "The report is open",
        trigger: ".o_form_view .o_form_statusbar button[name='action_submit_sheet']",
        run: "click",
    },
    statusIs("submit"),
]);

registerTour("ops_suite_my_approvals_phone", () => [
    {
        content: "The expense report waits for me",
        trigger:
            ".o_kanban_record:contains('Tour taxi to the shoot') button[name='action_ops_approve']",
    },
    {
        content: "So does the time off",
        trigger: ".o_kanban_record:not(:contains('Tour taxi')) button[name='action_ops_approve']",
    },
    ...screenshot("my_approvals_phone"),
    {
        content: "Approve the expense report",
        trigger:
            ".o_kanban_record:contains('Tour taxi to the shoot') button[name='action_ops_approve']",
        run: "click",
    },
    {
        content: "It no longer waits for me",
        trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Tour taxi to the shoot')))",
    },
    ...screenshot("my_approvals_phone_after"),
]);

registerTour("ops_suite_approve_from_activity_phone", () => [
    {
        content: "The approval activity offers Approve",
        trigger: ".o-mail-Activity .o-ops-Activity-approve",
    },
    ...screenshot("leave_activity_phone"),
    {
        content: "Approve from the activity",
        trigger: ".o-mail-Activity .o-ops-Activity-approve",
        run: "click",
    },
    {
        content: "The activity is gone",
        trigger: ".o-mail-Chatter:not(:has(.o-ops-Activity-approve))",
    },
    ...screenshot("leave_approved_phone"),
]);

registerTour("ops_suite_approve_from_activity", () => [
    {
        content: "Approve from the activity",
        trigger: ".o-mail-Activity .o-ops-Activity-approve",
        run: "click",
    },
    {
        content: "The activity is gone",
        trigger: ".o-mail-Chatter:not(:has(.o-ops-Activity-approve))",
    },
    statusIs("passed"),
]);

registerTour("ops_suite_expense_form_phone", () => [
    {
        content: "The expense report with its lines",
        trigger: ".o_form_view .o_field_widget[name='expense_line_ids']",
    },
    statusIs("submit"),
    ...screenshot("expense_report_phone"),
]);

registerTour("ops_suite_gate_submit", () => [
    {
        content: "Submit the gate",
        trigger: ".o_form_view .o_form_statusbar button[name='action_submit']",
        run: "click",
    },
    statusIs("review"),
    ...screenshot("gate_submitted"),
]);

registerTour("ops_suite_attendance_month", () => [
    {
        content: "Compute the month",
        trigger: ".o_form_view .o_form_statusbar button[name='action_compute']",
        run: "click",
    },
    statusIs("computed"),
    {
        content: "It is computed in the background: the month shows its progress",
        trigger: ".o_form_view .alert-info[role='status'] .o_progressbar",
    },
]);

registerTour("ops_suite_attendance_month_publish", () => [
    {
        content: "The background work is done: no progress shown any more",
        trigger: ".o_form_view:not(:has(.alert-info[role='status']))",
    },
    {
        content: "Publish it",
        trigger: ".o_form_view .o_form_statusbar button[name='action_publish']",
        run: "click",
    },
    statusIs("published"),
    ...screenshot("attendance_month"),
]);

registerTour("ops_suite_appraisal_publish", () => [
    statusIs("calibration"),
    {
        content: "Publish the cycle",
        trigger: ".o_form_view .o_form_statusbar button[name='action_publish']",
        run: "click",
    },
    statusIs("published"),
    ...screenshot("appraisal_cycle_published"),
]);

registerTour("ops_suite_document_list", () => [
    {
        content: "The internal handbook is listed",
        trigger: ".o_list_view .o_data_row:contains('Tour handbook')",
    },
    {
        content: "The secret plan is not",
        trigger: ".o_list_view:not(:has(.o_data_row:contains('Tour launch plan')))",
    },
]);

registerTour("ops_suite_document_refused", () => [
    {
        content: "Opening the secret document is refused",
        trigger: ".modal .o_error_dialog",
    },
    ...screenshot("secret_document_refused_phone"),
]);

registerTour("ops_suite_contact_sheet_accept_phone", () => [
    {
        content: "The sheet waits for an answer: no owner yet",
        trigger: ".o_form_view:not(:has(.o_field_widget[name='owner_id']))",
    },
    ...screenshot("contact_sheet_incoming_phone"),
    {
        content: "Open the actions of the sheet",
        trigger: ".o_cp_action_menus .fa-cog",
        run: "click",
    },
    {
        content: "Accept it",
        trigger: ".o-dropdown--menu button[name='action_open_accept']",
        run: "click",
    },
    {
        content: "Name the owner: on a phone, the people of the department to choose from",
        trigger: ".modal .o_field_widget[name='owner_id'] input",
        run: "click",
    },
    {
        content: "Pick them",
        trigger: ".modal .o_kanban_record:contains('Tour Employee')",
        run: "click",
    },
    {
        content: "Confirm with the promised date proposed",
        trigger: ".modal button[name='action_apply']",
        run: "click",
    },
    {
        content: "Accepted: the sheet shows its owner (the status bar is folded on a phone)",
        trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name='owner_id']",
    },
    ...screenshot("contact_sheet_accepted_phone"),
]);

/* The employee's time off, by their name (Leadership may have other work
   waiting, such as the demo's cash plan). */
const LATE_LEAVE = ".o_kanban_record:contains('Tour Employee')";

registerTour("ops_suite_late_approval_phone", () => [
    {
        content: "The late step now waits for Leadership too",
        trigger: `${LATE_LEAVE} button[name='action_ops_approve']`,
    },
    ...screenshot("late_approval_phone"),
    {
        content: "Decide it in the reviewer's place",
        trigger: `${LATE_LEAVE} button[name='action_ops_approve']`,
        run: "click",
    },
    {
        content: "It waits no more",
        trigger: `.o_kanban_view:not(:has(${LATE_LEAVE}))`,
    },
]);
