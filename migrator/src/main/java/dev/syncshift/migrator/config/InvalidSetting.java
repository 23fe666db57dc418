package dev.syncshift.migrator.config;

/**
 * A setting whose value the migrator refuses, with the setting's name apart from the problem so that a command can
 * name it as the user wrote it: {@code --max-attempts} on a command line, {@code SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS} in
 * a container.
 */
public final class InvalidSetting extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;

    /**
     * @param setting the setting's name under {@code syncshift.migrator}, dashed ({@code max-attempts}), as its option
     *     is
     * @param problem what follows the name: {@code " must be between 1 and 100, not 0"}
     */
    InvalidSetting(String setting, String problem) {
        super(setting + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The setting's dashed name. */
    public String setting() {
        return setting;
    }

    /** The problem said under {@code name}, e.g. {@code SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS must be between 1 and 100}. */
    public String named(String name) {
        return name + problem;
    }
}
