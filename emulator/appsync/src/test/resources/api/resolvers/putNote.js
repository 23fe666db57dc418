import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  const { id, text, tag, expectedVersion } = ctx.args;
  const version = (expectedVersion ?? 0) + 1;
  const condition = expectedVersion === undefined || expectedVersion === null
    ? { expression: 'attribute_not_exists(id)' }
    : {
      expression: '#version = :expected',
      expressionNames: { '#version': 'version' },
      expressionValues: util.dynamodb.toMapValues({ ':expected': expectedVersion }),
    };
  const item = { text, version, updatedAt: util.time.nowISO8601() };
  if (tag) {
    item.tag = tag;
  }
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ owner, id }),
    attributeValues: util.dynamodb.toMapValues(item),
    condition,
  };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
