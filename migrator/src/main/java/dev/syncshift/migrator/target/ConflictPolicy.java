package dev.syncshift.migrator.target;

import java.time.Instant;

/**
 * How a delta pass settles a change made on both sides since the last pass: the same record key, or a whole
 * dataset deleted on one side and changed on the other. Every conflict is listed in the report, whatever wins.
 */
public enum ConflictPolicy {

    /** The later change by LastModifiedDate wins; on a tie, and when Cognito gives no date, AppSync's stays. */
    LATER_WINS("later-wins"),
    /** AppSync's side always stays. */
    KEEP_APPSYNC("keep-appsync"),
    /** Cognito's side always wins. */
    KEEP_COGNITO("keep-cognito");

    private final String option;

    ConflictPolicy(String option) {
        this.option = option;
    }

    /** The option's spelling on the command line. */
    public String option() {
        return option;
    }

    /**
     * Whether Cognito's side wins.
     *
     * @param cognito when Cognito's side changed, or null when Cognito does not say (a deletion)
     * @param appSync when AppSync's side changed
     */
    public boolean cognitoWins(Instant cognito, Instant appSync) {
        return switch (this) {
            case KEEP_COGNITO -> true;
            case KEEP_APPSYNC -> false;
            case LATER_WINS -> cognito.isAfter(appSync);
        };
    }

    /**
     * The policy named {@code option}.
     *
     * @throws IllegalArgumentException listing the choices when there is none
     */
    public static ConflictPolicy of(String option) {
        for (ConflictPolicy policy : values()) {
            if (policy.option.equals(option)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown conflict policy '" + option
                + "' (choose later-wins, keep-appsync or keep-cognito)");
    }
}
