package dev.syncshift.core;

import org.jspecify.annotations.Nullable;

/**
 * A Cognito identity id such as {@code us-east-1:1111...}: 1..55 characters matching {@code [\w-]+:[0-9a-f-]+}.
 *
 * @param value the id as sent on the wire
 * @throws InvalidParameterException when the value breaks the model's constraints
 */
public record IdentityId(String value) {

    /** Validates the id. */
    public IdentityId {
        Constraints.length("identityId", value, 1, 55);
        Constraints.pattern("identityId", value, IdentityPoolId.PATTERN);
    }

    /**
     * AWS's refusal of this identity itself, "Access to Identity '<id>' is forbidden.": its data asked for with another
     * identity's credentials, or a disabled identity (a merge's source) asking for credentials or data. Emulated in
     * these words and recognised by the clients through {@link #isAccessForbidden}.
     *
     * @return the message
     */
    public String accessForbidden() {
        return "Access to Identity '" + value + "' is forbidden.";
    }

    /**
     * Whether {@code message} is {@link #accessForbidden()} of this identity, whatever the case of its words (users
     * quote AWS's text in both cases) and with or without its closing period.
     *
     * @param message a refusal's message, or null
     * @return true when it refuses this identity
     */
    public boolean isAccessForbidden(@Nullable String message) {
        String expected = accessForbidden();
        return message != null && message.regionMatches(true, 0, expected, 0, expected.length() - 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
