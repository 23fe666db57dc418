package dev.syncshift.emulator.cognitosync.wire;

import org.jspecify.annotations.Nullable;

/** Typed reading of query parameters: a value that is not a number is a 400 SerializationException. */
final class QueryParams {

    private QueryParams() {
    }

    static @Nullable Long longValue(WireRequest request, String name) {
        String text = request.query(name);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw WireException.serialization("Cannot read query parameter '" + name + "' as a number");
        }
    }

    static @Nullable Integer intValue(WireRequest request, String name) {
        String text = request.query(name);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw WireException.serialization("Cannot read query parameter '" + name + "' as a number");
        }
    }
}
