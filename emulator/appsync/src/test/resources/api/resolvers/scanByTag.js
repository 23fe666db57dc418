import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'Scan',
    filter: {
      expression: '#tag = :tag',
      expressionNames: { '#tag': 'tag' },
      expressionValues: util.dynamodb.toMapValues({ ':tag': ctx.args.tag }),
    },
  };
}

export function response(ctx) {
  return ctx.result.items;
}
