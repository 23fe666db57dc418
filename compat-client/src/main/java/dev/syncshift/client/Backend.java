package dev.syncshift.client;

import static dev.syncshift.client.Arguments.notNull;

import java.util.Locale;

/**
 * Which service a {@link CognitoSyncManager} synchronizes with: the value of the flag {@code syncshift.backend}.
 */
public enum Backend {
    /** Amazon Cognito Sync, as AWS's clients did. */
    COGNITO,
    /** The syncshift AppSync API. */
    APPSYNC,
    /**
     * AppSync for reads and writes, importing a dataset's Cognito Sync state (for this identity) on first touch when
     * AppSync lacks it or is behind; for the weeks of a migration.
     */
    CUTOVER;

    /** The flag's value: {@code cognito}, {@code appsync} or {@code cutover}. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a flag value (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the accepted values for anything else
     */
    public static Backend fromFlag(String value) {
        return fromFlag(notNull("value", value), "syncshift.backend");
    }

    /**
     * As {@link #fromFlag(String)}, naming where the value came from in the refusal ({@code the environment variable
     * SYNCSHIFT_BACKEND}).
     *
     * @throws IllegalArgumentException naming {@code source} and the accepted values for anything else
     */
    static Backend fromFlag(String value, String source) {
        for (Backend backend : values()) {
            if (backend.flagValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return backend;
            }
        }
        throw new IllegalArgumentException(source + " must be cognito, appsync or cutover, not '" + value + "'");
    }
}
