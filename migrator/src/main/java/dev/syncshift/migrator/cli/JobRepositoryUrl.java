package dev.syncshift.migrator.cli;

import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC URL of a job repository the user gives ({@code SPRING_DATASOURCE_URL} or the system property
 * {@code spring.datasource.url}): a PostgreSQL database that a cluster's processes share, or that outlives the
 * machine. Without one, a run keeps its repository in an H2 file in its work dir.
 */
final class JobRepositoryUrl {

    static final String PROPERTY = "spring.datasource.url";
    static final String VARIABLE = "SPRING_DATASOURCE_URL";

    private JobRepositoryUrl() {
    }

    /** The URL the user gave, or null: the repository is then the work dir's. */
    static @Nullable String given() {
        return System.getProperty(PROPERTY, System.getenv(VARIABLE));
    }

    /**
     * Why the given URL cannot name a job repository, naming the setting as the user wrote it: the migrator carries
     * the drivers of PostgreSQL and H2 only. Empty when it can, or when none is given.
     */
    static Optional<String> refusal() {
        String url = given();
        if (url == null || url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = System.getProperty(PROPERTY) != null ? PROPERTY : VARIABLE;
        return Optional.of(name + " takes a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database), not '"
                + shown(url) + "'");
    }

    /** Whether {@code failure} is the database's: the repository could not be reached, or refused the migrator. */
    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** {@code url} without its parameters ({@code ?…} for PostgreSQL, {@code ;…} for H2), which may hold a password. */
    static String shown(String url) {
        int parameters = url.indexOf('?');
        int settings = url.indexOf(';');
        int end = parameters < 0 ? settings : settings < 0 ? parameters : Math.min(parameters, settings);
        return end < 0 ? url : url.substring(0, end);
    }
}
