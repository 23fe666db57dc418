import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  return {
    operation: 'Query',
    query: {
      expression: '#owner = :owner',
      expressionNames: { '#owner': 'owner' },
      expressionValues: util.dynamodb.toMapValues({ ':owner': owner }),
    },
    limit: ctx.args.limit,
    nextToken: ctx.args.nextToken,
    consistentRead: true,
  };
}

export function response(ctx) {
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
