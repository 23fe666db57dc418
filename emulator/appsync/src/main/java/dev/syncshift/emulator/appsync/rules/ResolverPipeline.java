package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.api.DataSourceDefinition;
import dev.syncshift.emulator.appsync.api.FunctionDefinition;
import dev.syncshift.emulator.appsync.api.ResolverDefinition;
import dev.syncshift.emulator.appsync.js.HandlerOutcome;
import dev.syncshift.emulator.appsync.js.JsError;
import dev.syncshift.emulator.appsync.js.JsRuntime;
import dev.syncshift.emulator.appsync.js.JsValue;
import dev.syncshift.emulator.appsync.js.ResolverRun;
import dev.syncshift.emulator.appsync.js.StepOutcome;
import dev.syncshift.emulator.appsync.store.DataSourceResult;
import dev.syncshift.emulator.appsync.store.ItemStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs unit and pipeline resolvers (AWS docs {@code resolver-reference-overview-js.html}): request handler → data
 * source → response handler; for a pipeline, the before step, each function (its own request, data source, response,
 * with {@code ctx.prev.result} chained) and the after step, sharing {@code ctx.stash}. {@code runtime.earlyReturn}
 * skips the rest of the resolver (in a function: that function's data source and response). The handlers of one call
 * run in one JS context ({@link ResolverRun}): the stash and the values handed from step to step stay JavaScript; only
 * data sources' requests and answers and the field's value cross to Java.
 */
final class ResolverPipeline {

    private final JsRuntime js;
    private final ItemStore store;
    private final Map<String, String> environment;

    ResolverPipeline(JsRuntime js, ItemStore store, Map<String, String> environment) {
        this.js = js;
        this.store = store;
        this.environment = environment;
    }

    static String moduleOf(ResolverDefinition resolver) {
        return "resolvers/" + resolver.typeName() + "." + resolver.fieldName();
    }

    static String moduleOf(FunctionDefinition function) {
        return "functions/" + function.name();
    }

    FieldResult resolve(ResolverDefinition resolver, FieldCall call) {
        try (ResolverRun run = js.begin(base(call))) {
            Steps steps = new Steps(run);
            String module = moduleOf(resolver);
            StepOutcome before = steps.track(run.request(module, JsValue.NULL));
            if (before.kind() != HandlerOutcome.Kind.OK) {
                return steps.finish(before);
            }
            if (!resolver.isPipeline()) {
                ResolverRun.Plain request = run.plain(before.value());
                if (request.error() != null) {
                    return steps.finish(failed(request.error()));
                }
                DataSourceResult answer = callDataSource(resolver.dataSource(), request.value());
                return steps.finish(steps.track(run.response(module, JsValue.NULL, answer.result(),
                        answer.error())));
            }
            JsValue result = before.value();
            for (FunctionDefinition function : resolver.functions()) {
                StepOutcome step = runFunction(steps, function, result);
                if (step.kind() == HandlerOutcome.Kind.ERROR) {
                    return steps.finish(step);
                }
                result = step.value();
            }
            return steps.finish(steps.track(run.response(module, result)));
        }
    }

    /** ctx's members that do not change from step to step. */
    private Map<String, @Nullable Object> base(FieldCall call) {
        Map<String, @Nullable Object> ctx = new LinkedHashMap<>();
        ctx.put("arguments", call.arguments());
        ctx.put("identity", call.identity().toMap());
        ctx.put("source", call.source());
        ctx.put("info", call.info());
        ctx.put("env", environment);
        Map<String, @Nullable Object> request = new HashMap<>();
        request.put("headers", call.headers());
        request.put("domainName", null);
        ctx.put("request", request);
        return ctx;
    }

    private StepOutcome runFunction(Steps steps, FunctionDefinition function, JsValue previous) {
        String module = moduleOf(function);
        StepOutcome request = steps.track(steps.run.request(module, previous));
        if (request.kind() != HandlerOutcome.Kind.OK) {
            return request;
        }
        Object plain = null;
        if (function.dataSource() != null) {
            ResolverRun.Plain written = steps.run.plain(request.value());
            if (written.error() != null) {
                return failed(written.error());
            }
            plain = written.value();
        }
        DataSourceResult answer = callDataSource(function.dataSource(), plain);
        return steps.track(steps.run.response(module, previous, answer.result(), answer.error()));
    }

    private static StepOutcome failed(JsError error) {
        return new StepOutcome(HandlerOutcome.Kind.ERROR, JsValue.NULL, error, List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private DataSourceResult callDataSource(@Nullable DataSourceDefinition dataSource, @Nullable Object request) {
        if (dataSource == null || !(request instanceof Map<?, ?>)) {
            return DataSourceResult.ok(null);
        }
        Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) request;
        if (dataSource.type().equals("NONE")) {
            return DataSourceResult.ok(map.get("payload"));
        }
        return store.execute(String.valueOf(dataSource.tableName()), map);
    }

    /** What the handlers of one resolver call leave besides their values: appended errors, a subscription filter. */
    private static final class Steps {
        private final ResolverRun run;
        private final List<ResolverError> appended = new ArrayList<>();
        private @Nullable Object subscriptionFilter;

        private Steps(ResolverRun run) {
            this.run = run;
        }

        StepOutcome track(StepOutcome outcome) {
            outcome.appendedErrors().forEach(e -> appended.add(ResolverError.from(e)));
            if (outcome.subscriptionFilter() != null) {
                subscriptionFilter = outcome.subscriptionFilter();
            }
            return outcome;
        }

        FieldResult finish(StepOutcome last) {
            JsError raised = last.error();
            boolean failed = last.kind() == HandlerOutcome.Kind.ERROR;
            Object value = null;
            if (!failed) {
                ResolverRun.Plain plain = run.plain(last.value());
                value = plain.value();
                if (plain.error() != null) {
                    raised = plain.error();
                    failed = true;
                }
            }
            List<ResolverError> errors = new ArrayList<>();
            if (raised != null) {
                errors.add(ResolverError.from(raised));
            }
            errors.addAll(appended);
            return new FieldResult(value, errors, failed, subscriptionFilter);
        }
    }
}
