package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The flag's sources and their precedence: builder, system property, environment, properties file. */
class BackendFlagTest {

    @TempDir
    static Path dir;

    record Row(String name, Backend builder, String property, String environment, String file, Backend expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("nothing set: cognito, as before", null, null, null, null, Backend.COGNITO),
                new Row("the builder wins over everything", Backend.CUTOVER, "appsync", "appsync", "appsync",
                        Backend.CUTOVER),
                new Row("the system property wins over environment and file", null, "appsync", "cutover", "cognito",
                        Backend.APPSYNC),
                new Row("the environment wins over the file", null, null, " CUTOVER ", "appsync", Backend.CUTOVER),
                new Row("the file alone", null, null, null, "appsync", Backend.APPSYNC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void precedence(Row row) throws IOException {
        Properties system = new Properties();
        if (row.property() != null) {
            system.setProperty(BackendFlag.PROPERTY, row.property());
        }
        Map<String, String> env = row.environment() == null ? Map.of() : Map.of(BackendFlag.ENVIRONMENT,
                row.environment());
        Path file = null;
        if (row.file() != null) {
            file = Files.writeString(dir.resolve(row.name().hashCode() + ".properties"),
                    BackendFlag.PROPERTY + "=" + row.file() + "\n");
        }

        Backend chosen = new BackendFlag(row.builder(), system, env, file).resolve();

        assertThat(chosen).isEqualTo(row.expected());
    }

    @Test
    void anUnknownValueIsRefusedWithTheAcceptedOnesNamingWhereItCameFrom() throws IOException {
        BackendFlag variable = new BackendFlag(null, new Properties(), Map.of(BackendFlag.ENVIRONMENT, "dynamo"), null);
        Properties system = new Properties();
        system.setProperty(BackendFlag.PROPERTY, "appsyn");
        Path file = Files.writeString(dir.resolve("bad-flag.properties"), BackendFlag.PROPERTY + "=\n");

        assertThatThrownBy(variable::resolve).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "the environment variable SYNCSHIFT_BACKEND must be cognito, appsync or cutover, not 'dynamo'");
        assertThatThrownBy(new BackendFlag(null, system, Map.of(), null)::resolve).hasMessage(
                "the system property syncshift.backend must be cognito, appsync or cutover, not 'appsyn'");
        assertThatThrownBy(new BackendFlag(null, new Properties(), Map.of(), file)::resolve).hasMessage(
                "syncshift.backend in " + file + " must be cognito, appsync or cutover, not ''");
    }

    @Test
    void anEndpointThatIsNotAnAbsoluteUrlOfItsKindIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("endpoints.properties"), String.join("\n",
                "syncshift.identityPoolId=us-east-1:0a1b2c3d-0000-4000-8000-000000000001",
                "syncshift.backend=appsync", "syncshift.appsync.endpoint=localhost:8080/graphql", ""));

        assertThatThrownBy(() -> CognitoSyncManager.builder().propertiesFile(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("syncshift.appsync.endpoint must be an absolute https or http URL with a host, not "
                        + "'localhost:8080/graphql'");
        assertThatThrownBy(() -> CognitoSyncManager.builder().propertiesFile(file)
                .appSyncEndpoint(URI.create("https://example.com/graphql"))
                .appSyncRealtimeEndpoint(URI.create("https://example.com/graphql/realtime")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("syncshift.appsync.realtimeEndpoint must be an absolute wss or ws URL with a host, not "
                        + "'https://example.com/graphql/realtime'");
        assertThatThrownBy(() -> CognitoSyncManager.builder().propertiesFile(file)
                .cognitoEndpoint(URI.create("/cognito")).appSyncEndpoint(URI.create("https://example.com/graphql"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("syncshift.cognito.endpoint must be an absolute https or http URL with a host, not "
                        + "'/cognito'");
        for (String bare : List.of("https://abc.appsync-api.us-east-1.amazonaws.com", "http://127.0.0.1:8080/")) {
            assertThatThrownBy(() -> CognitoSyncManager.builder().propertiesFile(file).appSyncEndpoint(URI.create(bare))
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("syncshift.appsync.endpoint must be the API's GraphQL URL, with its path "
                            + "(https://<id>.appsync-api.<region>.amazonaws.com/graphql: the GraphQLUrl output of the "
                            + "template), not '" + bare + "'");
        }
    }

    @Test
    void aMisspelledSettingIsRefusedByNameNotIgnored() throws IOException {
        // ignored, it would leave the app on the default backend without a word
        Path file = Files.writeString(dir.resolve("typo.properties"), String.join("\n",
                "syncshift.identityPoolId=us-east-1:0a1b2c3d-0000-4000-8000-000000000001", "syncshift.backed=appsync",
                "other.setting=kept for the app", ""));

        assertThatThrownBy(() -> CognitoSyncManager.builder().propertiesFile(file).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown setting 'syncshift.backed' in " + file + " (the settings: syncshift.backend, "
                        + "syncshift.identityPoolId, syncshift.region, syncshift.cognito.endpoint, "
                        + "syncshift.appsync.endpoint, syncshift.appsync.realtimeEndpoint, syncshift.cache.file)");
    }

    @Test
    void aFileSavedAsUtf8WithAByteOrderMarkReadsAsWritten() throws IOException {
        Path file = dir.resolve("windows.properties");
        Files.writeString(file, "\uFEFFsyncshift.backend=appsync\r\n"
                + "syncshift.cache.file=C:/Users/Zo\u00e9/cache.db\r\n", StandardCharsets.UTF_8);

        assertThat(new BackendFlag(null, new Properties(), Map.of(), file).resolve()).isEqualTo(Backend.APPSYNC);
        assertThat(SettingsFile.load(file).getProperty("syncshift.cache.file")).isEqualTo("C:/Users/Zo\u00e9/cache.db");
    }

    @Test
    void aFileInTheOldIso88591EncodingStillReadsAsWritten() throws IOException {
        // Properties files were ISO-8859-1 before Java 9; an app's existing one must not break
        Path file = dir.resolve("latin1.properties");
        Files.writeString(file, "syncshift.backend=cutover\nsyncshift.cache.file=/home/zo\u00e9/cache.db\n",
                StandardCharsets.ISO_8859_1);

        assertThat(new BackendFlag(null, new Properties(), Map.of(), file).resolve()).isEqualTo(Backend.CUTOVER);
        assertThat(SettingsFile.load(file).getProperty("syncshift.cache.file")).isEqualTo("/home/zo\u00e9/cache.db");
    }

    @Test
    void theExampleConfigurationSelectsCutover() {
        Path example = Path.of("../config/syncshift-client.properties");

        assertThat(new BackendFlag(null, new Properties(), Map.of(), example).resolve()).isEqualTo(Backend.CUTOVER);
    }
}
