// A minimal stand-in for the APPSYNC_JS runtime's '@aws-appsync/utils', enough to run resolver code under node
// for unit checks. It is not an emulator: the AppSync emulator (emulator/appsync) runs the resolvers for real.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class AppSyncError extends Error {
    constructor(message, errorType, data, errorInfo) {
        super(message);
        this.errorType = errorType;
        this.data = data;
        this.errorInfo = errorInfo;
    }
}

export class EarlyReturn extends Error {
    constructor(value) {
        super('earlyReturn');
        this.value = value;
    }
}

const util = {
    base64Encode: (text) => Buffer.from(text, 'utf8').toString('base64'),
    error: (message, errorType, data, errorInfo) => {
        throw new AppSyncError(message, errorType, data, errorInfo);
    },
    unauthorized: () => {
        throw new AppSyncError('Unauthorized', 'Unauthorized');
    },
    time: {
        nowEpochMilliSeconds: () => 1763800000000,
        epochMilliSecondsToISO8601: (ms) => new Date(ms).toISOString(),
        parseISO8601ToEpochMilliSeconds: (iso) => Date.parse(iso),
    },
    dynamodb: { toMapValues: (value) => value },
    transform: { toSubscriptionFilter: (filter) => ({ filterGroup: filter }) },
};

const extensions = {
    setSubscriptionFilter: (filter) => {
        extensions.lastFilter = filter;
    },
};

const runtime = {
    earlyReturn: (value) => {
        throw new EarlyReturn(value);
    },
};

globalThis.__appsyncStub = { util, runtime, extensions };

export { extensions };

/** Imports a resolver file with '@aws-appsync/utils' bound to this stub. */
export async function loadResolver(path) {
    const source = readFileSync(path, 'utf8').replace(
        /import \{([^}]*)\} from '@aws-appsync\/utils';/,
        'const {$1} = globalThis.__appsyncStub;');
    const file = join(mkdtempSync(join(tmpdir(), 'resolver-')), 'resolver.mjs');
    writeFileSync(file, source);
    return import(file);
}
