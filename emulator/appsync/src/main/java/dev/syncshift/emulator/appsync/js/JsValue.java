package dev.syncshift.emulator.appsync.js;

import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * A value a handler returned, kept as JavaScript: handed on as it is to the next handler of the same resolver call
 * ({@code ctx.prev.result}), and written out as plain values only where Java needs it ({@link ResolverRun#plain}).
 * Valid only while its {@link ResolverRun} is open.
 */
public final class JsValue {

    /** JavaScript's {@code null}: {@code ctx.prev.result} before any handler ran. */
    public static final JsValue NULL = new JsValue(null);

    private final @Nullable Value value;

    JsValue(@Nullable Value value) {
        this.value = value == null || value.isNull() ? null : value;
    }

    @Nullable Value guest() {
        return value;
    }
}
