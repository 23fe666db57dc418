import { util, extensions } from '@aws-appsync/utils';

// Whatever owner the client asks for, it only gets its own notes from minVersion on.
export function request(ctx) {
  return { payload: null };
}

export function response(ctx) {
  const filter = {
    owner: { eq: ctx.identity.cognitoIdentityId },
    version: { ge: ctx.args.minVersion ?? 0 },
  };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  return null;
}
