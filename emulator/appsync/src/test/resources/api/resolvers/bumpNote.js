import { util } from '@aws-appsync/utils';
import { update, operations } from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  return update({
    key: { owner, id: ctx.args.id },
    update: { version: operations.increment(1), text: 'bumped' },
    condition: { version: { eq: ctx.args.expectedVersion } },
  });
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
