import { util } from '@aws-appsync/utils';

export function request(ctx) {
  ctx.stash.owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  ctx.stash.steps = ['before'];
  return {};
}

export function response(ctx) {
  if (ctx.prev.result === null) {
    return null;
  }
  return { ...ctx.prev.result, text: `${ctx.prev.result.text} via ${ctx.stash.steps.join('>')}` };
}
