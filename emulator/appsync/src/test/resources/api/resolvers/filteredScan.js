import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return { operation: 'Scan', filter: JSON.parse(util.transform.toDynamoDBFilterExpression(ctx.args.filter)) };
}

export function response(ctx) {
  return ctx.result.items;
}
