/* Finance reconciles the bank in Chinese (test_suite_bank_reconcile_tour.py):
   the steps find their targets by CSS classes and field and button names;
   the journal by the name the test gives it, the bank lines and the payment
   by their amounts, never by a label. */
import { registry } from "@web/core/registry";
import { screenshot } from "./ops_suite_tours";

const BANK = "招商银行";
const STATEMENT_URL = "/ops_finance_reconcile/static/tests/statement_cn_bank.csv";
const FILE_NAME = "交易明细.csv";
const RECONCILE = ".o_account_reconcile_oca";
const FORM = ".o_account_reconcile_oca_info .o_form_view";

registry.category("web_tour.tours").add("ops_suite_bank_reconcile", {
    steps: () => [
        {
            content: "Import a statement file into the bank journal",
            trigger: `.o_kanban_record:contains('${BANK}') [name='import_account_statement']`,
            run: "click",
        },
        {
            content: "Choose the CSV file the bank exported (GB18030)",
            trigger:
                ".modal .o_field_widget[name='statement_file'] input.o_input_file:not(:visible)",
            async run() {
                const response = await fetch(STATEMENT_URL);
                const file = new File([await response.blob()], FILE_NAME, {
                    type: "text/csv",
                });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is chosen",
            trigger: ".modal .o_field_widget[name='statement_file'] .o_clear_file_button",
        },
        {
            content: "Choose the mapping of the Chinese bank's CSV",
            trigger: ".modal .o_field_widget[name='sheet_mapping_id'] input",
            run: "edit 交易明细",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains('交易明细')",
            run: "click",
        },
        {
            content: "Import",
            trigger: ".modal button[name='import_file_button']",
            run: "click",
        },
        {
            content: "The imported statement is listed",
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb .breadcrumb-item:first-child a",
            run: "click",
        },
        {
            content: "Reconcile the journal's lines",
            trigger: `.o_kanban_record:contains('${BANK}') button[type='action'].btn-primary`,
            run: "click",
        },
        {
            content: "Pick the line of the reimbursement",
            trigger: `${RECONCILE} .o_kanban_record:contains('120.00')`,
            run: "click",
        },
        {
            content: "Its reconciliation is open",
            trigger: `${RECONCILE} .o_kanban_record_reconcile_oca_selected:contains('120.00')`,
        },
        {
            content: "Add the payment waiting on the outstanding account",
            trigger: `${FORM} .o_data_row:contains('120.00') td.o_data_cell`,
            run: "click",
        },
        {
            content: "The payment is added and the line balances",
            trigger: `${FORM}:has(.o_reconcile_widget_line.other):not(:has(.o_reconcile_widget_line.suspense)) button[name='reconcile_bank_line']:not(.disabled)`,
        },
        ...screenshot("bank_reconcile"),
        {
            content: "Reconcile",
            trigger: `${FORM} button[name='reconcile_bank_line']:not(.disabled)`,
            run: "click",
        },
        {
            content: "The reimbursement leaves the lines to reconcile",
            trigger: `${RECONCILE} .o_kanban_renderer:not(:has(.o_kanban_record:contains('120.00')))`,
        },
    ],
});
