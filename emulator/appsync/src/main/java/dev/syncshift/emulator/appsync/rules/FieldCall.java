package dev.syncshift.emulator.appsync.rules;

import dev.syncshift.emulator.appsync.auth.Identity;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of one resolver call.
 *
 * @param arguments the field's arguments ({@code ctx.arguments})
 * @param source the parent object ({@code ctx.source}), or null at the root
 * @param identity the caller
 * @param info {@code ctx.info}
 * @param headers the HTTP request's headers, names in lower case ({@code ctx.request.headers})
 */
record FieldCall(
        Map<String, @Nullable Object> arguments,
        @Nullable Object source,
        Identity identity,
        Map<String, @Nullable Object> info,
        Map<String, String> headers) {
}
