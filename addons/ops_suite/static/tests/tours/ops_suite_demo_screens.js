/* The demo company's month as its people see it when they log in
   (screens_demo.py, run by `bash setup/screens.sh` on the demo database):
   each tour waits for its screen and asks for a screenshot. Targets by CSS
   classes and field and button names, never by a label. */
import { registry } from "@web/core/registry";
import { screenshot } from "./ops_suite_tours";

function screen(name, trigger, before = []) {
    registry.category("web_tour.tours").add(`ops_suite_demo_${name}`, {
        steps: () => [
            ...before,
            {
                content: `The screen ${name} is shown (or an error)`,
                trigger: `${trigger}, .o_error_dialog, .modal .modal-body`,
                run() {
                    const error = document.querySelector(".o_error_dialog, .modal .modal-body");
                    if (error) {
                        throw new Error(`${name}: ${error.innerText}`);
                    }
                },
            },
            { content: `The screen ${name} is shown`, trigger },
            {
                content: "Nothing is loading",
                trigger: "body:not(:has(.o_loading_indicator)):not(:has(.o_view_nocontent))",
            },
            ...screenshot(name),
        ],
    });
}

const RECORDS = ".o_data_row, .o_kanban_record:not(.o_kanban_ghost)";
screen("demo_my_approvals", `.o_action_manager :is(${RECORDS})`);
screen("demo_my_approvals_phone", `.o_action_manager :is(${RECORDS})`);
screen("demo_expense_report", ".o_form_view .alert.alert-warning");
screen(
    "demo_bank_reconcile",
    ".o_account_reconcile_oca_info .o_form_view [name='ops_fund_purpose_id']",
    [
        {
            content: "Open the reimbursement reconciled with its payment",
            trigger: ".o_account_reconcile_oca .o_kanban_record:not(.o_kanban_ghost):first",
            run: "click",
        },
    ]
);
screen("demo_evaluations_to_give", `.o_action_manager :is(${RECORDS})`);
screen("demo_contact_sheets", `.o_action_manager :is(${RECORDS})`);
screen("demo_document_acknowledge", ".o_form_view button[name='action_acknowledge']:visible");
screen("demo_cash_plan", ".o_form_view .o_field_one2many .o_data_row");
screen("demo_project_lifecycle", `.o_action_manager :is(${RECORDS})`);
/* On a phone (390x844): the menus open on their kanban. */
const CARDS = ".o_action_manager .o_kanban_view .o_kanban_record:not(.o_kanban_ghost)";
screen("demo_evaluations_phone", CARDS);
screen("demo_my_trainings_phone", CARDS);
