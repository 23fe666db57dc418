package dev.syncshift.emulator.appsync.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
     * @throws UncheckedIOException when it cannot be read
     * @throws IllegalArgumentException when it is not of the documented shape, saying where
     */
    public JsonFileCredentialsRegistry(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw refused(file, "is not JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials file " + file, e);
        }
        JsonNode list = root == null ? MissingNode.getInstance() : root.path("credentials");
        if (!list.isArray()) {
            throw refused(file, "must be a JSON object whose member \"credentials\" is an array of entries");
        }
        Map<String, CredentialsEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = "entry " + (i + 1);
            CredentialsEntry read = entry(file, entry, list.get(i));
            if (entries.putIfAbsent(read.accessKeyId(), read) != null) {
                throw refused(file, entry + " repeats accessKeyId " + read.accessKeyId());
            }
        }
        this.entries = new InMemoryCredentialsRegistry(entries.values());
    }

    @Override
    public Optional<CredentialsEntry> find(String accessKeyId) {
        return entries.find(accessKeyId);
    }

    private static CredentialsEntry entry(Path file, String entry, JsonNode node) {
        if (!node.isObject()) {
            throw refused(file, entry + " is not an object");
        }
        JsonNode cognito = node.path("cognitoIdentity");
        boolean isCognito = !cognito.isMissingNode();
        if (isCognito && !cognito.isObject()) {
            throw refused(file, entry + "'s cognitoIdentity is not an object");
        }
        String defaultSession = isCognito ? "CognitoIdentityCredentials" : "emulator";
        return new CredentialsEntry(
                required(file, entry, node, "accessKeyId"),
                required(file, entry, node, "secretAccessKey"),
                optionalText(node, "sessionToken"),
                text(node, "accountId", DEFAULT_ACCOUNT),
                optionalText(node, "roleArn"),
                text(node, "sessionName", defaultSession),
                isCognito ? required(file, entry + "'s cognitoIdentity", cognito, "identityId") : null,
                isCognito ? required(file, entry + "'s cognitoIdentity", cognito, "identityPoolId") : null,
                isCognito ? text(cognito, "authType", "authenticated") : null,
                optionalText(cognito, "authProvider"));
    }

    private static String required(Path file, String entry, JsonNode node, String field) {
        String text = optionalText(node, field);
        if (text == null || text.isBlank()) {
            throw refused(file, entry + " has no " + field + " (a non-empty string)");
        }
        return text;
    }

    private static IllegalArgumentException refused(Path file, String problem) {
        return new IllegalArgumentException("credentials file " + file + " " + problem);
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
