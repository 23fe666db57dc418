package dev.syncshift.emulator.appsync.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * What one request or response handler of a resolver call did.
 *
 * @param kind how it ended
 * @param value its return value (or the early-return value), still JavaScript
 * @param error the {@code util.error} raised (or the failure of the code), or null
 * @param appendedErrors the {@code util.appendError} calls
 * @param subscriptionFilter the filter set with {@code extensions.setSubscriptionFilter}, plain values, or null
 */
public record StepOutcome(
        HandlerOutcome.Kind kind,
        JsValue value,
        @Nullable JsError error,
        List<JsError> appendedErrors,
        @Nullable Object subscriptionFilter) {

    /** Copies the list. */
    public StepOutcome {
        appendedErrors = List.copyOf(appendedErrors);
    }

    static StepOutcome failed(JsError error) {
        return new StepOutcome(HandlerOutcome.Kind.ERROR, JsValue.NULL, error, List.of(), null);
    }

    /** Reads what the runtime's {@code step} returned: {@code {kind, value, error, errors, filter}}, texts as JSON. */
    @SuppressWarnings("unchecked")
    static StepOutcome read(Value out) {
        HandlerOutcome.Kind kind = switch (out.getMember("kind").asString()) {
            case "early" -> HandlerOutcome.Kind.EARLY_RETURN;
            case "error" -> HandlerOutcome.Kind.ERROR;
            default -> HandlerOutcome.Kind.OK;
        };
        Object error = text(out.getMember("error"));
        List<JsError> appended = new ArrayList<>();
        Object errors = text(out.getMember("errors"));
        if (errors instanceof List<?> list) {
            list.forEach(e -> appended.add(JsRuntime.error((Map<String, @Nullable Object>) e)));
        }
        return new StepOutcome(kind, new JsValue(out.getMember("value")),
                error instanceof Map<?, ?> ? JsRuntime.error((Map<String, @Nullable Object>) error) : null, appended,
                text(out.getMember("filter")));
    }

    private static @Nullable Object text(@Nullable Value json) {
        return json == null || json.isNull() ? null : JsJson.read(json.asString());
    }
}
