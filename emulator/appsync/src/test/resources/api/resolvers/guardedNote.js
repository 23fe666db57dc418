import { util } from '@aws-appsync/utils';

export function request(ctx) {
  ctx.stash.owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  ctx.stash.steps = ['before'];
  ctx.stash.selected = ctx.info.selectionSetList.join(',');
  return {};
}

export function response(ctx) {
  if (ctx.prev.result === null) {
    return null;
  }
  return {
    ...ctx.prev.result,
    text: `${ctx.prev.result.text} via ${ctx.stash.steps.join('>')}`,
    tag: `${ctx.stash.selected}|${ctx.info.selectionSetGraphQL.replace(/\s+/g, ' ')}`,
  };
}
