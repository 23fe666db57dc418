package dev.syncshift.emulator.appsync.js;

import org.jspecify.annotations.Nullable;

/**
 * An error a handler raised ({@code util.error}, {@code util.unauthorized}) or appended ({@code util.appendError}),
 * or the runtime's own ({@code ExecutionTimeout}, {@code Code} for a JavaScript exception).
 *
 * @param message the message
 * @param type the error type, or null
 * @param data the error's {@code data}, or null
 * @param info the error's {@code errorInfo}, or null
 */
public record JsError(String message, @Nullable String type, @Nullable Object data, @Nullable Object info) {
}
