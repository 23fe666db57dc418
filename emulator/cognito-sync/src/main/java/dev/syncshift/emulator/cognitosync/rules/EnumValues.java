package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.InvalidParameterException;
import java.util.List;

/** The model's enum constraint, reported in the same form as {@link dev.syncshift.core.Constraints}' checks. */
final class EnumValues {

    private EnumValues() {
    }

    /**
     * Returns {@code value} when it is one of {@code allowed}.
     *
     * @throws InvalidParameterException naming {@code member} and the allowed values otherwise
     */
    static String check(String member, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidParameterException("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return value;
    }
}
