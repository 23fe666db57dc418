import { util, runtime } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  const now = util.time.nowEpochMilliSeconds();
  const id = util.autoId();
  const results = {
    autoIdLength: id.length,
    nowIsRecent: now > 1700000000000,
    isoParses: util.time.parseISO8601ToEpochMilliSeconds('2024-01-02T03:04:05Z'),
    epochSeconds: util.time.epochMilliSecondsToSeconds(1700000000123),
    toDynamoDB: util.dynamodb.toDynamoDB({ a: 1, b: ['x', true], c: null }),
    toMapValues: util.dynamodb.toMapValues({ s: 'v', n: 2 }),
    typeOfList: util.typeOf([1]),
    isNullOrEmpty: util.isNullOrEmpty(''),
    matches: util.matches('a+b', 'aaab'),
    base64: util.base64Encode('hi'),
    getRequest: ddb.get({ key: { id: 'k' } }),
    input: ctx.args.input,
    hasOwn: Object.hasOwn(ctx.args, 'input'),
    subscriptionFilter: util.transform.toSubscriptionFilter({ a: { eq: 1 }, or: [{ b: { gt: 2 } }, { c: { in: ['x'] } }] }),
  };
  return { payload: results };
}

export function response(ctx) {
  return ctx.result;
}
