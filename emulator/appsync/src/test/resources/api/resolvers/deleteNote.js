import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  return { operation: 'DeleteItem', key: util.dynamodb.toMapValues({ owner, id: ctx.args.id }) };
}

export function response(ctx) {
  return ctx.result;
}
