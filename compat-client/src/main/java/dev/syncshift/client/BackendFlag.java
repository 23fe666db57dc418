package dev.syncshift.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    /** The settings a properties file may hold ({@link CognitoSyncManagerBuilder#propertiesFile}). */
    static final List<String> SETTINGS = List.of(PROPERTY, "syncshift.identityPoolId", "syncshift.region",
            "syncshift.cognito.endpoint", "syncshift.appsync.endpoint", "syncshift.appsync.realtimeEndpoint",
            "syncshift.cache.file");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /**
     * The backend the flag selects.
     *
     * @throws IllegalArgumentException when a source holds a value that is not a backend
     * @throws UncheckedIOException when the properties file cannot be read
     */
    public Backend resolve() {
        if (fromBuilder != null) {
            return fromBuilder;
        }
        String value = systemProperties.getProperty(PROPERTY);
        if (value == null) {
            value = environment.get(ENVIRONMENT);
        }
        if (value == null && propertiesFile != null) {
            value = load(propertiesFile).getProperty(PROPERTY);
        }
        return value == null ? Backend.COGNITO : Backend.fromFlag(value);
    }

    /**
     * Reads a properties file as UTF-8, or as ISO-8859-1 (the properties files' old encoding) when it is not valid
     * UTF-8, as the JDK reads resource bundles since Java 9; a byte-order mark, which some Windows editors write, is
     * not part of the first key. A {@code syncshift.*} setting it does not know is refused: a misspelled flag would
     * otherwise be ignored and the app would silently run on the default backend.
     *
     * @throws IllegalArgumentException naming an unknown {@code syncshift.*} setting
     * @throws UncheckedIOException when the file cannot be read
     */
    static Properties load(Path file) {
        Properties properties = new Properties();
        try {
            String text = text(Files.readAllBytes(file));
            properties.load(new StringReader(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("syncshift.") && !SETTINGS.contains(name)) {
                throw new IllegalArgumentException("Unknown setting '" + name + "' in " + file + " (the settings: "
                        + String.join(", ", SETTINGS) + ")");
            }
        }
        return properties;
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
