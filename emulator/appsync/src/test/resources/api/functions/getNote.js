import { util, runtime } from '@aws-appsync/utils';

export function request(ctx) {
  ctx.stash.steps.push('getNote');
  if (ctx.prev.result.id === 'skip') {
    runtime.earlyReturn(ctx.prev.result);
  }
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ owner: ctx.stash.owner, id: ctx.prev.result }) };
}

export function response(ctx) {
  return ctx.result;
}
