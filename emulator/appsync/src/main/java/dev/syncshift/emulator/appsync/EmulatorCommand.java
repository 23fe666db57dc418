package dev.syncshift.emulator.appsync;

import dev.syncshift.emulator.appsync.fault.FaultPlan;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The emulator's command line, parsed with picocli: {@code --help} and {@code --version} print and exit 0; a bad
 * option or value is one line on stderr and exit code 2. Only the entry point reads arguments.
 */
@Command(name = EmulatorCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = EmulatorCommand.Version.class, usageHelpAutoWidth = true,
        description = "A local AWS AppSync: loads a CloudFormation template's GraphQL API and runs its APPSYNC_JS "
                + "resolvers over DynamoDB, with real-time subscriptions and the control plane.")
final class EmulatorCommand {

    static final String NAME = "appsync-emulator";
    static final int USAGE_ERROR = 2;

    @Option(names = "--template", paramLabel = "FILE", required = true,
            description = "The CloudFormation template (YAML or JSON) that defines the API.")
    private @Nullable Path template;
    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port to bind, 0 for a free one "
            + "(default 0).")
    private int port;
    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to bind (default 127.0.0.1).")
    private String host = "127.0.0.1";
    @Option(names = "--credentials", paramLabel = "FILE", description = "The credentials registry file (who may "
            + "call, as whom); without it only a Cognito emulator's credentials are accepted.")
    private @Nullable Path credentials;
    @Option(names = "--dynamodb-endpoint", paramLabel = "URL", description = "A DynamoDB endpoint; without it "
            + "DynamoDB Local runs in-process (it must be on the class path).")
    private @Nullable URI dynamoDbEndpoint;
    @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1",
            description = "The API's region, which IAM signatures must be scoped to; also the DynamoDB endpoint's"
                    + " signing (default us-east-1).")
    private String region = "us-east-1";
    @Option(names = "--keep-alive-seconds", paramLabel = "N", defaultValue = "60",
            description = "Real-time keep-alive interval (default 60).")
    private long keepAliveSeconds;
    @Option(names = "--cognito-endpoint", paramLabel = "URL", description = "A local Cognito Sync emulator whose "
            + "issued temporary credentials are accepted too.")
    private @Nullable URI cognitoEndpoint;
    @Option(names = "--throttle-rate", paramLabel = "F", defaultValue = "0", description = "Probability (0..1) "
            + "that a GraphQL request is refused with 429 LimitExceededError (default 0).")
    private double throttleRate;
    @Option(names = "--fault-rate", paramLabel = "F", defaultValue = "0", description = "Probability (0..1) that "
            + "a GraphQL request fails with 500 InternalFailure before it runs (default 0).")
    private double faultRate;
    @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "0",
            description = "Milliseconds added to every GraphQL request (default 0).")
    private long latencyMs;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the injected throttles and failures (default 1).")
    private long seed;

    private EmulatorCommand() {
    }

    /** What the command line asks for: start an emulator, or exit with a code. */
    sealed interface Outcome {
        /** Start an emulator with this config. */
        record Start(AppSyncEmulatorConfig config) implements Outcome {
        }

        /** Exit at once with this code (help and version 0, usage errors 2). */
        record Exit(int code) implements Outcome {
        }
    }

    /** Parses {@code args}, printing help or version to {@code out} and a one-line usage error to {@code err}. */
    static Outcome run(String[] args, PrintWriter out, PrintWriter err) {
        EmulatorCommand command = new EmulatorCommand();
        CommandLine cli = new CommandLine(command).setOut(out).setErr(err);
        try {
            if (CommandLine.printHelpIfRequested(cli.parseArgs(args))) {
                return new Outcome.Exit(0);
            }
            return new Outcome.Start(command.config());
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage() + " (see --help)");
            err.flush();
            return new Outcome.Exit(USAGE_ERROR);
        }
    }

    private AppSyncEmulatorConfig config() {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        if (keepAliveSeconds <= 0) {
            throw new IllegalArgumentException("--keep-alive-seconds must be positive, not " + keepAliveSeconds);
        }
        checkEndpoint("--dynamodb-endpoint", dynamoDbEndpoint);
        checkEndpoint("--cognito-endpoint", cognitoEndpoint);
        AppSyncEmulatorConfig config = new AppSyncEmulatorConfig(Objects.requireNonNull(template,
                "--template is required"), host, port, credentials, dynamoDbEndpoint, region,
                Duration.ofSeconds(keepAliveSeconds), cognitoEndpoint).withFaults(faults());
        checkReadable("--template", config.template());
        checkReadable("--credentials", credentials);
        return config;
    }

    private static void checkReadable(String option, @Nullable Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read");
        }
    }

    /** An endpoint is an absolute http or https URL with a host, as an SDK client's endpointOverride needs. */
    private static void checkEndpoint(String option, @Nullable URI endpoint) {
        String scheme = endpoint == null ? "http" : endpoint.getScheme();
        if (endpoint != null && (scheme == null || !scheme.matches("(?i)https?") || endpoint.getHost() == null)) {
            throw new IllegalArgumentException(option + " '" + endpoint + "' is not an http or https URL such as "
                    + "http://127.0.0.1:8000");
        }
    }

    private FaultPlan faults() {
        try {
            return new FaultPlan(throttleRate, faultRate, Duration.ofMillis(latencyMs), seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).replace("throttleRate", "--throttle-rate")
                    .replace("faultRate", "--fault-rate").replace("latency", "--latency-ms"), e);
        }
    }

    /** The project version, from the jar's manifest (the shaded jar's), or "(unknown version)" on a class path. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = EmulatorCommand.class.getPackage().getImplementationVersion();
            return new String[] {NAME + " " + (version == null ? "(unknown version)" : version)};
        }
    }
}
