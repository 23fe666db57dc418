import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const owner = ctx.identity.cognitoIdentityId ?? ctx.identity.username;
  const table = ctx.env.NOTES_TABLE;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ owner, id: ctx.args.newId }),
        attributeValues: util.dynamodb.toMapValues({ text: 'moved', version: 1 }),
        condition: { expression: 'attribute_not_exists(id)' },
      },
      {
        table,
        operation: 'DeleteItem',
        key: util.dynamodb.toMapValues({ owner, id: ctx.args.id }),
        condition: { expression: 'attribute_exists(id)' },
      },
    ],
  };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type, null, { cancellationReasons: ctx.result.cancellationReasons });
  }
  return ctx.result.keys.map((key) => key.id);
}
