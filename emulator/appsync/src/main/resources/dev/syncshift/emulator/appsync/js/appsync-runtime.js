// The part of @aws-appsync/utils (and @aws-appsync/utils/dynamodb) that the emulator provides to
// APPSYNC_JS resolver modules. Loaded once per JS context; resolver code reaches it through the
// rewritten imports (see JsModules). This file is trusted runtime code, not checked by JsCodeRestrictions.
(function () {
  'use strict';
  // info: the running handler's ctx.info, read only when util.unauthorized needs it (a step parses it then).
  const state = { errors: [], filter: null, logs: [], info: () => null };

  // What util.error and runtime.earlyReturn throw: resolver code cannot catch it (APPSYNC_JS has no try), so it
  // need not be an Error, whose construction captures a stack trace.
  function signal(kind, payload) {
    return { __appsync: Object.assign({ kind }, payload) };
  }
  function errorPayload(message, type, data, info) {
    return { message: String(message), type: type ?? null, data: data ?? null, info: info ?? null };
  }
  function isMap(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  const ddbUtil = {
    toDynamoDB(v) {
      if (v === null || v === undefined) return { NULL: true };
      if (typeof v === 'string') return { S: v };
      if (typeof v === 'number') return { N: String(v) };
      if (typeof v === 'boolean') return { BOOL: v };
      if (Array.isArray(v)) return { L: v.map((x) => ddbUtil.toDynamoDB(x)) };
      return { M: ddbUtil.toMapValues(v) };
    },
    toMapValues(obj) {
      const out = {};
      // Indexes over Object.keys, not for-of over Object.entries: the interpreter runs the handlers, and an
      // iterator and a pair per member cost a push of ten records about a tenth of a millisecond.
      const keys = Object.keys(obj ?? {});
      for (let i = 0; i < keys.length; i++) {
        const val = obj[keys[i]];
        if (val !== undefined) out[keys[i]] = ddbUtil.toDynamoDB(val);
      }
      return out;
    },
    toDynamoDBJson(v) { return JSON.stringify(ddbUtil.toDynamoDB(v)); },
    toMapValuesJson(v) { return JSON.stringify(ddbUtil.toMapValues(v)); },
    toString(s) { return { S: s }; },
    toStringJson(s) { return JSON.stringify({ S: s }); },
    toNumber(n) { return { N: String(n) }; },
    toNumberJson(n) { return JSON.stringify({ N: String(n) }); },
    toBoolean(b) { return { BOOL: b }; },
    toNull() { return { NULL: true }; },
    toStringSet(list) { return { SS: list }; },
    toNumberSet(list) { return { NS: list.map(String) }; },
    toBinary(b64) { return { B: b64 }; },
    toBinarySet(list) { return { BS: list }; },
    toList(list) { return { L: list.map((x) => ddbUtil.toDynamoDB(x)) }; },
    toMap(obj) { return { M: ddbUtil.toMapValues(obj) }; },
  };

  function pad(n, width) {
    return String(n).padStart(width, '0');
  }

  const time = {
    nowISO8601() { return new Date().toISOString(); },
    nowEpochSeconds() { return Math.floor(Date.now() / 1000); },
    nowEpochMilliSeconds() { return Date.now(); },
    parseISO8601ToEpochMilliSeconds(s) { return Date.parse(s); },
    epochMilliSecondsToSeconds(ms) { return Math.floor(ms / 1000); },
    epochMilliSecondsToISO8601(ms) { return new Date(ms).toISOString(); },
    nowFormatted(format) {
      const d = new Date();
      return format.replace('yyyy', d.getUTCFullYear()).replace('MM', pad(d.getUTCMonth() + 1, 2))
        .replace('dd', pad(d.getUTCDate(), 2)).replace('HH', pad(d.getUTCHours(), 2))
        .replace('mm', pad(d.getUTCMinutes(), 2)).replace('ss', pad(d.getUTCSeconds(), 2));
    },
  };

  function typeOf(v) {
    if (v === null || v === undefined) return 'Null';
    if (Array.isArray(v)) return 'List';
    if (typeof v === 'number') return 'Number';
    if (typeof v === 'string') return 'String';
    if (typeof v === 'boolean') return 'Boolean';
    return 'Map';
  }

  const OPERATORS = ['eq', 'ne', 'le', 'lt', 'ge', 'gt', 'contains', 'notContains', 'beginsWith', 'in', 'notIn',
    'between', 'containsAny'];

  // Disjunctive normal form of a filter object: a list of groups, each a list of {fieldName, operator, value}.
  function filterGroups(filter, ignored) {
    let groups = [[]];
    for (const [key, value] of Object.entries(filter ?? {})) {
      if (key === 'or') {
        const alternatives = value.flatMap((f) => filterGroups(f, ignored));
        groups = groups.flatMap((g) => alternatives.map((a) => g.concat(a)));
      } else if (key === 'and') {
        for (const f of value) {
          const parts = filterGroups(f, ignored);
          groups = groups.flatMap((g) => parts.map((p) => g.concat(p)));
        }
      } else if (!ignored.includes(key)) {
        const conditions = Object.entries(value)
          .filter(([op]) => OPERATORS.includes(op))
          .map(([operator, v]) => ({ fieldName: key, operator, value: v }));
        groups = groups.map((g) => g.concat(conditions));
      }
    }
    return groups;
  }

  // Expressions with generated placeholders (#name, :value) from AppSync's filter and condition objects.
  function expressionBuilder() {
    const names = {};
    const values = {};
    let count = 0;
    return {
      name(path) {
        return path.split('.').map((part) => {
          const placeholder = '#' + part.replace(/[^A-Za-z0-9_]/g, '_');
          names[placeholder] = part;
          return placeholder;
        }).join('.');
      },
      value(v) {
        count += 1;
        const placeholder = ':p' + count;
        values[placeholder] = ddbUtil.toDynamoDB(v);
        return placeholder;
      },
      build(expression) {
        return expression ? { expression, expressionNames: names, expressionValues: values } : null;
      },
    };
  }

  const COMPARISONS = { eq: '=', ne: '<>', le: '<=', lt: '<', ge: '>=', gt: '>' };

  function comparison(name, op, v, b) {
    if (COMPARISONS[op]) return `${name} ${COMPARISONS[op]} ${b.value(v)}`;
    switch (op) {
      case 'contains': return `contains(${name}, ${b.value(v)})`;
      case 'notContains': return `NOT contains(${name}, ${b.value(v)})`;
      case 'beginsWith': return `begins_with(${name}, ${b.value(v)})`;
      case 'between': return `${name} BETWEEN ${b.value(v[0])} AND ${b.value(v[1])}`;
      case 'in': return `${name} IN (${v.map((x) => b.value(x)).join(', ')})`;
      case 'attributeExists': return v ? `attribute_exists(${name})` : `attribute_not_exists(${name})`;
      case 'attributeType': return `attribute_type(${name}, ${b.value(v)})`;
      case 'size': return Object.entries(v).map(([o, x]) => comparison(`size(${name})`, o, x, b)).join(' AND ');
      default: throw new Error(`Unsupported operator ${op}`);
    }
  }

  function conditionText(filter, b, bare) {
    const parts = [];
    for (const [key, value] of Object.entries(filter ?? {})) {
      if (value === undefined || value === null) continue;
      if (key === 'and' || key === 'or') {
        const subs = value.map((f) => conditionText(f, b)).filter((x) => x);
        if (subs.length) parts.push('(' + subs.join(key === 'and' ? ' AND ' : ' OR ') + ')');
      } else if (key === 'not') {
        const sub = conditionText(Array.isArray(value) ? { and: value } : value, b);
        if (sub) parts.push(`(NOT ${sub})`);
      } else {
        for (const [op, operand] of Object.entries(value)) parts.push(comparison(b.name(key), op, operand, b));
      }
    }
    if (!parts.length) return null;
    return bare ? parts.join(' AND ') : '(' + parts.join(' AND ') + ')';
  }

  // bare: no outer parentheses, for key conditions. Expressions of one request share a builder so that
  // their placeholders do not collide once merged into one DynamoDB call.
  function conditionObject(filter, bare, shared) {
    if (!filter) return null;
    const b = shared ?? expressionBuilder();
    return b.build(conditionText(filter, b, bare));
  }

  const transform = {
    toSubscriptionFilter(filter, ignoredFields) {
      return { filterGroup: filterGroups(filter, ignoredFields ?? []).map((filters) => ({ filters })) };
    },
    toDynamoDBFilterExpression(filter) { return JSON.stringify(conditionObject(filter)); },
    toDynamoDBConditionExpression(condition) { return JSON.stringify(conditionObject(condition)); },
  };

  function logLine(level) {
    return (...parts) => {
      state.logs.push(level + ' - ' + parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
    };
  }
  const log = { info: logLine('INFO'), error: logLine('ERROR'), warn: logLine('WARN'), debug: logLine('DEBUG') };
  globalThis.console = { log: log.info, info: log.info, error: log.error, warn: log.warn, debug: log.debug };

  const util = {
    log,
    error(message, type, data, info) { throw signal('error', errorPayload(message, type, data, info)); },
    appendError(message, type, data, info) { state.errors.push(errorPayload(message, type, data, info)); },
    unauthorized() {
      const info = state.info() ?? {};
      throw signal('error', errorPayload(
        `Not Authorized to access ${info.fieldName} on type ${info.parentTypeName}`, 'Unauthorized'));
    },
    autoId() { return __appsyncHost.uuid(); },
    autoUlid() { return __appsyncHost.ulid(); },
    authType() { return 'IAM Authorization'; },
    isNull(v) { return v === null || v === undefined; },
    isNullOrEmpty(v) { return v === null || v === undefined || v === ''; },
    isNullOrBlank(v) { return v === null || v === undefined || String(v).trim() === ''; },
    defaultIfNull(v, d) { return v === null || v === undefined ? d : v; },
    defaultIfNullOrEmpty(v, d) { return util.isNullOrEmpty(v) ? d : v; },
    defaultIfNullOrBlank(v, d) { return util.isNullOrBlank(v) ? d : v; },
    isString(v) { return typeof v === 'string'; },
    isNumber(v) { return typeof v === 'number'; },
    isBoolean(v) { return typeof v === 'boolean'; },
    isList(v) { return Array.isArray(v); },
    isMap(v) { return isMap(v); },
    typeOf,
    matches(pattern, s) { return new RegExp('^(?:' + pattern + ')$').test(s); },
    escapeJavaScript(s) { return JSON.stringify(String(s)).slice(1, -1); },
    urlEncode(s) { return encodeURIComponent(s); },
    urlDecode(s) { return decodeURIComponent(s); },
    base64Encode(s) { return __appsyncHost.base64Encode(s); },
    base64Decode(s) { return __appsyncHost.base64Decode(s); },
    time,
    transform,
    dynamodb: ddbUtil,
    str: {
      toUpper(s) { return s.toUpperCase(); },
      toLower(s) { return s.toLowerCase(); },
      toReplace(s, a, b) { return s.split(a).join(b); },
      normalize(s, form) { return s.normalize(form); },
    },
    math: {
      roundNum(n) { return Math.round(n); },
      minVal(a, b) { return Math.min(a, b); },
      maxVal(a, b) { return Math.max(a, b); },
      randomDouble() { return Math.random(); },
      randomWithinRange(a, b) { return a + Math.floor(Math.random() * (b - a)); },
    },
  };

  const runtime = {
    earlyReturn(value) { throw signal('early', { value: value === undefined ? null : value }); },
  };
  const extensions = {
    setSubscriptionFilter(filter) { state.filter = filter; },
    setSubscriptionInvalidationFilter() {},
    invalidateSubscriptions() {},
  };

  const operations = {
    add(value) { return { __op: 'add', value }; },
    remove() { return { __op: 'remove' }; },
    replace(value) { return { __op: 'replace', value }; },
    increment(by) { return { __op: 'increment', value: by ?? 1 }; },
    decrement(by) { return { __op: 'decrement', value: by ?? 1 }; },
    append(items) { return { __op: 'append', value: items }; },
    prepend(items) { return { __op: 'prepend', value: items }; },
    updateListItem(value, index) { return { __op: 'updateListItem', value, index }; },
  };

  function updateExpression(update, b) {
    const set = [];
    const add = [];
    const remove = [];
    for (const [field, raw] of Object.entries(update ?? {})) {
      const name = b.name(field);
      const op = raw !== null && typeof raw === 'object' && raw.__op ? raw : { __op: 'replace', value: raw };
      switch (op.__op) {
        case 'remove': remove.push(name); break;
        case 'add': add.push(`${name} ${b.value(op.value)}`); break;
        case 'increment': set.push(`${name} = ${name} + ${b.value(op.value)}`); break;
        case 'decrement': set.push(`${name} = ${name} - ${b.value(op.value)}`); break;
        case 'append': set.push(`${name} = list_append(${name}, ${b.value(op.value)})`); break;
        case 'prepend': set.push(`${name} = list_append(${b.value(op.value)}, ${name})`); break;
        case 'updateListItem': set.push(`${name}[${op.index}] = ${b.value(op.value)}`); break;
        default: set.push(`${name} = ${b.value(op.value)}`);
      }
    }
    const clauses = [];
    if (set.length) clauses.push('SET ' + set.join(', '));
    if (add.length) clauses.push('ADD ' + add.join(', '));
    if (remove.length) clauses.push('REMOVE ' + remove.join(', '));
    return b.build(clauses.join(' '));
  }

  function withOptions(request, options) {
    for (const [k, v] of Object.entries(options)) {
      if (v !== undefined && v !== null) request[k] = v;
    }
    return request;
  }

  const dynamodb = {
    operations,
    get({ key, consistentRead, projection }) {
      return withOptions({ operation: 'GetItem', key: ddbUtil.toMapValues(key) }, {
        consistentRead: consistentRead ?? false,
        projection: projection ? { expression: projection.join(', ') } : null,
      });
    },
    put({ key, item, condition }) {
      return withOptions({ operation: 'PutItem', key: ddbUtil.toMapValues(key),
        attributeValues: ddbUtil.toMapValues(item) }, { condition: conditionObject(condition) });
    },
    remove({ key, condition }) {
      return withOptions({ operation: 'DeleteItem', key: ddbUtil.toMapValues(key) },
        { condition: conditionObject(condition) });
    },
    update({ key, update, condition }) {
      const b = expressionBuilder();
      return withOptions({ operation: 'UpdateItem', key: ddbUtil.toMapValues(key),
        update: updateExpression(update, b) }, { condition: conditionObject(condition, false, b) });
    },
    query(request) {
      const { query, filter, ...rest } = request;
      const b = expressionBuilder();
      return withOptions({ operation: 'Query', query: conditionObject(query, true, b) },
        Object.assign({ filter: conditionObject(filter, false, b) }, rest));
    },
    scan(request) {
      const { filter, ...rest } = request ?? {};
      return withOptions({ operation: 'Scan' }, Object.assign({ filter: conditionObject(filter) }, rest));
    },
  };

  function outcome(kind, value, ctx, error) {
    return JSON.stringify({
      kind, value: value === undefined ? null : value, stash: ctx.stash, error: error ?? null,
      errors: state.errors, filter: state.filter, logs: state.logs,
    });
  }

  function invoke(fn, ctxJson) {
    state.errors = [];
    state.filter = null;
    state.logs = [];
    const ctx = JSON.parse(ctxJson);
    const info = ctx.info ?? null;
    state.info = () => info;
    ctx.args = ctx.arguments;
    try {
      return outcome('ok', fn(ctx), ctx);
    } catch (e) {
      if (e && e.__appsync && e.__appsync.kind === 'early') return outcome('early', e.__appsync.value, ctx);
      if (e && e.__appsync) {
        const { message, type, data, info } = e.__appsync;
        return outcome('error', null, ctx, { message, type, data, info });
      }
      throw e;
    }
  }

  // The data plane's steps. One resolver call runs all its handlers in one context: the values a handler leaves
  // (its return value, ctx.stash) stay JavaScript objects and are handed to the next handler as they are; only
  // what Java needs crosses, as JSON text (each of the call's fixed members once, a data source's answer, a data
  // source's request and the field's value through text()). Each handler gets a ctx of its own whose fixed members
  // are parsed afresh from their text, so changes a handler makes to ctx.arguments and the like are not seen by the
  // next one. They are parsed when the handler first reads them: most handlers read one or two, and parsing all of
  // them (a push's patches twice, with info.variables, and the selection set) for each of a push's 16 handlers cost
  // it about a millisecond.
  const FIXED = ['arguments', 'identity', 'source', 'info', 'env', 'request'];
  const TEXTS = Symbol('fixed members as text');

  function begin(...namesAndTexts) {
    const texts = {};
    for (let i = 0; i < namesAndTexts.length; i += 2) texts[namesAndTexts[i]] = namesAndTexts[i + 1];
    return { texts, stash: {} };
  }

  // The member as this handler first sees it, parsed once per handler (ctx.args and ctx.arguments are one object).
  function fixedValue(ctx, member) {
    const own = ctx[TEXTS];
    if (!(member in own.values)) own.values[member] = JSON.parse(own.texts[member] ?? 'null');
    return own.values[member];
  }

  // Once a handler froze or sealed its ctx, a member stays an accessor (reads still parse it once; a write, which a
  // sealed plain object would take, is kept for the reads of that member).
  function settle(ctx, name, value) {
    if (Object.isSealed(ctx)) {
      ctx[TEXTS].values[name === 'args' ? 'arguments' : name] = value;
      return value;
    }
    Object.defineProperty(ctx, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  }

  // An accessor until first read or written, then a plain data property. Shared by every step's ctx, so a step
  // defines its members without creating functions.
  function fixedAccessor(name, member) {
    return {
      configurable: true,
      enumerable: true,
      get() { return settle(this, name, fixedValue(this, member)); },
      set(value) { settle(this, name, value); },
    };
  }
  const FIXED_ACCESSORS = {};
  FIXED.forEach((name) => { FIXED_ACCESSORS[name] = fixedAccessor(name, name); });
  const ARGS_ACCESSOR = fixedAccessor('args', 'arguments');

  function stepContext(run, previous, withResult, resultJson, errorJson) {
    const ctx = {};
    Object.defineProperty(ctx, TEXTS, { value: { texts: run.texts, values: {} } });
    // The key order of the eager form: arguments, identity, source, stash, info, env, request, prev, result, error,
    // args.
    for (const name of FIXED) {
      if (name === 'info') ctx.stash = run.stash;
      Object.defineProperty(ctx, name, FIXED_ACCESSORS[name]);
    }
    ctx.prev = { result: previous };
    if (withResult) {
      ctx.result = JSON.parse(resultJson);
      if (errorJson !== null) ctx.error = JSON.parse(errorJson);
    }
    Object.defineProperty(ctx, 'args', ARGS_ACCESSOR);
    state.info = () => fixedValue(ctx, 'info');
    return ctx;
  }

  function stepOutcome(kind, value, ctx, run, error) {
    run.stash = isMap(ctx.stash) ? ctx.stash : {};
    return {
      kind,
      value: value === undefined ? null : value,
      error: error ? JSON.stringify(error) : null,
      errors: state.errors.length ? JSON.stringify(state.errors) : null,
      filter: state.filter === null || state.filter === undefined ? null : JSON.stringify(state.filter),
    };
  }

  function step(fn, name, run, previous, withResult, resultJson, errorJson) {
    state.errors = [];
    state.filter = null;
    state.logs = [];
    const ctx = stepContext(run, previous, withResult, resultJson, errorJson);
    if (typeof fn !== 'function') {
      // A handler left out passes its input on, as AppSync's default handlers do.
      const passed = name !== 'response' ? null : ('result' in ctx ? ctx.result : ctx.prev.result);
      return stepOutcome('ok', passed, ctx, run);
    }
    try {
      return stepOutcome('ok', fn(ctx), ctx, run);
    } catch (e) {
      if (e && e.__appsync && e.__appsync.kind === 'early') return stepOutcome('early', e.__appsync.value, ctx, run);
      if (e && e.__appsync) {
        const { message, type, data, info } = e.__appsync;
        return stepOutcome('error', null, ctx, run, { message, type, data, info });
      }
      throw e;
    }
  }

  function text(value) {
    return JSON.stringify(value);
  }

  globalThis.__appsync = { utils: { util, runtime, extensions }, dynamodb, invoke, begin, step, text };
})();
