package dev.syncshift.emulator.appsync.js;

import java.util.Map;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * One resolver call in JavaScript: all its handlers run in one borrowed context, which keeps {@code ctx.stash} and
 * hands each handler's value on as it is, so they do not cross as JSON text between the steps. Not thread-safe;
 * close it to give the context back.
 */
public final class ResolverRun implements AutoCloseable {

    private final JsRuntime runtime;
    private final JsRuntime.JsContext js;
    private final Value run;
    private boolean closed;

    ResolverRun(JsRuntime runtime, JsRuntime.JsContext js, Value run) {
        this.runtime = runtime;
        this.js = js;
        this.run = run;
    }

    /**
     * Runs a request handler.
     *
     * @param module the module, as given to the runtime
     * @param previous {@code ctx.prev.result}
     * @return how it ended; a missing handler returns null
     */
    public StepOutcome request(String module, JsValue previous) {
        return runtime.step(js, run, module, "request", previous.guest(), false, null, null);
    }

    /**
     * Runs a response handler that has no data source's answer (a pipeline resolver's after step).
     *
     * @param module the module
     * @param previous {@code ctx.prev.result}
     * @return how it ended; a missing handler returns {@code ctx.prev.result}
     */
    public StepOutcome response(String module, JsValue previous) {
        return runtime.step(js, run, module, "response", previous.guest(), false, null, null);
    }

    /**
     * Runs a response handler after its data source answered.
     *
     * @param module the module
     * @param previous {@code ctx.prev.result}
     * @param result {@code ctx.result}, plain values
     * @param error {@code ctx.error}, or null when the data source succeeded
     * @return how it ended; a missing handler returns {@code ctx.result}
     */
    public StepOutcome response(String module, JsValue previous, @Nullable Object result,
            @Nullable Map<String, @Nullable Object> error) {
        return runtime.step(js, run, module, "response", previous.guest(), true, result, error);
    }

    /**
     * A handler's value as plain values (maps, lists, strings, numbers, booleans, null), as {@code JSON.stringify}
     * writes it.
     *
     * @param value the value
     * @return the plain value, or the error raised writing it (a value that contains itself, a BigInt)
     */
    public Plain plain(JsValue value) {
        return runtime.plain(js, value);
    }

    /**
     * A value written out for Java.
     *
     * @param value the plain value (null when it could not be written)
     * @param error why it could not be written, or null
     */
    public record Plain(@Nullable Object value, @Nullable JsError error) {
    }

    /** Gives the context back for other calls. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            runtime.release(js);
        }
    }
}
