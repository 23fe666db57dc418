package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import dev.syncshift.migrator.demo.Demo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The packaged jar as the README runs it, from the project's folder: {@code java -jar
 * migrator/target/syncshift-migrator.jar demo}. DynamoDB Local comes from the class path file the build writes
 * beside the jar and runs in its own class loader; the AppSync emulator runs GraalJS from inside the jar. With
 * {@code --keep-running} the demo then serves the migrated pool until it is stopped. Its environment names a proxy
 * that cannot be reached, in every variable the AWS CLI and SDKs read, which the demo, calling its own emulators,
 * passes over.
 */
class StandaloneJarIT {

    private static final Pattern DYNAMODB = Pattern.compile("DynamoDB Local +(http://\\S+) +\\(table (\\S+)\\)");

    @TempDir
    Path work;

    @Test
    void theReadmesDemoCommandSucceedsAndKeepsServingTheMigratedPool() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder command = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", "migrator/target/syncshift-migrator.jar", "demo", "--identities", "30",
                "--work-dir", work.resolve("run").toString(), "--keep-running")).directory(root.toFile())
                .redirectErrorStream(true);
        // a machine whose environment names a proxy nothing answers on: the demo calls its own emulators direct
        String deadProxy = "http://127.0.0.1:" + ChildMigrator.closedPort();
        List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY")
                .forEach(variable -> command.environment().put(variable, deadProxy));
        Process demo = command.start();
        StringBuilder printed = new StringBuilder();
        CompletableFuture<Matcher> serving = CompletableFuture.supplyAsync(() -> untilServing(demo, printed));
        try {
            Matcher dynamoDb = serving.get(5, TimeUnit.MINUTES);

            assertThat(printed).contains("all equal to Cognito Sync", "Cognito Sync serves it: yes",
                    "demo: every step succeeded",
                    "AppSync GraphQL", "developer credentials").doesNotContain("\tat ");
            assertThat(demo.isAlive()).as("the demo still serves").isTrue();
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(dynamoDb.group(1)))
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .build()) {
                assertThat(client.scan(s -> s.tableName(dynamoDb.group(2)).select("COUNT")).count())
                        .as("the migrated records are there to read").isPositive();
            }
            theAdminRoleItPrintsCallsTheAdminFields(printed.toString());
            theMigratorCommandsItPrintsRunAsPrinted(printed.toString(), root);
        } finally {
            demo.destroy();
        }
        assertThat(demo.waitFor(1, TimeUnit.MINUTES)).as("the demo stopped when asked").isTrue();
    }

    /** An operator's session of the admin role the demo prints calls the admin fields; the developer keys cannot. */
    private static void theAdminRoleItPrintsCallsTheAdminFields(String printed) {
        URI cognito = URI.create(printedValue(printed, "Cognito Identity and Sync"));
        String role = printedValue(printed, "the API's admin role");
        AwsBasicCredentials developer = AwsBasicCredentials.create("AKIASYNCSHIFTLOCAL01",
                "syncshift-local-developer-secret");
        try (StsClient sts = StsClient.builder().endpointOverride(cognito).region(Region.US_EAST_1)
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(developer)).build();
                CognitoIdentityClient identities = CognitoIdentityClient.builder().endpointOverride(cognito)
                        .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(developer)).build()) {
            String identityId = identities.listIdentities(r -> r.identityPoolId(Demo.POOL).maxResults(1))
                    .identities().get(0).identityId();
            Credentials admin = sts.assumeRole(r -> r.roleArn(role).roleSessionName("demo-operator")).credentials();
            SignedGraphQlClient api = new SignedGraphQlClient(URI.create(printedValue(printed, "AppSync GraphQL")));
            String query = "query($id: ID!) { adminListDatasets(identityId: $id) { datasetName } }";

            Answer asAdmin = api.post(AwsSessionCredentialsIdentity.create(admin.accessKeyId(),
                    admin.secretAccessKey(), admin.sessionToken()), query, Map.of("id", identityId));
            Answer asDeveloper = api.post(developer, query, Map.of("id", identityId));

            assertThat(asAdmin.ok()).as(asAdmin.body().toString()).isTrue();
            assertThat(asDeveloper.error().path("message").asText())
                    .isEqualTo("Not Authorized to access adminListDatasets on type Query");
        }
    }

    /** The first word after {@code label} on the line of the served endpoints that starts with it. */
    /**
     * The migrator command lines the demo prints, pasted into a shell in the project's folder, succeed: they carry the
     * developer credentials the emulators take (a user's own AWS settings would be refused by them).
     */
    private static void theMigratorCommandsItPrintsRunAsPrinted(String printed, Path root) throws Exception {
        Matcher lines = Pattern.compile("(?m)^  (?:the migrator, by hand| {21}) +(AWS_ACCESS_KEY_ID=.*)$")
                .matcher(printed);
        List<String> commands = new ArrayList<>();
        while (lines.find()) {
            commands.add(lines.group(1));
        }
        assertThat(commands).as(printed).hasSize(2);
        for (String command : commands) {
            ProcessBuilder shell = new ProcessBuilder("sh", "-c", command).directory(root.toFile())
                    .redirectErrorStream(true);
            shell.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            // a short-lived JVM: C1 alone starts it sooner, and the line stays as printed
            shell.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            Process run = shell.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor()).as(command + "\n" + output).isZero();
        }
    }

    private static String printedValue(String printed, String label) {
        Matcher matcher = Pattern.compile("(?m)^  " + Pattern.quote(label) + " +(\\S+)").matcher(printed);
        assertThat(matcher.find()).as("the demo prints " + label).isTrue();
        return matcher.group(1);
    }

    /**
     * Reads the demo's output up to the last line of what it serves (leaving the pipe open, so the demo never writes
     * into a closed one); the DynamoDB line's endpoint and table.
     */
    private static Matcher untilServing(Process demo, StringBuilder printed) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        try {
            Matcher dynamoDb = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                printed.append(line).append('\n');
                Matcher matcher = DYNAMODB.matcher(line);
                if (matcher.find()) {
                    dynamoDb = matcher;
                }
                if (line.contains("devices sign GraphQL") && dynamoDb != null) {
                    return dynamoDb;
                }
            }
            throw new IllegalStateException("the demo ended before it served:\n" + printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
