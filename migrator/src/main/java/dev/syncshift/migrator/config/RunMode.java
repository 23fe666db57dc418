package dev.syncshift.migrator.config;

/** What a run does to each identity. */
public enum RunMode {
    /** Reads every record of every dataset and brings the store up to it. */
    FULL,
    /** Reads only datasets changed since the last pass, from their watermark. */
    DELTA,
    /** Compares the source with the store; writes nothing. */
    VERIFY,
    /**
     * A delta pass, then every dataset of the store written back into Cognito Sync, so that devices can go back to
     * it without losing what they wrote on AppSync.
     */
    WRITE_BACK;

    /** The mode's name as the command line and the job parameters spell it. */
    public String option() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the mode reads every record of every dataset, not only those changed since the last pass. */
    public boolean readsWhole() {
        return this == FULL || this == VERIFY;
    }

    /**
     * The mode named {@code option}.
     *
     * @throws IllegalArgumentException listing the choices when there is none
     */
    public static RunMode of(String option) {
        for (RunMode mode : values()) {
            if (mode.option().equals(option)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + option + "' (choose full, delta or write-back)");
    }
}
