package dev.syncshift.emulator.appsync.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jspecify.annotations.Nullable;

/**
 * Runs APPSYNC_JS handlers in GraalJS. One engine for the whole process (every emulator in it, and the code checks)
 * caches parsed code and makes a context cheap (the first context of an engine costs seconds, later ones
 * milliseconds); JS contexts are single-threaded,
 * so each resolver call borrows one from a pool for all its handlers ({@link #begin}) and returns it. Between the
 * handlers of one call, {@code ctx.stash} and {@code ctx.prev.result} stay JavaScript values; what Java reads or
 * supplies (the call's fixed members, a data source's request and answer, the field's value) crosses as JSON text.
 */
public final class JsRuntime implements AutoCloseable {

    private static final String MODULE = "application/javascript+module";

    private final Engine engine = sharedEngine();
    private final Source prelude;
    private final Map<String, Source> modules = new HashMap<>();
    private final Queue<JsContext> pool = new ConcurrentLinkedQueue<>();
    private final List<JsContext> all = new ArrayList<>();
    private final JsWatchdog watchdog;

    /**
     * The newest Java that GraalJS 23.1 runs on. It is the last GraalJS release that runs on Java 17, and it calls a
     * JDK method that Java 22 removed ({@code sun.misc.Unsafe.ensureClassInitialized}).
     */
    static final int NEWEST_JAVA = 21;

    /**
     * The process's GraalJS engine, built on first use and never closed (contexts of it come and go).
     *
     * @throws IllegalStateException on a Java newer than {@link #NEWEST_JAVA}, which GraalJS 23.1 cannot run on
     */
    static Engine sharedEngine() {
        int java = Runtime.version().feature();
        if (java > NEWEST_JAVA) {
            throw new IllegalStateException("the AppSync emulator runs resolvers with GraalJS 23.1, which runs on Java"
                    + " 17 to " + NEWEST_JAVA + ", not on this Java " + java + ": start it with Java 17 or "
                    + NEWEST_JAVA + " (JAVA_HOME)");
        }
        return SharedEngine.ENGINE;
    }

    private static final class SharedEngine {
        static final Engine ENGINE = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    }

    static final class JsContext {
        private final Context context;
        private final Value invoke;
        private final Value begin;
        private final Value step;
        private final Value text;
        private final Map<String, Value> exports = new HashMap<>();
        /** Each module's handlers by "module#function", looked up once per context (a missing one as empty). */
        private final Map<String, Optional<Value>> handlers = new HashMap<>();
        /** Set when the watchdog had to cancel the context: it cannot run anything again. */
        private volatile boolean cancelled;

        private JsContext(Context context) {
            this.context = context;
            Value appsync = context.getBindings("js").getMember("__appsync");
            this.invoke = appsync.getMember("invoke");
            this.begin = appsync.getMember("begin");
            this.step = appsync.getMember("step");
            this.text = appsync.getMember("text");
        }

        private void cancel() {
            cancelled = true;
        }
    }

    /**
     * Checks and links every module; contexts are created when first needed.
     *
     * @param codeByModule module name → resolver code
     * @param timeout how long one handler may run before it is interrupted (AppSync allows a request 30 s)
     * @throws JsCodeException when a module breaks an APPSYNC_JS restriction or imports what AppSync does not provide
     */
    public JsRuntime(Map<String, String> codeByModule, Duration timeout) {
        this.watchdog = new JsWatchdog(timeout);
        this.prelude = Source.newBuilder("js", resource("appsync-runtime.js"), "appsync-runtime.js").buildLiteral();
        codeByModule.forEach((name, code) -> modules.put(name, module(name, code)));
    }

    /**
     * Checks one module as AppSync does when code is deployed, without running it.
     *
     * @param name the module's name, for messages
     * @param code the code
     * @throws JsCodeException when it breaks an APPSYNC_JS restriction or imports what AppSync does not provide
     */
    public static void check(String name, String code) {
        JsModules.link(name, code);
    }

    private static Source module(String name, String code) {
        return Source.newBuilder("js", JsModules.link(name, code), name + ".mjs").mimeType(MODULE).buildLiteral();
    }

    /**
     * Starts one resolver call: borrows a context for all its handlers. Close the run to give it back.
     *
     * @param base {@code ctx}'s fixed members as plain values: {@code arguments}, {@code identity}, {@code source},
     *     {@code info}, {@code env}, {@code request}; {@code stash} starts empty
     * @return the run
     */
    public ResolverRun begin(Map<String, @Nullable Object> base) {
        JsContext js = borrow();
        try {
            return new ResolverRun(this, js, js.begin.execute(namesAndTexts(base)));
        } catch (RuntimeException e) {
            release(js);
            throw e;
        }
    }

    /** ctx's fixed members as name, JSON text, name, text...: each is parsed only by the handlers that read it. */
    private static Object[] namesAndTexts(Map<String, @Nullable Object> base) {
        return base.entrySet().stream()
                .flatMap(member -> Stream.of(member.getKey(), JsJson.write(member.getValue()))).toArray();
    }

    /** Runs one handler of an API module in a run's context. */
    StepOutcome step(JsContext js, Value run, String module, String function, @Nullable Value previous,
            boolean withResult, @Nullable Object result, @Nullable Map<String, @Nullable Object> error) {
        String resultText = withResult ? JsJson.write(result) : null;
        String errorText = withResult && error != null ? JsJson.write(error) : null;
        return guarded(js, () -> StepOutcome.read(js.step.execute(handler(js, module, function).orElse(null),
                function, run, previous, withResult, resultText, errorText)), StepOutcome::failed);
    }

    /** A module's handler in a context, evaluating the module on first use; empty when it exports none. */
    private Optional<Value> handler(JsContext js, String module, String function) {
        return js.handlers.computeIfAbsent(module + "#" + function, key -> {
            Value fn = js.exports.computeIfAbsent(module, name -> js.context.eval(modules.get(name)))
                    .getMember(function);
            return fn == null || !fn.canExecute() ? Optional.empty() : Optional.of(fn);
        });
    }

    /** A run's value as plain values, as JSON.stringify writes it; a failure to write it is the handler's error. */
    ResolverRun.Plain plain(JsContext js, JsValue value) {
        Value guest = value.guest();
        if (guest == null) {
            return new ResolverRun.Plain(null, null);
        }
        return guarded(js, () -> {
            Value text = js.text.execute(guest);
            return new ResolverRun.Plain(text.isNull() ? null : JsJson.read(text.asString()), null);
        }, error -> new ResolverRun.Plain(null, error));
    }

    /** Runs JavaScript under the watchdog; a guest failure (or a cancelled context) becomes an error. */
    private <T> T guarded(JsContext js, Supplier<T> body, Function<JsError, T> failed) {
        if (js.cancelled) {
            return failed.apply(timedOut());
        }
        try {
            return watchdog.watch(js.context, js::cancel, body);
        } catch (PolyglotException e) {
            return failed.apply(guestFailure(e));
        }
    }

    private static JsError guestFailure(PolyglotException e) {
        if (e.isInternalError() || e.isHostException()) {
            throw e;
        }
        return e.isInterrupted() || e.isCancelled() ? timedOut()
                : new JsError(String.valueOf(e.getMessage()), "Code", null, null);
    }

    private static JsError timedOut() {
        return new JsError("Execution timed out.", "ExecutionTimeout", null, null);
    }

    void release(JsContext js) {
        if (!js.cancelled) {
            pool.add(js);
            return;
        }
        synchronized (all) {
            all.remove(js);
        }
    }

    /**
     * Runs code that is no part of the API (EvaluateCode) in a context of its own, closed afterwards.
     *
     * @param code the module's code
     * @param function {@code request} or {@code response}
     * @param ctx the resolver context, plain values
     * @return how the handler ended
     * @throws JsCodeException when the code breaks an APPSYNC_JS restriction
     */
    public HandlerOutcome evaluate(String code, String function, Map<String, @Nullable Object> ctx) {
        Source source = module("evaluated", code);
        JsContext js = newContext();
        try {
            return run(js, () -> js.context.eval(source), function, ctx);
        } finally {
            js.context.close(true);
        }
    }

    /**
     * The first syntax error of a module.
     *
     * @param code the module's code
     * @return where it stops being JavaScript, or null when it parses
     */
    public @Nullable JsSyntaxError syntaxError(String code) {
        try (Context context = Context.newBuilder("js").engine(engine).build()) {
            context.parse(Source.newBuilder("js", code, "evaluated.mjs").mimeType(MODULE).buildLiteral());
            return null;
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) {
                throw e;
            }
            SourceSection at = e.getSourceLocation();
            return at == null ? new JsSyntaxError(String.valueOf(e.getMessage()), 0, 0, 0)
                    : new JsSyntaxError(String.valueOf(e.getMessage()), at.getStartLine(), at.getStartColumn(),
                            Math.max(1, at.getCharLength()));
        }
    }

    private HandlerOutcome run(JsContext js, Supplier<Value> exports, String function,
            Map<String, @Nullable Object> ctx) {
        try {
            return watchdog.watch(js.context, js::cancel, () -> {
                Value fn = exports.get().getMember(function);
                if (fn == null || !fn.canExecute()) {
                    return missing(function, ctx);
                }
                return outcome(js.invoke.execute(fn, JsJson.write(ctx)).asString());
            });
        } catch (PolyglotException e) {
            if (e.isInternalError() || e.isHostException()) {
                throw e;
            }
            JsError error = e.isInterrupted() || e.isCancelled()
                    ? new JsError("Execution timed out.", "ExecutionTimeout", null, null)
                    : new JsError(String.valueOf(e.getMessage()), "Code", null, null);
            return new HandlerOutcome(HandlerOutcome.Kind.ERROR, null, stash(ctx), error, List.of(), null, List.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> stash(Map<String, @Nullable Object> ctx) {
        Object stash = ctx.get("stash");
        return stash instanceof Map<?, ?> map ? (Map<String, @Nullable Object>) map : new HashMap<>();
    }

    private static HandlerOutcome missing(String function, Map<String, @Nullable Object> ctx) {
        Object value = null;
        if (function.equals("response")) {
            Object prev = ctx.get("prev");
            value = ctx.containsKey("result") ? ctx.get("result")
                    : prev instanceof Map<?, ?> p ? p.get("result") : null;
        }
        return new HandlerOutcome(HandlerOutcome.Kind.OK, value, stash(ctx), null, List.of(), null, List.of());
    }

    @SuppressWarnings("unchecked")
    private static HandlerOutcome outcome(String json) {
        // The runtime's own wrapper writes this JSON: an object, always with kind, errors and logs.
        Map<String, @Nullable Object> raw = (Map<String, @Nullable Object>) Objects.requireNonNull(JsJson.read(json));
        HandlerOutcome.Kind kind = switch (String.valueOf(raw.get("kind"))) {
            case "early" -> HandlerOutcome.Kind.EARLY_RETURN;
            case "error" -> HandlerOutcome.Kind.ERROR;
            default -> HandlerOutcome.Kind.OK;
        };
        Object error = raw.get("error");
        List<JsError> appended = new ArrayList<>();
        for (Object e : (List<Object>) Objects.requireNonNull(raw.get("errors"))) {
            appended.add(error((Map<String, @Nullable Object>) e));
        }
        Object stash = raw.get("stash");
        List<String> logs = ((List<Object>) Objects.requireNonNull(raw.get("logs"))).stream().map(String::valueOf)
                .toList();
        return new HandlerOutcome(kind, raw.get("value"),
                stash instanceof Map<?, ?> ? (Map<String, @Nullable Object>) stash : new HashMap<>(),
                error instanceof Map<?, ?> ? error((Map<String, @Nullable Object>) error) : null,
                appended, raw.get("filter"), logs);
    }

    static JsError error(Map<String, @Nullable Object> payload) {
        Object type = payload.get("type");
        return new JsError(String.valueOf(payload.get("message")), type == null ? null : type.toString(),
                payload.get("data"), payload.get("info"));
    }

    private JsContext borrow() {
        JsContext js = pool.poll();
        return js != null ? js : create();
    }

    private JsContext create() {
        JsContext js = newContext();
        synchronized (all) {
            all.add(js);
        }
        return js;
    }

    private JsContext newContext() {
        Context context = Context.newBuilder("js").engine(engine)
                .allowExperimentalOptions(true)
                .option("js.esm-eval-returns-exports", "true")
                .build();
        context.getBindings("js").putMember("__appsyncHost", ProxyObject.fromMap(Map.of(
                "uuid", (ProxyExecutable) args -> UUID.randomUUID().toString(),
                "ulid", (ProxyExecutable) args -> UUID.randomUUID().toString().replace("-", "").toUpperCase(),
                "base64Encode", (ProxyExecutable) args -> Base64.getEncoder().encodeToString(
                        args[0].asString().getBytes(StandardCharsets.UTF_8)),
                "base64Decode", (ProxyExecutable) args -> new String(
                        Base64.getDecoder().decode(args[0].asString()), StandardCharsets.UTF_8))));
        context.eval(prelude);
        return new JsContext(context);
    }

    static String resource(String name) {
        try (InputStream in = JsRuntime.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes every context; the shared engine stays for the rest of the process. */
    @Override
    public void close() {
        watchdog.close();
        synchronized (all) {
            all.forEach(js -> js.context.close(true));
            all.clear();
        }
    }
}
