package dev.syncshift.emulator.appsync.js;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one request or response handler did.
 *
 * @param kind how it ended
 * @param value its return value (or the early-return value)
 * @param stash the stash after the call
 * @param error the {@code util.error} raised, or null
 * @param appendedErrors the {@code util.appendError} calls
 * @param subscriptionFilter the filter set with {@code extensions.setSubscriptionFilter}, or null
 * @param logs the lines logged with {@code console.log} or {@code util.log.*}
 */
public record HandlerOutcome(
        Kind kind,
        @Nullable Object value,
        Map<String, @Nullable Object> stash,
        @Nullable JsError error,
        List<JsError> appendedErrors,
        @Nullable Object subscriptionFilter,
        List<String> logs) {

    /** Copies the lists. */
    public HandlerOutcome {
        appendedErrors = List.copyOf(appendedErrors);
        logs = List.copyOf(logs);
    }

    /** How a handler ended: returned, returned early ({@code runtime.earlyReturn}), or raised an error. */
    public enum Kind { OK, EARLY_RETURN, ERROR }
}
