// Runs the template's pipeline resolvers under node against a FakeTable, the way AppSync chains them: resolver
// request, then each function's request, data source and response (runtime.earlyReturn skips the last two), then
// the resolver response. Pipelines are read from config/syncshift-appsync.yaml, so they cannot drift.
import { readFileSync } from 'node:fs';
import { AppSyncError, EarlyReturn, loadResolver } from './appsync-stub.mjs';

const TEMPLATE = new URL('../../config/syncshift-appsync.yaml', import.meta.url);

function blocks(text) {
    return text.split(/\n(?=  [A-Za-z]+:\n    Type: )/).map((block) => ({
        id: block.match(/^\s*([A-Za-z]+):/)?.[1],
        type: block.match(/Type: (AWS::\S+)/)?.[1],
        body: block,
    }));
}

export async function loadApi() {
    const text = readFileSync(TEMPLATE, 'utf8');
    const functions = {};
    const resolvers = {};
    for (const block of blocks(text)) {
        const code = block.body.match(/CodeS3Location: \.\.\/graphql\/(\S+)/)?.[1];
        if (block.type === 'AWS::AppSync::FunctionConfiguration') {
            functions[block.id] = {
                name: block.body.match(/Name: (\w+)/)[1],
                none: block.body.includes('NoneDataSource.Name'),
                module: await loadResolver(new URL(`../${code}`, import.meta.url)),
            };
        }
        if (block.type === 'AWS::AppSync::Resolver') {
            const field = block.body.match(/FieldName: (\w+)/)[1];
            resolvers[field] = {
                functions: [...block.body.matchAll(/!GetAtt (\w+)\.FunctionId/g)].map((m) => m[1]),
                module: await loadResolver(new URL(`../${code}`, import.meta.url)),
            };
        }
    }
    return { functions, resolvers };
}

/**
 * Runs field with args for identity. Returns { data } or { error: { message, errorType, data, errorInfo } }.
 * hooks.before(functionName) runs before a function's request, to interleave another caller.
 */
export function run(api, table, field, args, identity, hooks = {}) {
    const resolver = api.resolvers[field];
    const ctx = {
        args, arguments: args, identity, stash: {}, env: ENV, info: { fieldName: field }, prev: { result: {} },
    };
    const outcome = capture(() => {
        resolver.module.request(ctx);
        for (const id of resolver.functions) {
            const fn = api.functions[id];
            hooks.before?.(fn.name);
            ctx.prev = { result: step(fn, ctx, table) };
        }
        ctx.result = ctx.prev.result;
        return resolver.module.response(ctx);
    });
    return { ...outcome, ctx };
}

export const ENV = {
    SYNCSHIFT_TABLE: 'SyncStore',
    SYNCSHIFT_ADMIN_ROLE_ARN: 'arn:aws:iam::123456789012:role/syncshift/Migrator',
};

function step(fn, ctx, table) {
    delete ctx.error;
    delete ctx.result;
    let request;
    try {
        request = fn.module.request(ctx);
    } catch (e) {
        if (e instanceof EarlyReturn) {
            return e.value;
        }
        throw e;
    }
    const executed = fn.none ? { result: request.payload ?? null } : table.execute(request);
    ctx.result = executed.result ?? null;
    if (executed.error) {
        ctx.error = executed.error;
    }
    return fn.module.response(ctx);
}

function capture(body) {
    try {
        return { data: body() };
    } catch (e) {
        if (e instanceof AppSyncError) {
            return { error: { message: e.message, errorType: e.errorType, data: e.data, errorInfo: e.errorInfo } };
        }
        throw e;
    }
}
