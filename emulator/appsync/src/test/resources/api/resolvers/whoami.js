import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const signedAt = ctx.request.headers['x-amz-date'];
  return { payload: { identity: ctx.identity, greeting: ctx.env.GREETING, table: ctx.env.NOTES_TABLE, signedAt } };
}

export function response(ctx) {
  return ctx.result;
}
