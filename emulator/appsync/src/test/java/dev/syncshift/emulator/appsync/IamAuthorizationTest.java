package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.store.CredentialsEntry;
import dev.syncshift.emulator.appsync.store.InMemoryCredentialsRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AWS_IAM: SigV4 verified against the credentials registry, and {@code ctx.identity} as AppSync fills it. */
class IamAuthorizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = TestApi.extension();

    private static final String WHOAMI = "{ whoami }";

    /** A request AppSync refuses at the HTTP level. */
    record Refusal(String name, Function<SignedGraphQlClient, SignedGraphQlClient.Answer> call, int status,
            String errorType, String messageStart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("unsigned", c -> c.postUnsigned(WHOAMI, Map.of()), 401, "UnauthorizedException",
                        "Valid authorization header not provided."),
                new Refusal("wrong secret", c -> c.post(Caller.WRONG_SECRET.credentials(), WHOAMI, Map.of()), 401,
                        "UnauthorizedException", "The request signature we calculated does not match"),
                new Refusal("unknown access key", c -> c.post(Caller.UNKNOWN_KEY.credentials(), WHOAMI, Map.of()), 401,
                        "UnauthorizedException", "The security token included in the request is invalid."),
                new Refusal("session token missing", c -> c.post(Caller.MISSING_TOKEN.credentials(), WHOAMI,
                        Map.of()), 401, "UnauthorizedException",
                        "The security token included in the request is invalid."),
                // AppSync allows 5 minutes of clock skew (Cognito 15): "(… - 5 min.)", "(… + 5 min.)"
                new Refusal("signed six minutes ago", c -> c.postSignedAt(Caller.ALICE.credentials(), WHOAMI,
                        Map.of(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6))), 401,
                        "UnauthorizedException", "Signature expired"),
                new Refusal("signed for six minutes from now", c -> c.postSignedAt(Caller.ALICE.credentials(),
                        WHOAMI, Map.of(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6))), 401,
                        "UnauthorizedException", "Signature not yet current"),
                // AppSync's answers to bodies that are no GraphQL request, as its team documented them
                new Refusal("empty body", c -> c.postBody(Caller.ALICE.credentials(), ""), 400,
                        "MalformedHttpRequestException", "Request body is empty."),
                new Refusal("body is not JSON", c -> c.postBody(Caller.ALICE.credentials(), "meow"), 400,
                        "MalformedHttpRequestException", "Unable to parse GraphQL query."),
                new Refusal("body is an empty object", c -> c.postBody(Caller.ALICE.credentials(), "{}"), 400,
                        "MalformedHttpRequestException", "Unable to parse GraphQL query."),
                new Refusal("body is an array", c -> c.postBody(Caller.ALICE.credentials(), "[]"), 400,
                        "MalformedHttpRequestException", "Unable to parse GraphQL query."),
                new Refusal("no query", c -> c.postBody(Caller.ALICE.credentials(), "{\"variables\":{}}"), 400,
                        "MalformedHttpRequestException", "Unable to parse GraphQL query."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesAtTheHttpLevel(Refusal refusal, AppSyncEmulator emulator) {
        SignedGraphQlClient client = new SignedGraphQlClient(emulator.endpoint());

        SignedGraphQlClient.Answer answer = refusal.call().apply(client);

        assertThat(answer.status()).isEqualTo(refusal.status());
        assertThat(answer.body().path("data").isMissingNode()).isTrue();
        assertThat(answer.body().at("/errors/0/errorType").asText()).isEqualTo(refusal.errorType());
        assertThat(answer.body().at("/errors/0/message").asText()).startsWith(refusal.messageStart());
    }

    @Test
    void refusesASignatureScopedToAnotherService(AppSyncEmulator emulator) {
        SignedGraphQlClient cognitoSigned = new SignedGraphQlClient(emulator.endpoint(), "us-east-1", "cognito-sync");

        SignedGraphQlClient.Answer answer = cognitoSigned.post(Caller.ALICE.credentials(), WHOAMI, Map.of());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().at("/errors/0/message").asText())
                .isEqualTo("Credential should be scoped to correct service: 'appsync'. ");
    }

    /**
     * A signature that does not match is explained as AppSync explains it: the canonical request and the string to
     * sign the service computed, for the caller to compare with its own.
     */
    @Test
    void aSignatureThatDoesNotMatchIsAnsweredWithWhatItShouldHaveSigned(AppSyncEmulator emulator) {
        SignedGraphQlClient client = new SignedGraphQlClient(emulator.endpoint());

        SignedGraphQlClient.Answer answer = client.post(Caller.WRONG_SECRET.credentials(), WHOAMI, Map.of());

        assertThat(answer.body().at("/errors/0/message").asText())
                .startsWith("The request signature we calculated does not match the signature you provided.")
                .contains("\n\nThe Canonical String for this request should have been\n'POST\n/graphql\n")
                .containsPattern("\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n\\d{8}T\\d{6}Z\n"
                        + "\\d{8}/us-east-1/appsync/aws4_request\n[0-9a-f]{64}'\n$");
    }

    @Test
    void refusesASignatureScopedToAnotherRegion(AppSyncEmulator emulator) {
        SignedGraphQlClient elsewhere = new SignedGraphQlClient(emulator.endpoint(), "eu-west-1");

        SignedGraphQlClient.Answer answer = elsewhere.post(Caller.ALICE.credentials(), WHOAMI, Map.of());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().at("/errors/0/message").asText())
                .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-1'. ");
    }

    /** Who calls, and the {@code ctx.identity} fields the resolver must see. */
    record IdentityRow(Caller caller, Map<String, String> expected) {
        @Override
        public String toString() {
            return caller.name();
        }
    }

    static Stream<IdentityRow> identities() {
        return Stream.of(
                new IdentityRow(Caller.ALICE, Map.of(
                        "/cognitoIdentityId", "\"" + Caller.ALICE_ID + "\"",
                        "/cognitoIdentityPoolId", "\"us-east-1:pool0000-0000-0000-0000-000000000000\"",
                        "/cognitoIdentityAuthType", "\"authenticated\"",
                        "/accountId", "\"111122223333\"",
                        "/userArn", "\"arn:aws:sts::111122223333:assumed-role/Cognito_NotesAuth_Role/"
                                + "CognitoIdentityCredentials\"",
                        "/sourceIp", "[\"127.0.0.1\"]")),
                new IdentityRow(Caller.BOB, Map.of(
                        "/cognitoIdentityId", "\"" + Caller.BOB_ID + "\"",
                        "/cognitoIdentityAuthType", "\"unauthenticated\"",
                        "/cognitoIdentityAuthProvider", "null")),
                new IdentityRow(Caller.MIGRATOR, Map.of(
                        "/cognitoIdentityId", "null",
                        "/cognitoIdentityPoolId", "null",
                        "/cognitoIdentityAuthType", "null",
                        "/userArn", "\"arn:aws:sts::111122223333:assumed-role/SyncshiftMigrator/migrator-run-1\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void fillsCtxIdentityLikeAppSync(IdentityRow row, AppSyncEmulator emulator) throws IOException {
        SignedGraphQlClient client = new SignedGraphQlClient(emulator.endpoint());

        SignedGraphQlClient.Answer answer = client.post(row.caller().credentials(), WHOAMI, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode whoami = JSON.readTree(answer.body().at("/data/whoami").asText());
        row.expected().forEach((pointer, expected) ->
                assertThat(whoami.at("/identity" + pointer).toString()).as(pointer).isEqualTo(expected));
        assertThat(whoami.at("/identity/username").asText()).endsWith(":" + whoami.at("/identity/userArn")
                .asText().substring(whoami.at("/identity/userArn").asText().lastIndexOf('/') + 1));
        assertThat(whoami.at("/greeting").asText()).isEqualTo("hello");
        assertThat(whoami.at("/table").asText()).isEqualTo("notes-test");
        assertThat(whoami.at("/signedAt").asText()).matches("\\d{8}T\\d{6}Z");
    }

    @Test
    void acceptsKeysRegisteredWhileRunning() {
        InMemoryCredentialsRegistry registry = new InMemoryCredentialsRegistry(List.of());
        try (AppSyncEmulator emulator = AppSyncEmulator.start(
                new AppSyncEmulatorConfig(TestApi.TEMPLATE, "127.0.0.1", 0, null, null, "us-east-1",
                        Duration.ofSeconds(60)), registry)) {
            SignedGraphQlClient client = new SignedGraphQlClient(emulator.endpoint());
            int before = client.post(Caller.ALICE.credentials(), WHOAMI, Map.of()).status();

            registry.register(new CredentialsEntry("AKIDALICE", "alice-secret", null, "111122223333", null,
                    "CognitoIdentityCredentials", Caller.ALICE_ID, "us-east-1:pool", "authenticated", null));

            assertThat(before).isEqualTo(401);
            assertThat(client.post(Caller.ALICE.credentials(), WHOAMI, Map.of()).status()).isEqualTo(200);
        }
    }
}
