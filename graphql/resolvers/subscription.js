/**
 * Resolver (pipeline: authorize) of onDatasetChanged. A caller may only subscribe to its own identity; the
 * enhanced filter makes AppSync deliver only changes of that identity (and dataset, when given), whatever the
 * subscription's arguments say.
 */
import { util, extensions } from '@aws-appsync/utils';

export function request() {
    return {};
}

export function response(ctx) {
    if (ctx.args.identityId !== ctx.stash.identityId) {
        util.unauthorized();
    }
    const filter = { identityId: { eq: ctx.stash.identityId } };
    if (ctx.args.datasetName) {
        filter.datasetName = { eq: ctx.args.datasetName };
    }
    extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
    return null;
}
