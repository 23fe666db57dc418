import { util } from '@aws-appsync/utils';

export function request(ctx) {
  if (ctx.args.owner !== ctx.identity.cognitoIdentityId) {
    util.unauthorized();
  }
  return { payload: null };
}

export function response(ctx) {
  return null;
}
