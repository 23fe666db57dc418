package dev.syncshift.migrator.demo;

import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.AppSyncEmulatorConfig;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulator;
import dev.syncshift.emulator.cognitosync.CognitoSyncEmulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cutover rehearsal on one machine: starts the emulators, then drives the real command line through
 * {@code check}, {@code migrate}, writes by devices still on Cognito Sync, {@code migrate --mode delta} and
 * {@code verify}, and reads the migrated datasets back through signed GraphQL as their own identities; then goes back:
 * a device writes on AppSync and {@code migrate --mode write-back} carries the write into Cognito Sync.
 */
public final class Demo {

    /** The generated pool's id. */
    public static final String POOL = "us-east-1:0a1b2c3d-0000-4000-8000-000000000001";
    /** The dataset a switched device creates on AppSync, for the write-back to carry into Cognito Sync. */
    static final String GOING_BACK = "going-back";
    private static final String KEY_ID = "AKIASYNCSHIFTLOCAL01";
    private static final String SECRET = "syncshift-local-developer-secret";
    /** What the AppSync emulator makes of the template's {@code !GetAtt MigratorRole.Arn}, the admin fields' role. */
    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/MigratorRole";

    private final Options options;
    private final Function<String[], Integer> cli;
    private final PrintStream out;

    /**
     * A demo.
     *
     * @param cli runs one command line of the migrator and returns its exit code
     */
    public Demo(Options options, Function<String[], Integer> cli, PrintStream out) {
        this.options = options;
        this.cli = cli;
        this.out = out;
    }

    /**
     * What to run.
     *
     * @param identities identities of the generated pool
     * @param template the CloudFormation template the AppSync emulator runs
     * @param dynamoDbLocalClasspath DynamoDB Local's class path file, or null to look beside the jar
     * @param workDir where the job repository and reports go
     * @param keepRunning after the steps succeed, print every endpoint and serve until the process is stopped
     */
    public record Options(int identities, Path template, @Nullable Path dynamoDbLocalClasspath, Path workDir,
            boolean keepRunning) {
    }

    /**
     * Runs every step; stops at the first that fails.
     *
     * @return 0 when every step succeeded, else the failing step's exit code
     */
    public int run() throws Exception {
        LoggingSystem logging = LoggingSystem.get(Demo.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        System.setProperty("aws.accessKeyId", KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET);
        step("starting the Cognito Sync emulator with " + options.identities() + " generated identities, DynamoDB "
                + "Local and the AppSync emulator (" + options.template() + ")");
        try (CognitoSyncEmulator cognito = CognitoSyncEmulator.start(CognitoSyncEmulatorConfig.builder()
                        .generate(options.identities()).identityPoolId(POOL).seed(7).build());
                DemoDynamoDb dynamoDb = DemoDynamoDb.start(options.dynamoDbLocalClasspath());
                AppSyncEmulator appSync = AppSyncEmulator.start(new AppSyncEmulatorConfig(options.template(),
                        "127.0.0.1", 0, operatorCredentials(), dynamoDb.endpoint(), "us-east-1",
                        Duration.ofSeconds(30)).withCognitoEndpoint(cognito.endpoint()));
                Clients clients = new Clients(cognito.endpoint(), dynamoDb.endpoint())) {
            return steps(new Endpoints(cognito.endpoint(), dynamoDb.endpoint(), appSync), clients);
        }
    }

    private int steps(Endpoints endpoints, Clients clients) {
        String table = clients.dynamoDb.listTables().tableNames().get(0);
        List<String> base = base(endpoints, table);
        int code = command("check", base, "--api-id", endpoints.appSync.apiId(), "--appsync-endpoint",
                endpoints.appSync.controlPlaneEndpoint().toString());
        base = new ArrayList<>(base);
        base.addAll(List.of("--work-dir", options.workDir().toString(), "--progress", "off"));
        code = code != 0 ? code : command("migrate", base, "--report", report("full"));
        if (code != 0) {
            return code;
        }
        step("devices still on Cognito Sync write: " + new DeviceWrites(clients.sync, POOL)
                .write(clients.identity));
        code = command("migrate", base, "--mode", "delta", "--report", report("delta"));
        code = code != 0 ? code : command("verify", base, "--report", report("verify"));
        code = code != 0 ? code : readBack(endpoints, clients);
        code = code != 0 ? code : goBack(endpoints, clients, base);
        if (code == 0) {
            out.println("\ndemo: every step succeeded; reports in " + options.workDir().toAbsolutePath());
        }
        if (code == 0 && options.keepRunning()) {
            serve(endpoints, table);
        }
        return code;
    }

    /**
     * Prints where the emulators and the table are, and the credentials they take, then waits until the process is
     * stopped (Ctrl-C) or this thread is interrupted: the migrated pool stays there for an app, the compat client,
     * Amplify or the AWS CLI to try.
     */
    private void serve(Endpoints endpoints, String table) {
        step("serving the migrated pool until stopped (Ctrl-C)");
        AppSyncEmulator appSync = endpoints.appSync();
        row("Cognito Identity and Sync", endpoints.cognito() + "  (pool " + POOL + ")");
        row("DynamoDB Local", endpoints.dynamoDb() + "  (table " + table + ")");
        row("AppSync GraphQL", appSync.endpoint().toString());
        row("AppSync real-time", appSync.realtimeEndpoint().toString());
        row("AppSync control plane", appSync.controlPlaneEndpoint() + "  (API " + appSync.apiId() + ")");
        String credentials = "AWS_ACCESS_KEY_ID=" + KEY_ID + " AWS_SECRET_ACCESS_KEY=" + SECRET
                + " AWS_REGION=us-east-1";
        row("developer credentials", credentials);
        // as printed, each line runs in a shell: the emulators take the developer credentials, no others
        String migrator = credentials + " java -jar migrator/target/syncshift-migrator.jar ";
        String base = String.join(" ", base(endpoints, table));
        row("the migrator, by hand", migrator + "verify " + base + " --work-dir " + options.workDir());
        row("", migrator + "check " + base + " --api-id " + appSync.apiId() + " --appsync-endpoint "
                + appSync.controlPlaneEndpoint());
        row("the API's admin role", ADMIN_ROLE + " (assume it with STS at the Cognito endpoint for the admin fields)");
        row("a migrated user's login", "login.syncshift.synthetic=user-2, or graph.facebook.com=fb-1 (at the limit "
                + "of 20 datasets: it opens those, no new one; emulator/cognito-sync/FIXTURES.md, "
                + "\"Synthetic pools\")");
        out.println("  devices sign GraphQL with the credentials GetId and GetCredentialsForIdentity give them");
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void row(String label, String value) {
        out.printf("  %-25s  %s%n", label, value);
    }

    private int readBack(Endpoints endpoints, Clients clients) {
        step("reading migrated datasets back through signed GraphQL, as their own identities");
        ReadBack.Result result = new ReadBack(clients.identity, clients.sync, endpoints.appSync.endpoint(), POOL)
                .compare(25);
        result.differences().forEach(difference -> out.println("  differs: " + difference));
        out.printf(Locale.ROOT, "  %d datasets of %d identities read back through AppSync: %s%n", result.datasets(),
                result.identities(), result.differences().isEmpty() ? "all equal to Cognito Sync" : "DIFFERENCES");
        if (!result.differences().isEmpty()) {
            out.println("\ndemo: the read-back found differences");
        }
        return result.differences().isEmpty() ? 0 : 5;
    }

    /** A switched device writes on AppSync; a write-back pass carries it into Cognito Sync, which then serves it. */
    private int goBack(Endpoints endpoints, Clients clients, List<String> base) {
        ReadBack devices = new ReadBack(clients.identity, clients.sync, endpoints.appSync.endpoint(), POOL);
        String value = "written on AppSync at " + Instant.now();
        String writer = devices.writeOnAppSync(GOING_BACK, "note", value);
        step("going back: a device switched to AppSync writes " + writer + "/" + GOING_BACK + " note = '" + value
                + "' through signed GraphQL");
        int code = command("migrate", base, "--mode", "write-back", "--report", report("write-back"));
        if (code != 0) {
            return code;
        }
        boolean there = value.equals(devices.inCognito(writer, GOING_BACK, "note"));
        out.println("  Cognito Sync serves it: " + (there ? "yes" : "NO"));
        if (!there) {
            out.println("\ndemo: the write-back did not reach Cognito Sync");
        }
        return there ? 0 : 5;
    }

    private int command(String command, List<String> base, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(base);
        args.addAll(List.of(more));
        step("syncshift-migrator " + String.join(" ", args));
        int code = cli.apply(args.toArray(String[]::new));
        if (code != 0) {
            out.println("\ndemo: '" + command + "' exited with " + code);
        }
        return code;
    }

    private List<String> base(Endpoints endpoints, String table) {
        return List.of("--identity-pool-id", POOL, "--table", table, "--cognito-endpoint",
                endpoints.cognito.toString(), "--dynamodb-endpoint", endpoints.dynamoDb.toString(), "--region",
                "us-east-1");
    }

    private String report(String name) {
        return options.workDir().resolve("report-" + name + ".json").toString();
    }

    private void step(String what) {
        out.println("\n== " + what);
    }

    private static Path operatorCredentials() {
        try {
            Path file = Files.createTempFile("syncshift-demo-operator", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, "{\"credentials\": [{\"accessKeyId\": \"" + KEY_ID + "\", \"secretAccessKey\": \""
                    + SECRET + "\", \"roleArn\": \"arn:aws:iam::123456789012:role/SyncshiftOperator\"}]}");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Endpoints(URI cognito, URI dynamoDb, AppSyncEmulator appSync) {
    }

    /** The developer's own clients, for the device writes and the read-back. */
    private static final class Clients implements AutoCloseable {
        private final CognitoIdentityClient identity;
        private final CognitoSyncClient sync;
        private final DynamoDbClient dynamoDb;

        Clients(URI cognito, URI dynamoDbEndpoint) {
            StaticCredentialsProvider developer = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(KEY_ID, SECRET));
            identity = CognitoIdentityClient.builder().endpointOverride(cognito).region(Region.US_EAST_1)
                    .credentialsProvider(developer).httpClient(direct()).build();
            sync = CognitoSyncClient.builder().endpointOverride(cognito).region(Region.US_EAST_1)
                    .credentialsProvider(developer).httpClient(direct()).build();
            dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(Region.US_EAST_1)
                    .credentialsProvider(developer).httpClient(direct()).build();
        }

        /** An HTTP client to the demo's emulators on this machine: never through a proxy the environment names. */
        private static SdkHttpClient direct() {
            return UrlConnectionHttpClient.builder().proxyConfiguration(ProxyConfiguration.builder()
                    .useEnvironmentVariablesValues(false).useSystemPropertyValues(false).build()).build();
        }

        @Override
        public void close() {
            identity.close();
            sync.close();
            dynamoDb.close();
        }
    }
}
