package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.appsync.store.CredentialsEntry;
import dev.syncshift.emulator.appsync.store.JsonFileCredentialsRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code --credentials} file: a file that is not the documented shape is refused in one line saying where, rather
 * than read as fewer keys (or a key with an empty secret) that refuse every request later with a signature error.
 */
class CredentialsFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', value = {
        "{bad|is not JSON (line 1, column 2)",
        "''|must be a JSON object whose member \"credentials\" is an array of entries",
        "[{\"accessKeyId\": \"AKIDA\", \"secretAccessKey\": \"s\"}]|must be a JSON object whose member "
            + "\"credentials\" is an array of entries",
        "{\"credentials\": {}}|must be a JSON object whose member \"credentials\" is an array of entries",
        "{\"credentials\": [{\"accesKeyId\": \"AKIDA\", \"secretAccessKey\": \"s\"}]}|entry 1 has no accessKeyId "
            + "(a non-empty string)",
        "{\"credentials\": [{\"accessKeyId\": \"AKIDA\"}]}|entry 1 has no secretAccessKey (a non-empty string)",
        "{\"credentials\": [{\"accessKeyId\": \"AKIDA\", \"secretAccessKey\": 7}]}|entry 1 has no secretAccessKey "
            + "(a non-empty string)",
        "{\"credentials\": [null]}|entry 1 is not an object",
        "{\"credentials\": [{\"accessKeyId\": \"AKIDA\", \"secretAccessKey\": \"s\"}, {\"accessKeyId\": \"AKIDA\", "
            + "\"secretAccessKey\": \"t\"}]}|entry 2 repeats accessKeyId AKIDA",
        "{\"credentials\": [{\"accessKeyId\": \"AKIDA\", \"secretAccessKey\": \"s\", \"cognitoIdentity\": "
            + "{\"identityPoolId\": \"us-east-1:p\"}}]}|entry 1's cognitoIdentity has no identityId "
            + "(a non-empty string)",
        "{\"credentials\": [{\"accessKeyId\": \"AKIDA\", \"secretAccessKey\": \"s\", \"cognitoIdentity\": "
            + "\"us-east-1:x\"}]}|entry 1's cognitoIdentity is not an object"})
    void aFileOfAnotherShapeIsRefusedSayingWhere(String content, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("creds.json"), content);

        assertThatThrownBy(() -> new JsonFileCredentialsRegistry(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credentials file " + file + " " + problem);
    }

    @Test
    void theDocumentedShapeIsRead() throws IOException {
        Path file = Files.writeString(dir.resolve("creds.json"), """
                {"credentials": [
                  {"accessKeyId": "AKIDALICE", "secretAccessKey": "alice-secret", "sessionToken": "token",
                   "cognitoIdentity": {"identityId": "us-east-1:a", "identityPoolId": "us-east-1:p"}},
                  {"accessKeyId": "AKIDMIGRATOR", "secretAccessKey": "migrator-secret",
                   "roleArn": "arn:aws:iam::111122223333:role/SyncshiftMigrator"}
                ]}
                """);

        JsonFileCredentialsRegistry registry = new JsonFileCredentialsRegistry(file);

        CredentialsEntry alice = registry.find("AKIDALICE").orElseThrow();
        assertThat(alice.secretAccessKey()).isEqualTo("alice-secret");
        assertThat(alice.sessionToken()).isEqualTo("token");
        assertThat(alice.cognitoIdentityId()).isEqualTo("us-east-1:a");
        assertThat(alice.cognitoIdentityAuthType()).isEqualTo("authenticated");
        assertThat(registry.find("AKIDMIGRATOR").orElseThrow().roleArn())
                .isEqualTo("arn:aws:iam::111122223333:role/SyncshiftMigrator");
        assertThat(registry.find("AKIDNOBODY")).isEmpty();
    }
}
