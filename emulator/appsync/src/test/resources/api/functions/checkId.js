import { util, runtime } from '@aws-appsync/utils';

export function request(ctx) {
  ctx.stash.steps.push('checkId');
  if (ctx.args.id === 'forbidden') {
    util.error('That note is off limits', 'Forbidden');
  }
  if (ctx.args.id === 'skip') {
    runtime.earlyReturn({ owner: ctx.stash.owner, id: 'skip', text: 'skipped' });
  }
  return { payload: ctx.args.id };
}

export function response(ctx) {
  return ctx.result;
}
