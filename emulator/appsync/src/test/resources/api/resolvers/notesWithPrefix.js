import * as ddb from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  const filter = ctx.args.notTag ? { tag: { ne: ctx.args.notTag } } : null;
  return ddb.query({ query: { owner: { eq: owner }, id: { beginsWith: ctx.args.prefix } }, filter, consistentRead: true });
}

export function response(ctx) {
  return ctx.result.items;
}
