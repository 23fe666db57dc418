package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.js.JsRuntime;
import dev.syncshift.emulator.appsync.js.JsError;
import dev.syncshift.emulator.appsync.js.HandlerOutcome;
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
 * skips the rest of the resolver (in a function: that function's data source and response).
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
        Run run = new Run(call);
        String module = moduleOf(resolver);
        HandlerOutcome before = run.invoke(module, "request", false);
        if (before.kind() != HandlerOutcome.Kind.OK) {
            return run.finish(before);
        }
        Object result = before.value();
        if (resolver.isPipeline()) {
            for (FunctionDefinition function : resolver.functions()) {
                HandlerOutcome step = runFunction(run, function, result);
                if (step.kind() == HandlerOutcome.Kind.ERROR) {
                    return run.finish(step);
                }
                result = step.value();
            }
            run.previous = result;
            return run.finish(run.invoke(module, "response", false));
        }
        run.dataSourceResult = callDataSource(resolver.dataSource(), result);
        return run.finish(run.invoke(module, "response", true));
    }

    private HandlerOutcome runFunction(Run run, FunctionDefinition function, @Nullable Object previous) {
        run.previous = previous;
        run.dataSourceResult = null;
        String module = moduleOf(function);
        HandlerOutcome request = run.invoke(module, "request", false);
        if (request.kind() != HandlerOutcome.Kind.OK) {
            return request;
        }
        run.dataSourceResult = callDataSource(function.dataSource(), request.value());
        return run.invoke(module, "response", true);
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

    /** The state shared by the steps of one resolver call. */
    private final class Run {
        private final FieldCall call;
        private Map<String, @Nullable Object> stash = new HashMap<>();
        private final List<ResolverError> appended = new ArrayList<>();
        private @Nullable Object previous;
        private @Nullable DataSourceResult dataSourceResult;
        private @Nullable Object subscriptionFilter;

        private Run(FieldCall call) {
            this.call = call;
        }

        HandlerOutcome invoke(String module, String function, boolean withResult) {
            Map<String, @Nullable Object> ctx = new LinkedHashMap<>();
            ctx.put("arguments", call.arguments());
            ctx.put("identity", call.identity().toMap());
            ctx.put("source", call.source());
            ctx.put("stash", stash);
            ctx.put("info", call.info());
            ctx.put("env", environment);
            Map<String, @Nullable Object> request = new HashMap<>();
            request.put("headers", call.headers());
            request.put("domainName", null);
            ctx.put("request", request);
            ctx.put("prev", previousMap());
            if (withResult && dataSourceResult != null) {
                ctx.put("result", dataSourceResult.result());
                if (dataSourceResult.error() != null) {
                    ctx.put("error", dataSourceResult.error());
                }
            }
            HandlerOutcome outcome = js.invoke(module, function, ctx);
            stash = outcome.stash();
            outcome.appendedErrors().forEach(e -> appended.add(ResolverError.from(e)));
            if (outcome.subscriptionFilter() != null) {
                subscriptionFilter = outcome.subscriptionFilter();
            }
            return outcome;
        }

        private Map<String, @Nullable Object> previousMap() {
            Map<String, @Nullable Object> prev = new HashMap<>();
            prev.put("result", previous);
            return prev;
        }

        FieldResult finish(HandlerOutcome last) {
            List<ResolverError> errors = new ArrayList<>();
            JsError raised = last.error();
            if (raised != null) {
                errors.add(ResolverError.from(raised));
            }
            errors.addAll(appended);
            boolean failed = last.kind() == HandlerOutcome.Kind.ERROR;
            return new FieldResult(failed ? null : last.value(), errors, failed, subscriptionFilter);
        }
    }
}
