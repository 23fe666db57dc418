package dev.syncshift.core;

import java.util.regex.Pattern;

/**
 * A dataset name: 1..128 characters of {@code [a-zA-Z0-9_.:-]}. The colon is allowed because merged datasets are
 * named {@code <dataset>.<mergedIdentityId>}.
 *
 * @param value the name as sent on the wire
 * @throws InvalidParameterException when the value breaks the model's constraints
 */
public record DatasetName(String value) {

    private static final Pattern PATTERN = Pattern.compile("[a-zA-Z0-9_.:-]+");

    /** Validates the name. */
    public DatasetName {
        Constraints.length("datasetName", value, 1, 128);
        Constraints.pattern("datasetName", value, PATTERN);
    }

    /**
     * The name a merge gives this dataset when it moves from {@code mergedIdentity} to the surviving identity.
     *
     * @throws InvalidParameterException when the merged name would exceed 128 characters
     */
    public DatasetName mergedFrom(IdentityId mergedIdentity) {
        return new DatasetName(value + "." + mergedIdentity.value());
    }

    /** Whether {@code other} is a merged copy of this dataset ({@code <this>.<identityId>}). */
    public boolean isMergedCopy(DatasetName other) {
        String prefix = value + ".";
        return other.value.startsWith(prefix)
                && IdentityPoolId.PATTERN.matcher(other.value.substring(prefix.length())).matches();
    }

    /** Whether this is the name of a merged copy of some dataset: {@code <dataset>.<identityId>}. */
    public boolean isMergedCopyName() {
        int dot = value.lastIndexOf('.');
        return dot > 0 && IdentityPoolId.PATTERN.matcher(value.substring(dot + 1)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
