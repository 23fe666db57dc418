package dev.syncshift.client;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Where the {@code syncshift.backend} flag comes from, highest precedence first: the builder, the system property
 * {@value #PROPERTY}, the environment variable {@value #ENVIRONMENT}, the properties file. Without any, the backend
 * is {@link Backend#COGNITO} (an app that sets nothing behaves as before). Read once, when the manager is built.
 *
 * @param fromBuilder the value given to the builder, or null
 * @param systemProperties the system properties
 * @param environment the environment variables
 * @param propertiesFile a properties file holding {@value #PROPERTY}, or null
 */
public record BackendFlag(@Nullable Backend fromBuilder, Properties systemProperties, Map<String, String> environment,
        @Nullable Path propertiesFile) {

    /** The flag's name as a system property and in a properties file. */
    public static final String PROPERTY = "syncshift.backend";
    /** The flag's name as an environment variable. */
    public static final String ENVIRONMENT = "SYNCSHIFT_BACKEND";

    /**
     * The backend the flag selects.
     *
     * @throws IllegalArgumentException when a source holds a value that is not a backend (naming the source), or
     *     the properties file a setting the client does not know
     * @throws UncheckedIOException when the properties file cannot be read
     */
    public Backend resolve() {
        if (fromBuilder != null) {
            return fromBuilder;
        }
        String value = systemProperties.getProperty(PROPERTY);
        String source = "the system property " + PROPERTY;
        if (value == null) {
            value = environment.get(ENVIRONMENT);
            source = "the environment variable " + ENVIRONMENT;
        }
        if (value == null && propertiesFile != null) {
            value = SettingsFile.load(propertiesFile).getProperty(PROPERTY);
            source = PROPERTY + " in " + propertiesFile;
        }
        return value == null ? Backend.COGNITO : Backend.fromFlag(value, source);
    }
}
