import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return { payload: { identity: ctx.identity, greeting: ctx.env.GREETING, table: ctx.env.NOTES_TABLE } };
}

export function response(ctx) {
  return ctx.result;
}
