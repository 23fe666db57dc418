package dev.syncshift.migrator.cli;

import dev.syncshift.migrator.job.RunReports;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;

/** One-line messages for people, from exceptions (never a stack trace). */
final class Messages {

    private Messages() {
    }

    /**
     * The message of the root cause of {@code failure}, first line only ({@link RunReports#rootMessage}), with H2's
     * refusal of a second process said in the command line's terms.
     */
    static String rootMessage(Throwable failure) {
        String message = RunReports.rootMessage(failure);
        if (message.contains("Database may be already in use")) {
            return "the job repository is in use by another run (one run per --work-dir at a time)";
        }
        return message;
    }

    /**
     * When {@code failure} is a setting that could not be bound (a {@code SYNCSHIFT_MIGRATOR_*} environment variable
     * or system property the options do not check), one line naming it and why: {@code SYNCSHIFT_MIGRATOR_CHUNK_SIZE
     * is 'abc', not a valid chunk-size} or {@code bad setting: max-attempts must be between 1 and 100, not 0}.
     */
    static Optional<String> badSetting(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                ConfigurationProperty property = bind.getProperty();
                if (property == null) {
                    return Optional.of("bad setting: " + RunReports.rootMessage(bind));
                }
                String name = property.getName().getLastElement(ConfigurationPropertyName.Form.DASHED);
                return Optional.of(writtenName(property) + " is '" + property.getValue() + "', not a valid " + name);
            }
        }
        return Optional.empty();
    }

    /**
     * The name of {@code property} as the user wrote it: an environment variable
     * ({@code SYNCSHIFT_MIGRATOR_CHUNK_SIZE}), or a system property ({@code syncshift.migrator.chunk-size}).
     */
    static String writtenName(ConfigurationProperty property) {
        Origin origin = property.getOrigin();
        return origin instanceof SystemEnvironmentOrigin variable ? variable.getProperty()
                : origin instanceof PropertySourceOrigin named ? named.getPropertyName()
                : property.getName().toString();
    }
}
