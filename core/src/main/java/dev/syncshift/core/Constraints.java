package dev.syncshift.core;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The service model's member constraints (required, length, pattern, range), checked the way an AWS service checks
 * them: every failure is an {@link InvalidParameterException} whose message names the member, in AWS's
 * {@code 1 validation error detected: ...} form.
 *
 * <p>Lengths count Unicode code points, as Smithy's {@code length} trait does. Patterns must match the whole value.
 */
public final class Constraints {

    private static final int ECHO_LIMIT = 256;

    private Constraints() {
    }

    /**
     * Returns {@code value}, or throws when it is absent.
     *
     * @throws InvalidParameterException naming {@code member} when {@code value} is null
     */
    public static <T> T required(String member, @Nullable T value) {
        if (value == null) {
            throw violation(member, null, "Member must not be null");
        }
        return value;
    }

    /**
     * Checks that {@code value} has between {@code min} and {@code max} code points.
     *
     * @throws InvalidParameterException naming {@code member} when the length is outside the range
     */
    public static String length(String member, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw violation(member, value, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw violation(member, value, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    /**
     * Checks that {@code pattern} matches the whole of {@code value}.
     *
     * @throws InvalidParameterException naming {@code member} and the pattern when it does not match
     */
    public static String pattern(String member, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw violation(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    /**
     * Checks that {@code value} is valid Unicode: no unpaired surrogate, which UTF-8, and so AppSync and DynamoDB,
     * cannot carry ({@link UnicodeText}). Cognito Sync's model has no such constraint; the client checks it so that
     * what it accepts can move to AppSync unchanged.
     *
     * @throws InvalidParameterException naming {@code member} and where the surrogate is
     */
    public static String unicode(String member, String value) {
        if (UnicodeText.unpairedAt(value) >= 0) {
            throw violation(member, value, "Member must be valid Unicode, without " + UnicodeText.problem(value));
        }
        return value;
    }

    /**
     * Checks that {@code value} lies between {@code min} and {@code max}, inclusive.
     *
     * @throws InvalidParameterException naming {@code member} when it does not
     */
    public static long range(String member, long value, long min, long max) {
        if (value < min) {
            throw violation(member, value, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw violation(member, value, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /**
     * Checks that {@code pattern} matches the whole of every key of {@code map}.
     *
     * @throws InvalidParameterException naming {@code member}, the map and the pattern when a key does not match
     */
    public static <V> Map<String, V> keysMatch(String member, Map<String, V> map, Pattern pattern) {
        for (String key : map.keySet()) {
            if (!pattern.matcher(key).matches()) {
                throw violation(member, map, "Map keys must satisfy constraint: [Member must satisfy regular "
                        + "expression pattern: " + pattern.pattern() + "]");
            }
        }
        return map;
    }

    private static InvalidParameterException violation(String member, @Nullable Object value, String constraint) {
        return new InvalidParameterException("1 validation error detected: Value " + echo(value) + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    private static String echo(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (UnicodeText.unpairedAt(text) >= 0) {
            return UnicodeText.shown(text, ECHO_LIMIT);
        }
        return text.length() > ECHO_LIMIT ? "'" + text.substring(0, ECHO_LIMIT) + "...'" : "'" + text + "'";
    }
}
