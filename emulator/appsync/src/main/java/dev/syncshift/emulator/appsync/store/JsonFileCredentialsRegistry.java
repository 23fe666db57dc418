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
                optionalText(node, "sessionToken"),
                text(node, "accountId", DEFAULT_ACCOUNT),
                optionalText(node, "roleArn"),
                text(node, "sessionName", defaultSession),
                optionalText(cognito, "identityId"),
                optionalText(cognito, "identityPoolId"),
                isCognito ? text(cognito, "authType", "authenticated") : null,
                optionalText(cognito, "authProvider"));
    }

    private static String text(JsonNode node, String field, String fallback) {
        String text = optionalText(node, field);
        return text == null ? fallback : text;
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
