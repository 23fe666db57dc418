package dev.syncshift.core;

import java.util.regex.Pattern;

/**
 * An identity pool id such as {@code us-east-1:0f1e2d3c-...}: 1..55 characters matching {@code [\w-]+:[0-9a-f-]+}.
 *
 * @param value the id as sent on the wire
 * @throws InvalidParameterException when the value breaks the model's constraints
 */
public record IdentityPoolId(String value) {

    /** The pattern of pool and identity ids, for members that hold such an id under another name. */
    public static final Pattern PATTERN = Pattern.compile("[\\w-]+:[0-9a-f-]+");

    /** Validates the id. */
    public IdentityPoolId {
        Constraints.length("identityPoolId", value, 1, 55);
        Constraints.pattern("identityPoolId", value, PATTERN);
    }

    /** The region part before the colon, for example {@code us-east-1}. */
    public String region() {
        return value.substring(0, value.indexOf(':'));
    }

    @Override
    public String toString() {
        return value;
    }
}
