import { util } from '@aws-appsync/utils';

export function request(ctx) {
  if (ctx.args.append) {
    util.appendError('first problem', 'Appended', { n: 1 }, { hint: 'a' });
    return { payload: 'partial' };
  }
  util.error('boom', ctx.args.type, { n: 2 }, { hint: 'b' });
  return {};
}

export function response(ctx) {
  return ctx.result;
}
