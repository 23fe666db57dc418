package dev.syncshift.emulator.appsync.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Accepts, besides the keys of a local registry, the temporary credentials that a local Cognito Sync emulator
 * issued: a Cognito identity's (GetCredentialsForIdentity), so that one device's credentials sign both backends, and
 * a role session of its STS (AssumeRole, AssumeRoleWithWebIdentity), which AppSync sees as that role's assumed-role
 * user, so that an operator who assumes the admin role calls the admin fields as on AWS. Unknown keys are looked up
 * at its emulator-only {@code GET /_syncshift/credentials/{AccessKeyId}}; found keys are remembered until they
 * expire. Only loopback endpoints are accepted.
 */
public final class CognitoEmulatorCredentialsRegistry implements CredentialsRegistry {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ACCOUNT_ID = "123456789012";

    private final URI endpoint;
    private final CredentialsRegistry local;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Issued> found = new ConcurrentHashMap<>();

    /**
     * A registry asking {@code local} first, then the Cognito Sync emulator at {@code endpoint}.
     *
     * @throws IllegalArgumentException when {@code endpoint} is not a loopback http URL
     */
    public CognitoEmulatorCredentialsRegistry(URI endpoint, CredentialsRegistry local, Clock clock) {
        if (!"http".equals(endpoint.getScheme()) || !LOOPBACK.contains(endpoint.getHost())) {
            throw new IllegalArgumentException("the Cognito emulator endpoint must be http on loopback: " + endpoint);
        }
        this.endpoint = endpoint;
        this.local = local;
        this.clock = clock;
    }

    @Override
    public Optional<CredentialsEntry> find(String accessKeyId) {
        Optional<CredentialsEntry> known = local.find(accessKeyId);
        if (known.isPresent()) {
            return known;
        }
        Issued issued = found.get(accessKeyId);
        if (issued == null || !clock.instant().isBefore(issued.expiration())) {
            issued = lookUp(accessKeyId);
        }
        return Optional.ofNullable(issued).map(Issued::entry);
    }

    private @Nullable Issued lookUp(String accessKeyId) {
        URI uri = endpoint.resolve("/_syncshift/credentials/" + URLEncoder.encode(accessKeyId, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                found.remove(accessKeyId);
                return null;
            }
            Issued issued = issued(json.readTree(response.body()));
            found.put(accessKeyId, issued);
            return issued;
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach the Cognito emulator at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Issued issued(JsonNode body) {
        String accessKeyId = body.get("AccessKeyId").asText();
        String secret = body.get("SecretKey").asText();
        String token = body.get("SessionToken").asText();
        String roleArn = text(body, "RoleArn");
        CredentialsEntry entry;
        if (roleArn != null) {
            // A role session of the emulator's STS: the account is the role's, as on AWS.
            String[] arn = roleArn.split(":", -1);
            entry = new CredentialsEntry(accessKeyId, secret, token, arn.length == 6 ? arn[4] : ACCOUNT_ID, roleArn,
                    body.get("RoleSessionName").asText(), null, null, null, null);
        } else {
            String authType = body.get("AuthType").asText();
            entry = new CredentialsEntry(accessKeyId, secret, token, ACCOUNT_ID,
                    "arn:aws:iam::" + ACCOUNT_ID + ":role/syncshift-cognito-" + authType, "CognitoIdentityCredentials",
                    body.get("IdentityId").asText(), body.get("IdentityPoolId").asText(), authType,
                    text(body, "AuthProvider"));
        }
        Instant expiration = Instant.ofEpochMilli(Math.round(body.get("Expiration").asDouble() * 1000));
        return new Issued(entry, expiration);
    }

    private static @Nullable String text(JsonNode body, String member) {
        JsonNode value = body.path(member);
        return value.isTextual() ? value.asText() : null;
    }

    private record Issued(CredentialsEntry entry, Instant expiration) {
    }
}
