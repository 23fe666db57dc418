package dev.syncshift.emulator.appsync.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A data source's answer: {@code ctx.result} and, on failure, {@code ctx.error} ({@code {message, type}}).
 *
 * @param result the result, or null
 * @param error the error, or null
 */
record DataSourceResult(@Nullable Object result, @Nullable Map<String, @Nullable Object> error) {

    static DataSourceResult ok(@Nullable Object result) {
        return new DataSourceResult(result, null);
    }

    static DataSourceResult failed(String type, String message, @Nullable Object result) {
        Map<String, @Nullable Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        return new DataSourceResult(result, error);
    }
}
