/** Approve / Reject buttons on approval activities (chatter and activity
 * popovers), so a reviewer decides in one tap, also in the mobile app. */
import { Activity } from "@mail/core/web/activity";
import { ActivityListPopoverItem } from "@mail/core/web/activity_list_popover_item";
import { patch } from "@web/core/utils/patch";

const approvalMethods = {
    get isOpsApproval() {
        const review = this.props.activity.ops_tier_review_id;
        return Boolean(review && (Array.isArray(review) ? review[0] : review));
    },
    async opsAfterDecision() {
        const thread = this.thread;
        this.props.activity.remove?.();
        if (this.props.onActivityChanged) {
            this.props.onActivityChanged(thread);
        }
        if (this.props.reloadParentView) {
            this.props.reloadParentView();
        }
    },
    async onClickOpsApprove() {
        await this.env.services.orm.call("mail.activity", "action_ops_approve", [
            [this.props.activity.id],
        ]);
        await this.opsAfterDecision();
    },
    async onClickOpsReject() {
        const action = await this.env.services.orm.call("mail.activity", "action_ops_reject", [
            [this.props.activity.id],
        ]);
        await this.env.services.action.doAction(action, {
            onClose: () => this.opsAfterDecision(),
        });
    },
};

patch(Activity.prototype, approvalMethods);
patch(ActivityListPopoverItem.prototype, approvalMethods);
patch(ActivityListPopoverItem.prototype, {
    get thread() {
        return this.env.services["mail.store"].Thread.insert({
            model: this.props.activity.res_model,
            id: this.props.activity.res_id,
        });
    },
});
