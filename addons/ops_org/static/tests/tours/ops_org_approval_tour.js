/* Reviewer decides from the approval activity of a document's chatter. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ops_org_approve_from_activity", {
    steps: () => [
        {
            content: "The approval activity offers Approve",
            trigger: ".o-mail-Activity .o-ops-Activity-approve",
            run: "click",
        },
        {
            content: "The decision is posted in the chatter",
            trigger: ".o-mail-Message:contains('approved by')",
        },
        {
            content: "The activity is gone",
            trigger: ".o-mail-Chatter:not(:has(.o-ops-Activity-approve))",
        },
    ],
});

registry.category("web_tour.tours").add("ops_org_reject_from_activity", {
    steps: () => [
        {
            content: "Reject from the approval activity",
            trigger: ".o-mail-Activity .o-ops-Activity-reject",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal div[name='reason'] textarea",
            run: "edit Budget is exhausted this quarter.",
        },
        {
            content: "Confirm the rejection",
            trigger: ".modal button[name='action_reject']",
            run: "click",
        },
        {
            content: "The reason is in the chatter",
            trigger: ".o-mail-Message:contains('Budget is exhausted this quarter.')",
        },
    ],
});
