import { runtime } from '@aws-appsync/utils';

export function request(ctx) {
  if (ctx.args.stop) {
    runtime.earlyReturn('stopped early');
  }
  return { payload: 'ran' };
}

export function response(ctx) {
  return `response saw ${ctx.result}`;
}
