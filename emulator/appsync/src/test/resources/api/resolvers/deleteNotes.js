import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  const keys = ctx.args.ids.map((id) => util.dynamodb.toMapValues({ owner, id }));
  return { operation: 'BatchDeleteItem', tables: { [ctx.env.NOTES_TABLE]: keys } };
}

export function response(ctx) {
  return ctx.result.data[ctx.env.NOTES_TABLE].map((key) => key.id);
}
