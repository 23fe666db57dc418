package dev.syncshift.migrator.config;

/**
 * A setting whose value the migrator refuses, with the setting's name apart from the problem so that a command can
 * name it as the user wrote it: {@code --lost-after} on a command line, {@code SYNCSHIFT_MIGRATOR_CLUSTER_LOST_AFTER}
 * in a container.
 */
public final class InvalidSetting extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String option;
    private final String problem;

    /**
     * @param setting the setting's name under {@code syncshift.migrator}, dashed ({@code cluster.lost-after})
     * @param option the command-line option that sets it ({@code --lost-after}): the name told when the value came
     *     from the command line or a default. A setting without an option ({@code max-attempts}) can only be set
     *     outside, and is then told under the name written there
     * @param problem what follows the name: {@code " must be between 1 and 100, not 0"}
     */
    public InvalidSetting(String setting, String option, String problem) {
        super(option + problem);
        this.setting = setting;
        this.option = option;
        this.problem = problem;
    }

    /**
     * As {@link #InvalidSetting(String, String, String)}, for a setting whose option is {@code --} and its name (or
     * that has none).
     */
    InvalidSetting(String setting, String problem) {
        this(setting, "--" + setting, problem);
    }

    /** The setting's dashed name. */
    public String setting() {
        return setting;
    }

    /** The option that sets it. */
    public String option() {
        return option;
    }

    /** The problem said under {@code name}, e.g. {@code SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS must be between 1 and 100}. */
    public String named(String name) {
        return name + problem;
    }
}
