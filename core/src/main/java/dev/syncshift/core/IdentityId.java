package dev.syncshift.core;

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

    @Override
    public String toString() {
        return value;
    }
}
