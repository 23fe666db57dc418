package dev.syncshift.emulator.cognitosync.wire;

import org.jspecify.annotations.Nullable;

/** Serves one operation: reads the request, calls the rules, returns the response shape (null: empty body). */
@FunctionalInterface
public interface OperationHandler {

    /** Handles {@code request}; errors propagate to the renderer. */
    @Nullable Object handle(WireRequest request);
}
