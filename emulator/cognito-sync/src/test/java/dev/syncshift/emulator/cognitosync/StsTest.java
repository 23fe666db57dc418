package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.emulator.cognitosync.junit.ClockedSigV4;
import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import dev.syncshift.emulator.cognitosync.junit.StrictAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS on the emulator, through the AWS SDK's STS client, with strict auth: AssumeRole signed by a developer, and
 * AssumeRoleWithWebIdentity unsigned, give credentials that act as a developer on Cognito Sync until they expire;
 * bad input gets STS's errors.
 */
@StrictAuth
@ExtendWith(CognitoSyncEmulatorExtension.class)
class StsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ops/syncshift-migrator";
    /** A JWT's shape (header, claims, signature), as EKS projects one for a service account. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl";

    private CognitoSyncEmulator emulator;
    private MutableClock clock;

    @BeforeEach
    void given(CognitoSyncEmulator emulator, MutableClock clock) {
        this.emulator = emulator;
        this.clock = clock;
    }

    @Test
    void aDeveloperAssumesARoleAndItsCredentialsActAsADeveloperUntilTheyExpire() {
        AssumeRoleResponse assumed = sts(CognitoSyncEmulatorExtension.DEVELOPER).assumeRole(r -> r.roleArn(ROLE)
                .roleSessionName("migration-1").durationSeconds(900));

        Credentials credentials = assumed.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.expiration()).isEqualTo(clock.instant().plusSeconds(900));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/syncshift-migrator/migration-1");
        AwsSessionCredentials session = AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken());
        CognitoSyncClient sync = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(), session, clock);
        assertThat(sync.listIdentityPoolUsage(r -> r.maxResults(10)).sdkHttpResponse().isSuccessful()).isTrue();

        clock.advance(Duration.ofSeconds(901));
        assertThatThrownBy(() -> sync.listIdentityPoolUsage(r -> r.maxResults(10)))
                .isInstanceOfSatisfying(CognitoSyncException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ExpiredTokenException"));
    }

    @Test
    void aWebIdentityTokenGetsTheRoleWithoutASignature() {
        AssumeRoleWithWebIdentityResponse assumed = anonymousSts().assumeRoleWithWebIdentity(r -> r.roleArn(ROLE)
                .roleSessionName("pod-7f9c").webIdentityToken(TOKEN));

        Credentials credentials = assumed.credentials();
        assertThat(credentials.expiration()).isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(assumed.assumedRoleUser().arn()).endsWith(":assumed-role/syncshift-migrator/pod-7f9c");
        CognitoIdentityClient identity = CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
                AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken()), clock);
        assertThat(identity.listIdentityPools(r -> r.maxResults(10)).sdkHttpResponse().isSuccessful()).isTrue();
    }

    @Test
    void badInputGetsStsErrors() {
        StsClient developer = sts(CognitoSyncEmulatorExtension.DEVELOPER);
        refused(() -> developer.assumeRole(r -> r.roleSessionName("s1")), "ValidationError", 400,
                "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not"
                        + " be null");
        refused(() -> developer.assumeRole(r -> r.roleArn(ROLE).roleSessionName("a b")), "ValidationError", 400,
                "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: [\\w+=,.@-]*");
        refused(() -> developer.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s1").durationSeconds(100)),
                "ValidationError", 400, "1 validation error detected: Value '100' at 'durationSeconds' failed to"
                        + " satisfy constraint: Member must have value greater than or equal to 900");
        refused(() -> developer.assumeRole(r -> r.roleArn("arn:aws:s3:::a-bucket-of-mine").roleSessionName("s1")),
                "ValidationError", 400, "'arn:aws:s3:::a-bucket-of-mine' is not a role's ARN"
                        + " (arn:aws:iam::<account>:role/<name>)");
        refused(() -> anonymousSts().assumeRoleWithWebIdentity(r -> r.roleArn(ROLE).roleSessionName("s1")
                .webIdentityToken("not-a-jwt")), "InvalidIdentityToken", 400,
                "The web identity token is not a JWT (three base64url parts joined by dots)");
    }

    @Test
    void anAssumeRoleNotSignedByADeveloperIsRefused() {
        CognitoIdentityClient developer = CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
                CognitoSyncEmulatorExtension.DEVELOPER, clock);
        String pool = DeveloperPools.newPool(developer, "login.sts");
        AwsSessionCredentials alice = Pools.credentialsOf(developer, Pools.newIdentity(developer, pool));
        Consumer<AssumeRoleRequest.Builder> request = r -> r.roleArn(ROLE).roleSessionName("s1");

        refused(() -> anonymousSts().assumeRole(request), "MissingAuthenticationToken", 403, null);
        refused(() -> sts(AwsBasicCredentials.create("AKIDNOBODY", "nobody-secret")).assumeRole(request),
                "InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        refused(() -> sts(alice).assumeRole(request), "AccessDenied", 403, null);
    }

    @Test
    void anActionStsDoesNotHaveIsNamed() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetFederationToken&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>InvalidAction</Code>")
                .contains("<Message>Could not find operation GetFederationToken for version 2011-06-15</Message>");
    }

    @Test
    void getCallerIdentityNamesWhoSigned() {
        CognitoIdentityClient identity = CognitoSyncEmulatorExtension.identityClient(emulator.endpoint(),
                CognitoSyncEmulatorExtension.DEVELOPER, clock);
        String pool = Pools.newPool(identity);
        identity.setIdentityPoolRoles(r -> r.identityPoolId(pool).roles(Map.of(
                "unauthenticated", "arn:aws:iam::123456789012:role/Cognito_testUnauth_Role")));
        var issued = identity.getCredentialsForIdentity(r -> r.identityId(Pools.newIdentity(identity, pool)))
                .credentials();
        AssumeRoleResponse assumed = sts(CognitoSyncEmulatorExtension.DEVELOPER).assumeRole(r -> r.roleArn(ROLE)
                .roleSessionName("operator-2"));
        Credentials session = assumed.credentials();
        Credentials elsewhere = sts(CognitoSyncEmulatorExtension.DEVELOPER).assumeRole(r -> r.roleArn(
                "arn:aws:iam::210987654321:role/Auditor").roleSessionName("audit")).credentials();

        GetCallerIdentityResponse developer = sts(CognitoSyncEmulatorExtension.DEVELOPER).getCallerIdentity();
        GetCallerIdentityResponse role = sts(AwsSessionCredentials.create(session.accessKeyId(),
                session.secretAccessKey(), session.sessionToken())).getCallerIdentity();
        GetCallerIdentityResponse device = sts(AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(),
                issued.sessionToken())).getCallerIdentity();

        assertThat(developer.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(developer.account()).isEqualTo("123456789012");
        assertThat(role.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/syncshift-migrator/operator-2");
        assertThat(role.userId()).matches("AROA[0-9A-F]+:operator-2")
                .isEqualTo(assumed.assumedRoleUser().assumedRoleId());
        GetCallerIdentityResponse auditor = sts(AwsSessionCredentials.create(elsewhere.accessKeyId(),
                elsewhere.secretAccessKey(), elsewhere.sessionToken())).getCallerIdentity();
        assertThat(auditor.account()).isEqualTo("210987654321");
        assertThat(auditor.arn()).isEqualTo("arn:aws:sts::210987654321:assumed-role/Auditor/audit");
        assertThat(device.arn()).isEqualTo(
                "arn:aws:sts::123456789012:assumed-role/Cognito_testUnauth_Role/CognitoIdentityCredentials");
        refused(() -> anonymousSts().getCallerIdentity(), "MissingAuthenticationToken", 403, null);
    }

    @Test
    void aRoleSessionIsDescribedToTheLocalAppSyncWithItsRoleUntilItExpires() throws Exception {
        Credentials session = sts(CognitoSyncEmulatorExtension.DEVELOPER).assumeRole(r -> r.roleArn(ROLE)
                .roleSessionName("operator-1").durationSeconds(900)).credentials();
        URI lookup = emulator.endpoint().resolve("/_syncshift/credentials/" + session.accessKeyId());

        HttpResponse<String> found = get(lookup);

        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode described = new ObjectMapper().readTree(found.body());
        assertThat(described.get("SecretKey").asText()).isEqualTo(session.secretAccessKey());
        assertThat(described.get("SessionToken").asText()).isEqualTo(session.sessionToken());
        assertThat(described.get("RoleArn").asText()).isEqualTo(ROLE);
        assertThat(described.get("RoleSessionName").asText()).isEqualTo("operator-1");
        assertThat(described.path("IdentityId").isTextual()).isFalse();
        assertThat(described.get("Expiration").asDouble()).isEqualTo(session.expiration().toEpochMilli() / 1000.0);
        clock.advance(Duration.ofSeconds(900));
        assertThat(get(lookup).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void refused(Runnable call, String code, int status, @Nullable String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }

    private StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .putAuthScheme(new ClockedSigV4(clock))
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1))).build();
    }

    private StsClient anonymousSts() {
        return StsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1))).build();
    }
}
