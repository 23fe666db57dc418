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
import java.util.Properties;

/**
 * The client's properties file ({@link CognitoSyncManagerBuilder#propertiesFile}): the names of its settings, the one
 * list of them, and how it is read.
 */
final class SettingsFile {

    static final String BACKEND = BackendFlag.PROPERTY;
    static final String POOL = "syncshift.identityPoolId";
    static final String REGION = "syncshift.region";
    static final String COGNITO_ENDPOINT = "syncshift.cognito.endpoint";
    static final String APPSYNC_ENDPOINT = "syncshift.appsync.endpoint";
    static final String APPSYNC_REALTIME_ENDPOINT = "syncshift.appsync.realtimeEndpoint";
    static final String CACHE_FILE = "syncshift.cache.file";
    /** Every setting, in the order the README lists them. */
    static final List<String> ALL = List.of(BACKEND, POOL, REGION, COGNITO_ENDPOINT, APPSYNC_ENDPOINT,
            APPSYNC_REALTIME_ENDPOINT, CACHE_FILE);

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private SettingsFile() {
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
            if (name.startsWith("syncshift.") && !ALL.contains(name)) {
                throw new IllegalArgumentException("Unknown setting '" + name + "' in " + file + " (the settings: "
                        + String.join(", ", ALL) + ")");
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
