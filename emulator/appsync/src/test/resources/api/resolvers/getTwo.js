import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  const table = ctx.env.NOTES_TABLE;
  return {
    operation: 'TransactGetItems',
    transactItems: [ctx.args.a, ctx.args.b].map((id) => ({ table, key: util.dynamodb.toMapValues({ owner, id }) })),
  };
}

export function response(ctx) {
  return ctx.result.items;
}
