package dev.syncshift.emulator.cognitosync;

import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The emulator's command line, parsed with picocli. Options left out keep the defaults of
 * {@link CognitoSyncEmulatorConfig.Builder}; {@code --help} and {@code --version} print and exit 0; a bad option or
 * value is one line on stderr and exit code 2.
 */
@Command(name = EmulatorCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = EmulatorCommand.Version.class, usageHelpAutoWidth = true,
        description = "A local Amazon Cognito Sync and Cognito Identity for the AWS SDKs, on one endpoint.")
final class EmulatorCommand {

    static final String NAME = "cognito-sync-emulator";
    static final int USAGE_ERROR = 2;
    /** The config builder's setters whose checks can refuse a value, and their options. */
    private static final Map<String, String> OPTION_NAMES = Map.of("port", "--port", "accountId", "--account-id",
            "maxBodyBytes", "--max-body-bytes", "throttleRps", "--throttle-rps", "throttleRate", "--throttle-rate",
            "faultRate", "--fault-rate", "latency", "--latency-ms", "generate", "--generate", "identityPoolId",
            "--identity-pool-id");

    @Option(names = "--port", paramLabel = "N", description = "Port to bind, 0 for a free one (default 0).")
    private @Nullable Integer port;
    @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (default 127.0.0.1).")
    private @Nullable String host;
    @Option(names = "--region", paramLabel = "R",
            description = "Region of generated ids, and the one strict auth takes signatures for (default us-east-1).")
    private @Nullable String region;
    @Option(names = "--account-id", paramLabel = "ID", description = "Developer account id (default 123456789012).")
    private @Nullable String accountId;
    @Option(names = "--seed", paramLabel = "S", description = "Seed of ids, tokens, faults and --generate (default 1).")
    private @Nullable Long seed;
    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Request body cap (default 16 MiB).")
    private @Nullable Integer maxBodyBytes;
    @Option(names = "--throttle-rps", paramLabel = "N|OP=N,...", description = "Requests per second before "
            + "TooManyRequestsException: N for every operation, or per operation, e.g. "
            + "ListIdentities=5,ListRecords=50.")
    private @Nullable String throttleRps;
    @Option(names = "--throttle-rate", paramLabel = "F", description = "Probability (0..1) that an admitted request "
            + "is throttled anyway.")
    private @Nullable Double throttleRate;
    @Option(names = "--fault-rate", paramLabel = "F", description = "Probability (0..1) that an admitted request fails "
            + "with 500 InternalErrorException.")
    private @Nullable Double faultRate;
    @Option(names = "--latency-ms", paramLabel = "N", description = "Milliseconds added to every request.")
    private @Nullable Long latencyMs;
    @Option(names = "--fixture", paramLabel = "FILE", description = "Fixture file to load at startup.")
    private @Nullable Path fixture;
    @Option(names = "--generate", paramLabel = "N", description = "Generate a pool of N identities (needs "
            + "--identity-pool-id).")
    private @Nullable Integer generate;
    @Option(names = "--generate-shape", paramLabel = "DxR", description = "Give every generated identity D plain "
            + "datasets of R records (e.g. 3x20) instead of the edge-case mix.")
    private @Nullable String generateShape;
    @Option(names = "--identity-pool-id", paramLabel = "ID", description = "Id of the generated pool.")
    private @Nullable String identityPoolId;
    @Option(names = "--export-on-exit", paramLabel = "FILE", description = "Export the state as a fixture on exit.")
    private @Nullable Path exportOnExit;
    @Option(names = "--strict-auth", description = "Verify every SigV4 signature.")
    private boolean strictAuth;
    @Option(names = "--developer-key", paramLabel = "ID:SECRET", description = "A developer key strict auth accepts "
            + "(repeatable; default AKIASYNCSHIFTLOCAL01:syncshift-local-developer-secret).")
    private List<String> developerKeys = new ArrayList<>();

    private EmulatorCommand() {
    }

    /** What the command line asks for: start an emulator, or exit with a code. */
    sealed interface Outcome {
        /** Start an emulator with this config. */
        record Start(CognitoSyncEmulatorConfig config) implements Outcome {
        }

        /** Exit at once with this code (help and version 0, usage errors 2). */
        record Exit(int code) implements Outcome {
        }
    }

    /**
     * Parses {@code args}, printing help or version to {@code out} and a one-line usage error to {@code err}.
     */
    static Outcome run(String[] args, PrintWriter out, PrintWriter err) {
        EmulatorCommand command = new EmulatorCommand();
        CommandLine cli = new CommandLine(command).setOut(out).setErr(err);
        try {
            if (CommandLine.printHelpIfRequested(cli.parseArgs(args))) {
                return new Outcome.Exit(0);
            }
            return new Outcome.Start(command.config());
        } catch (CommandLine.ParameterException e) {
            return usageError(err, String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            return usageError(err, inOptionTerms(String.valueOf(e.getMessage())));
        }
    }

    private static Outcome usageError(PrintWriter err, String message) {
        err.println(NAME + ": " + message + " (see --help)");
        err.flush();
        return new Outcome.Exit(USAGE_ERROR);
    }

    /**
     * The config {@code args} ask for.
     *
     * @throws IllegalArgumentException with a one-line message when an option or its value is bad
     */
    static CognitoSyncEmulatorConfig parse(String... args) {
        EmulatorCommand command = new EmulatorCommand();
        try {
            new CommandLine(command).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.config();
    }

    private CognitoSyncEmulatorConfig config() {
        CognitoSyncEmulatorConfig.Builder config = CognitoSyncEmulatorConfig.builder();
        set(port, config::port);
        set(host, config::host);
        set(region, config::region);
        set(accountId, config::accountId);
        set(seed, config::seed);
        set(maxBodyBytes, config::maxBodyBytes);
        set(throttleRps, list -> throttleRps(config, list));
        set(throttleRate, config::throttleRate);
        set(faultRate, config::faultRate);
        set(latencyMs, config::latencyMs);
        set(fixture, file -> config.fixture(readable(file)));
        set(generate, config::generate);
        if (generateShape != null) {
            config.generateShape(SyntheticPool.Shape.parse(generateShape));
        }
        set(identityPoolId, config::identityPoolId);
        set(exportOnExit, file -> config.exportOnExit(writableLater(file)));
        config.strictAuth(strictAuth);
        developerKeys.forEach(pair -> developerKey(config, pair));
        return config.build();
    }

    /**
     * A message of the config builder with its setters' names as the command line spells them: "faultRate must be
     * between 0 and 1" is about {@code --fault-rate}.
     */
    static String inOptionTerms(String message) {
        String result = message;
        for (Map.Entry<String, String> name : OPTION_NAMES.entrySet()) {
            result = result.replaceAll("(?<![-\\w])" + name.getKey() + "\\b", name.getValue());
        }
        return result;
    }

    private static Path readable(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--fixture " + file + " cannot be read");
        }
        return file;
    }

    /** The export is written when the emulator stops: a directory that is not there should fail now, not then. */
    private static Path writableLater(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--export-on-exit " + file + ": no directory " + directory);
        }
        return file;
    }

    private static <T> void set(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** {@code N} for every operation, or {@code Op=N,Op=N} per operation (a bare {@code N} in the list sets all). */
    private static void throttleRps(CognitoSyncEmulatorConfig.Builder config, String list) {
        for (String item : list.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                config.throttleRps(number(item));
            } else {
                config.throttleRps(item.substring(0, equals).strip(), number(item.substring(equals + 1)));
            }
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--throttle-rps needs N or OPERATION=N,..., not '" + text + "'", e);
        }
    }

    private static void developerKey(CognitoSyncEmulatorConfig.Builder config, String pair) {
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            throw new IllegalArgumentException("--developer-key needs ACCESS_KEY_ID:SECRET");
        }
        config.developerKey(pair.substring(0, colon), pair.substring(colon + 1));
    }

    /** The project version, from the {@code version.properties} the build writes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = EmulatorCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {NAME + " " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
