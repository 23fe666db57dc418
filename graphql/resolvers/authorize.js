/**
 * Pipeline function (NONE data source), first in every pipeline: decides whose data the request touches and
 * checks the dataset name. User fields act on ctx.identity.cognitoIdentityId and nothing else; admin* fields
 * act on the identityId argument and only for the role named by ctx.env.SYNCSHIFT_ADMIN_ROLE_ARN.
 * Stash out: identityId, datasetName (when the field has one), admin, now (epoch ms), by (lastModifiedBy).
 */
import { util, runtime } from '@aws-appsync/utils';

const NAME_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-';
const REGION_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
const ID_CHARACTERS = '0123456789abcdef-';

export function request(ctx) {
    const admin = ctx.info.fieldName.indexOf('admin') === 0;
    const args = ctx.args.input ?? ctx.args;
    ctx.stash.admin = admin;
    ctx.stash.identityId = admin ? adminTarget(ctx, args.identityId) : callerIdentity(ctx);
    ctx.stash.now = util.time.nowEpochMilliSeconds();
    ctx.stash.by = args.deviceId ?? args.lastModifiedBy ?? ctx.stash.identityId;
    const deviceId = args.deviceId ?? null;
    if (deviceId !== null && (deviceId.length < 1 || deviceId.length > 256)) {
        util.error(`1 validation error detected: Value '${args.deviceId}' at 'deviceId' failed to satisfy constraint: `
            + 'Member must have length between 1 and 256', 'InvalidParameterException');
    }
    if (args.datasetName !== undefined && args.datasetName !== null) {
        ctx.stash.datasetName = checkDatasetName(args.datasetName);
    }
    if (args.limit !== undefined && args.limit !== null && args.limit < 1) {
        util.error(`1 validation error detected: Value '${args.limit}' at 'limit' failed to satisfy constraint: `
            + 'Member must have value greater than or equal to 1', 'InvalidParameterException');
    }
    runtime.earlyReturn({});
}

export function response(ctx) {
    return ctx.prev.result;
}

function callerIdentity(ctx) {
    const identityId = ctx.identity?.cognitoIdentityId;
    if (!identityId) {
        util.unauthorized();
    }
    return identityId;
}

function adminTarget(ctx, identityId) {
    const roleArn = ctx.env.SYNCSHIFT_ADMIN_ROLE_ARN;
    const userArn = ctx.identity?.userArn;
    if (!roleArn || !userArn || ctx.identity.cognitoIdentityId || !isSessionOf(userArn, roleArn)) {
        util.unauthorized();
    }
    return checkIdentityId(identityId);
}

// [\w-]+:[0-9a-f-]+, 1..55 characters: the identity id becomes part of partition keys, so no '#' may pass.
function checkIdentityId(identityId) {
    const parts = (identityId ?? '').split(':');
    const valid = parts.length === 2 && identityId.length <= 55 && parts[0].length > 0 && parts[1].length > 0
        && parts[0].split('').every((c) => REGION_CHARACTERS.indexOf(c) >= 0)
        && parts[1].split('').every((c) => ID_CHARACTERS.indexOf(c) >= 0);
    if (!valid) {
        util.error(`1 validation error detected: Value '${identityId}' at 'identityId' failed to satisfy constraint: `
            + 'Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+', 'InvalidParameterException');
    }
    return identityId;
}

// arn:aws:iam::<account>:role/<path/>Name is seen by AppSync as arn:aws:sts::<account>:assumed-role/Name/<session>.
function isSessionOf(userArn, roleArn) {
    const parts = roleArn.split(':');
    const roleName = parts.length === 6 ? parts[5].split('/').pop() : '';
    const sessionPrefix = `arn:${parts[1]}:sts::${parts[4]}:assumed-role/${roleName}/`;
    return roleName !== '' && (userArn === roleArn || userArn.indexOf(sessionPrefix) === 0);
}

// Cognito Sync's checks, in its order: the length in code points, then the pattern.
function checkDatasetName(name) {
    const characters = name.split('');
    // Code points, counted only when the UTF-16 units are out of bounds (a name of pattern characters has one each).
    const length = characters.length >= 1 && characters.length <= 128 ? characters.length
        : characters.length - characters.filter((c) => c >= '\uDC00' && c <= '\uDFFF').length;
    if (length < 1 || length > 128) {
        refuseName(name, `Member must have length ${length < 1 ? 'greater than or equal to 1'
            : 'less than or equal to 128'}`);
    }
    if (characters.filter((c) => NAME_CHARACTERS.indexOf(c) < 0).length > 0) {
        refuseName(name, 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.:-]+');
    }
    return name;
}

function refuseName(name, constraint) {
    const shown = name.length > 256 ? `${name.substring(0, 256)}...` : name;
    util.error(`1 validation error detected: Value '${shown}' at 'datasetName' failed to satisfy constraint: `
        + constraint, 'InvalidParameterException');
}
