// An in-memory table that executes the AppSync DynamoDB request objects the resolvers send, with just the
// expression forms they use. A test double for node checks only; the AppSync emulator runs DynamoDB Local.
export class FakeTable {
    // conditionFailedType: the cancellation reason type of a failed condition. AppSync's TransactWriteItems page shows
    // 'ConditionCheckFailed'; DynamoDB's own code is 'ConditionalCheckFailed'. The resolvers must take either.
    constructor({ conditionFailedType = 'ConditionCheckFailed' } = {}) {
        this.conditionFailedType = conditionFailedType;
        this.items = new Map();
        // Every request executed (see label): what a field costs in DynamoDB calls.
        this.requests = [];
    }

    static key(pk, sk) {
        return `${pk}\u0000${sk}`;
    }

    get(key) {
        const item = this.items.get(FakeTable.key(key.pk, key.sk));
        return item === undefined ? null : structuredClone(item);
    }

    all() {
        return [...this.items.values()].map((item) => structuredClone(item));
    }

    execute(request) {
        this.requests.push(label(request));
        switch (request.operation) {
            case 'GetItem':
                return { result: this.get(request.key) };
            case 'Query':
                return { result: this.query(request) };
            case 'TransactGetItems':
                return { result: { items: request.transactItems.map((t) => this.get(t.key)) } };
            case 'TransactWriteItems':
                return this.transactWrite(request.transactItems);
            case 'UpdateItem':
                return this.update(request);
            default:
                throw new Error(`FakeTable does not do ${request.operation}`);
        }
    }

    query(request) {
        const { expression, expressionNames, expressionValues } = request.query;
        const between = expression.match(/^(.*) AND (#\w+) BETWEEN (:\w+) AND (:\w+)$/);
        const terms = (between ? between[1] : expression).split(' AND ')
            .map((term) => parseTerm(term, expressionNames, expressionValues));
        if (between) {
            const [, , name, from, to] = between;
            terms.push((item) => item[expressionNames[name]] >= expressionValues[from]
                && item[expressionNames[name]] <= expressionValues[to]);
        }
        const sortKey = { bySyncCount: 'syncCount', liveDatasets: 'liveSk' }[request.index] ?? 'sk';
        const matches = this.all()
            .filter((item) => item[sortKey] !== undefined && terms.every((test) => test(item)))
            .sort((a, b) => (a[sortKey] < b[sortKey] ? -1 : (a[sortKey] > b[sortKey] ? 1 : (a.sk < b.sk ? -1 : 1))));
        const start = request.nextToken ? Number(request.nextToken) : 0;
        const end = Math.min(start + (request.limit ?? matches.length), matches.length);
        return { items: matches.slice(start, end), nextToken: end < matches.length ? String(end) : null };
    }

    transactWrite(actions) {
        const keys = new Set(actions.map((a) => FakeTable.key(a.key.pk, a.key.sk)));
        if (keys.size !== actions.length) {
            return { error: { type: 'DynamoDB:ValidationException', message: 'two actions on one item' } };
        }
        const reasons = actions.map((a) => (this.holds(a.key, a.condition) ? { type: 'None', message: 'None' }
            : { type: this.conditionFailedType, message: 'The condition check failed.' }));
        if (reasons.some((r) => r.type !== 'None')) {
            return {
                error: { type: 'DynamoDB:TransactionCanceledException', message: 'Transaction cancelled' },
                result: { keys: null, cancellationReasons: reasons },
            };
        }
        actions.forEach((a) => this.apply(a));
        return { result: { keys: actions.map((a) => a.key) } };
    }

    update(request) {
        if (!this.holds(request.key, request.condition)) {
            return { error: { type: 'DynamoDB:ConditionalCheckFailedException', message: 'The condition failed' } };
        }
        this.apply({ ...request, operation: 'UpdateItem' });
        return { result: this.get(request.key) };
    }

    holds(key, condition) {
        if (!condition) {
            return true;
        }
        const item = this.get(key);
        return condition.expression.split(' AND ')
            .map((term) => parseTerm(term, condition.expressionNames ?? {}, condition.expressionValues ?? {}))
            .every((test) => test(item));
    }

    apply(action) {
        const id = FakeTable.key(action.key.pk, action.key.sk);
        if (action.operation === 'PutItem') {
            this.items.set(id, structuredClone({ ...action.attributeValues, ...action.key }));
        } else if (action.operation === 'DeleteItem') {
            this.items.delete(id);
        } else if (action.operation === 'UpdateItem') {
            const item = this.get(action.key) ?? { ...action.key };
            const { expression, expressionNames, expressionValues } = action.update;
            const [set, remove] = expression.replace(/^SET /, '').split(' REMOVE ');
            set.split(', ').forEach((assignment) => {
                const [name, value] = assignment.split(' = ');
                item[expressionNames[name]] = expressionValues[value];
            });
            (remove ?? '').split(', ').filter((name) => name).forEach((name) => {
                delete item[expressionNames[name]];
            });
            this.items.set(id, item);
        }
    }
}

// 'GetItem', 'TransactGetItems', ...; a Query as 'Query bySyncCount' or 'Query liveDatasets' (the LSIs), 'Query range'
// (a sort key range of the table) or 'Query partition' (a whole partition of the table).
function label(request) {
    if (request.operation !== 'Query') {
        return request.operation;
    }
    return `Query ${request.index ?? (request.query.expression.includes('BETWEEN') ? 'range' : 'partition')}`;
}

function parseTerm(term, names, values) {
    const either = term.match(/^\((.*) OR (.*)\)$/);
    if (either) {
        const [left, right] = [either[1], either[2]].map((side) => parseTerm(side, names, values));
        return (item) => left(item) || right(item);
    }
    const notExists = term.match(/^attribute_not_exists\((#\w+)\)$/);
    if (notExists) {
        return (item) => item === null || item[names[notExists[1]]] === undefined;
    }
    const comparison = term.match(/^(#\w+) (=|>) (:\w+)$/);
    if (!comparison) {
        throw new Error(`FakeTable cannot parse ${term}`);
    }
    const [, name, operator, value] = comparison;
    return (item) => item !== null && (operator === '='
        ? item[names[name]] === values[value]
        : item[names[name]] > values[value]);
}
