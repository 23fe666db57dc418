import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ owner, id: ctx.args.id }),
    update: {
      expression: 'SET #text = :text ADD #version :one',
      expressionNames: { '#text': 'text', '#version': 'version' },
      expressionValues: util.dynamodb.toMapValues({ ':text': ctx.args.text, ':one': 1 }),
    },
    condition: { expression: 'attribute_exists(id)' },
  };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
