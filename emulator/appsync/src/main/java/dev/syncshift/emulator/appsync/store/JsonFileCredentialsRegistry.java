package dev.syncshift.emulator.appsync.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The registry read once from a JSON file ({@code --credentials}); the format is in the module README:
 * {@code {"credentials": [{"accessKeyId", "secretAccessKey", "sessionToken"?, "accountId"?, "roleArn"?,
 * "sessionName"?, "cognitoIdentity"?: {"identityId", "identityPoolId", "authType"?, "authProvider"?}}]}}.
 */
public final class JsonFileCredentialsRegistry implements CredentialsRegistry {

    private static final String DEFAULT_ACCOUNT = "123456789012";

    private final InMemoryCredentialsRegistry entries;

    /**
     * Reads the file.
     *
     * @param file the JSON file
     * @throws UncheckedIOException when it cannot be read or parsed
     */
    public JsonFileCredentialsRegistry(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<CredentialsEntry> list = new ArrayList<>();
            root.path("credentials").forEach(node -> list.add(entry(node)));
            this.entries = new InMemoryCredentialsRegistry(list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials file " + file, e);
        }
    }

    @Override
    public Optional<CredentialsEntry> find(String accessKeyId) {
        return entries.find(accessKeyId);
    }

    private static CredentialsEntry entry(JsonNode node) {
        JsonNode cognito = node.path("cognitoIdentity");
        boolean isCognito = cognito.isObject();
        String defaultSession = isCognito ? "CognitoIdentityCredentials" : "emulator";
        return new CredentialsEntry(
                text(node, "accessKeyId", ""),
                text(node, "secretAccessKey", ""),
                text(node, "sessionToken", null),
                text(node, "accountId", DEFAULT_ACCOUNT),
                text(node, "roleArn", null),
                text(node, "sessionName", defaultSession),
                text(cognito, "identityId", null),
                text(cognito, "identityPoolId", null),
                isCognito ? text(cognito, "authType", "authenticated") : null,
                text(cognito, "authProvider", null));
    }

    private static @Nullable String text(JsonNode node, String field, @Nullable String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : fallback;
    }
}
