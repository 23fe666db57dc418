package dev.syncshift.emulator.appsync.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A data source's answer: {@code ctx.result} and, on failure, {@code ctx.error} ({@code {message, type}}), in the
 * plain values (maps, lists, strings, numbers, booleans) a response handler reads.
 *
 * @param result the result, or null
 * @param error the error, or null
 */
public record DataSourceResult(@Nullable Object result, @Nullable Map<String, @Nullable Object> error) {

    /**
     * A successful answer.
     *
     * @param result {@code ctx.result}
     * @return the answer
     */
    public static DataSourceResult ok(@Nullable Object result) {
        return new DataSourceResult(result, null);
    }

    static DataSourceResult failed(String type, String message, @Nullable Object result) {
        Map<String, @Nullable Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        return new DataSourceResult(result, error);
    }
}
