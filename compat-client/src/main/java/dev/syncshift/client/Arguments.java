package dev.syncshift.client;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API's check of its arguments: a null one is the caller's bug, refused with an {@link IllegalArgumentException}
 * that names the parameter ({@code "key can't be null"}), never a {@link NullPointerException} from deeper down.
 */
final class Arguments {

    private Arguments() {
    }

    /**
     * Returns {@code value}.
     *
     * @throws IllegalArgumentException naming {@code parameter} when {@code value} is null
     */
    static <T> T notNull(String parameter, @Nullable T value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " can't be null");
        }
        return value;
    }

    /**
     * Returns {@code values}, which holds no null.
     *
     * @throws IllegalArgumentException naming {@code parameter} when {@code values} is null or holds null
     */
    static <C extends Collection<?>> C noNulls(String parameter, @Nullable C values) {
        C given = notNull(parameter, values);
        if (given.stream().anyMatch(value -> value == null)) {
            throw new IllegalArgumentException(parameter + " can't hold null");
        }
        return given;
    }

    /**
     * An unmodifiable copy of {@code logins} (provider name to token).
     *
     * @throws IllegalArgumentException when {@code logins} is null or holds a null name or token
     */
    static Map<String, String> logins(@Nullable Map<String, String> logins) {
        Map<String, String> given = notNull("logins", logins);
        noNulls("logins", given.keySet());
        noNulls("logins", given.values());
        return Map.copyOf(given);
    }
}
