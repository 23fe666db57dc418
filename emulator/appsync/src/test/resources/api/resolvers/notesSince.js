import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  return {
    operation: 'Query',
    index: 'byVersion',
    query: {
      expression: '#owner = :owner AND #version > :version',
      expressionNames: { '#owner': 'owner', '#version': 'version' },
      expressionValues: util.dynamodb.toMapValues({ ':owner': owner, ':version': ctx.args.version }),
    },
    scanIndexForward: false,
  };
}

export function response(ctx) {
  return ctx.result.items;
}
