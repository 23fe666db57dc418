import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  const items = ctx.args.notes.map((note) => util.dynamodb.toMapValues({ owner, version: 1, ...note }));
  return { operation: 'BatchPutItem', tables: { [ctx.env.NOTES_TABLE]: items } };
}

export function response(ctx) {
  return ctx.result.data[ctx.env.NOTES_TABLE];
}
