package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against a Cognito Sync that throttles 10% of requests and fails 5% with 500s, and a DynamoDB that cancels three
 * transactions for throttling or a conflicting transaction, a run ends exact and counts the retries; bad arguments
 * are refused with one line and exit 2 before anything is written.
 */
class FaultsAndArgumentsTest {

    static LocalAws aws;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(config -> config.generate(10).identityPoolId(LocalAws.POOL.value()).seed(5)
                .throttleRate(0.10).faultRate(0.05));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void aRunThroughThrottlesAndServerErrorsEndsExactAndCountsRetries() throws IOException {
        aws.dynamoDb().cancelTransactions("ThrottlingError", "TransactionConflict", "ThrottlingError");
        Cli.Result run = Cli.run(args("migrate", "--report", work.resolve("run.json").toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        long records = SourceTruth.assertStoreEqualsSourceAtFullSpeed(aws);
        JsonNode report = report("run.json");
        assertThat(report.path("counts").path("records").asLong()).isEqualTo(records);
        assertThat(report.path("counts").path("recordsWritten").asLong()).isEqualTo(records);
        // The emulator's faults are one seeded sequence of draws, so how many of the run's calls are hit is fixed;
        // which operation's calls they hit depends on the threads' order (a run once had no 500 on ListRecords).
        long throttled = 0;
        long serverErrors = 0;
        for (JsonNode operation : report.path("calls")) {
            assertThat(operation.path("failedAfterRetries").asLong()).isZero();
            throttled += operation.path("throttled").asLong();
            serverErrors += operation.path("serverErrors").asLong();
        }
        JsonNode listRecords = report.path("calls").path("ListRecords");
        assertThat(listRecords.path("retries").asLong())
                .isEqualTo(listRecords.path("throttled").asLong() + listRecords.path("serverErrors").asLong());
        assertThat(throttled).isPositive();
        assertThat(serverErrors).isPositive();
        JsonNode transactions = report.path("calls").path("TransactWriteItems");
        assertThat(transactions.path("retries").asLong()).as(transactions.toString()).isEqualTo(3);
        assertThat(transactions.path("serverErrors").asLong()).as("400s are not server errors").isZero();
        assertThat(run.out()).containsPattern("throttled calls +[1-9]");
    }

    static Stream<List<String>> badArguments() {
        return Stream.of(
                List.of("migrate", "--identity-pool-id", "not-a-pool", "--table", "store"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "x"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--max-rps", "ListRecords=fast"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--max-rps", "Nothing=5"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--max-rps", "ListRecords=NaN"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--max-rps", "ListRecords=10000000000"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--mode", "all"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--role", "boss"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--role",
                        "worker"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--threads",
                        "zero"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--cognito-endpoint", "localhost:4000"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--region",
                        "us_east"),
                List.of("check", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--region", ""),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--dynamodb-endpoint", "ftp://127.0.0.1:1"),
                List.of("check", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--api-id", "a",
                        "--appsync-endpoint", "/relative"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--work-dir", "pom.xml"),
                List.of("verify", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                        "--report", "src"),
                // check runs no job: it has no report, threads or job repository to take options for
                List.of("check", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--report",
                        "check.json"),
                List.of("check", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--threads", "4"),
                List.of("migrate", "--table", "store"),
                List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store", "--bogus"),
                List.of("frobnicate"),
                List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsGetOneLineAndExitTwoAndChangeNothing(List<String> arguments) {
        Cli.Result result = Cli.run(arguments.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).hasSize(2).last().asString().startsWith("Try '");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(Path.of("syncshift-work"))).isFalse();
    }

    /** H2 would read what follows a ';' in its URL as a setting: such a work dir is refused before it is made. */
    @Test
    void aWorkDirHoldingASemicolonIsRefusedBeforeItIsMade() {
        Path dir = work.resolve("semi;colon");

        Cli.Result result = Cli.run("verify", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                "--work-dir", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).contains("syncshift-migrator: the work dir " + dir + " holds a "
                + "';', which the job repository's file name may not hold: choose another (--work-dir)");
        assertThat(dir).doesNotExist();
    }

    /** The same work dir given in a container's environment is refused naming the variable. */
    @Test
    void aWorkDirHoldingASemicolonFromTheEnvironmentIsRefusedNamingTheVariable() throws Exception {
        Path log = work.resolve("run.log");
        Path dir = work.resolve("semi;colon");
        List<String> arguments = new ArrayList<>(List.of(args("migrate")));
        arguments.subList(arguments.indexOf("--work-dir"), arguments.indexOf("--work-dir") + 2).clear();
        Process run = ChildMigrator.start(log, arguments, Map.of("SYNCSHIFT_MIGRATOR_WORK_DIR", dir.toString()));

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().toList()).as(output).containsExactly("syncshift-migrator: the work dir " + dir
                + " holds a ';', which the job repository's file name may not hold: choose another "
                + "(SYNCSHIFT_MIGRATOR_WORK_DIR)");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aBadRateNamesItsOptionOnceAndItsValueAsWritten() {
        List<String> pool = List.of("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "store",
                "--max-rps");

        assertThat(Cli.run(with(pool, "ListRecords=-1")).err().lines().findFirst())
                .hasValue("migrate: --max-rps: ListRecords must be a positive number, not -1");
        assertThat(Cli.run(with(pool, "ListRecords=NaN")).err().lines().findFirst())
                .hasValue("migrate: --max-rps: ListRecords must be a positive number, not NaN");
        assertThat(Cli.run(with(pool, "ListRecords=1e10")).err().lines().findFirst())
                .hasValue("migrate: --max-rps: ListRecords must be at most 1000000000 a second, not 10000000000");
        assertThat(Cli.run(with(pool, "Nothing=5")).err().lines().findFirst()).get().asString()
                .startsWith("migrate: --max-rps: unknown operation 'Nothing' (one of DeleteDataset, "
                        + "DescribeIdentityPool, ");
    }

    @Test
    void aBadTableNameIsToldAsTheVariablesIs() {
        assertThat(Cli.run("migrate", "--identity-pool-id", LocalAws.POOL.value(), "--table", "x").err().lines()
                .findFirst())
                .hasValue("migrate: --table 'x' is not a DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, _ - .)");
    }

    private static String[] with(List<String> arguments, String last) {
        return Stream.concat(arguments.stream(), Stream.of(last)).toArray(String[]::new);
    }

    /**
     * Settings come from the environment too, those without an option included; a bad one is a usage error in one
     * line too, checked as its option would be.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "SYNCSHIFT_MIGRATOR_CHUNK_SIZE|abc|syncshift-migrator: SYNCSHIFT_MIGRATOR_CHUNK_SIZE is 'abc', not a valid "
            + "chunk-size",
        "SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS|0|syncshift-migrator: SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS must be between 1 and "
            + "100, not 0",
        "SYNCSHIFT_MIGRATOR_MAXATTEMPTS|0|syncshift-migrator: SYNCSHIFT_MIGRATOR_MAXATTEMPTS must be between 1 and "
            + "100, not 0",
        "SYNCSHIFT_MIGRATOR_TABEL|store|syncshift-migrator: SYNCSHIFT_MIGRATOR_TABEL names no setting of the migrator: "
            + "an option's name follows SYNCSHIFT_MIGRATOR_ (--max-rps: SYNCSHIFT_MIGRATOR_MAX_RPS); --help lists the "
            + "options",
        "SYNCSHIFT_MIGRATOR_IDENTITIES_FILE|/no/such/ids.txt|syncshift-migrator: SYNCSHIFT_MIGRATOR_IDENTITIES_FILE "
            + "/no/such/ids.txt cannot be read",
        "SYNCSHIFT_MIGRATOR_PROFILE|no-such-profile|syncshift-migrator: SYNCSHIFT_MIGRATOR_PROFILE 'no-such-profile' "
            + "is in neither the AWS config file nor the credentials file",
        "SYNCSHIFT_MIGRATOR_REPORT|/proc/version/report.json|syncshift-migrator: SYNCSHIFT_MIGRATOR_REPORT "
            + "/proc/version/report.json cannot be written: /proc/version is not a folder this user may write to",
        "SYNCSHIFT_MIGRATOR_LOG_FORMAT|xml|syncshift-migrator: SYNCSHIFT_MIGRATOR_LOG_FORMAT takes text or json, not "
            + "'xml'",
        "SYNCSHIFT_MIGRATOR_CLUSTER_ROLE|boss|syncshift-migrator: SYNCSHIFT_MIGRATOR_CLUSTER_ROLE takes local, manager "
            + "or worker, not 'boss'",
        "SYNCSHIFT_MIGRATOR_CLUSTER_ROLE|worker|syncshift-migrator: SYNCSHIFT_MIGRATOR_CLUSTER_ROLE worker needs the "
            + "PostgreSQL job repository it shares: set SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME, "
            + "SPRING_DATASOURCE_PASSWORD)",
        "SPRING_DATASOURCE_URL|jdbc:mysql://127.0.0.1:3306/jobs?password=secret|syncshift-migrator: "
            + "SPRING_DATASOURCE_URL takes a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database), not "
            + "'jdbc:mysql://127.0.0.1:3306/jobs'"})
    void aBadSettingInTheEnvironmentIsOneLineAndExitTwo(String variable, String value, String line) throws Exception {
        Path log = work.resolve("run.log");
        Process run = ChildMigrator.start(log, List.of(args("migrate")), Map.of(variable, value));

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().toList()).as(output).containsExactly(line);
        try (Stream<Path> written = Files.list(work)) {
            assertThat(written).as("nothing but the log in the work dir").containsExactly(log);
        }
    }

    /**
     * A work dir whose disk has less room than a run keeps free for its job repository: one line, exit 3, and no
     * job repository made (H2 meeting a full disk closes its store, and the run's threads then spin in it for ever).
     */
    @Test
    void aWorkDirOnADiskWithoutRoomIsRefusedBeforeTheRunStarts() throws Exception {
        Path log = work.resolve("run.log");
        Process run = ChildMigrator.start(log, List.of(args("migrate")),
                Map.of("SYNCSHIFT_MIGRATOR_WORK_DIR_MIN_FREE_MB", "1000000000000"));

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(3);
        assertThat(output.lines().toList()).as(output).singleElement().asString().matches(
                "syncshift-migrator: the disk of the work dir " + Pattern.quote(work.toString()) + " has [0-9,]+ MB "
                + "free, less than the 1,000,000,000,000 MB a run keeps free for its job repository "
                + "\\(work-dir-min-free-mb\\): free some space, or give another work dir \\(--work-dir\\)");
        try (Stream<Path> written = Files.list(work)) {
            assertThat(written).as("nothing but the log in the work dir").containsExactly(log);
        }
    }

    /** A job repository that does not answer is named, without the parameters of its URL (they may hold a password). */
    @Test
    void aJobRepositoryThatDoesNotAnswerIsNamedInOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/jobs";
        Path log = work.resolve("run.log");
        Process run = ChildMigrator.start(log, List.of(args("migrate")),
                Map.of("SPRING_DATASOURCE_URL", url + "?password=secret"));

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(output.lines().toList()).as(output).containsExactly("syncshift-migrator: the job repository " + url
                + " cannot be used: Connection refused");
    }

    /** An option given on the command line wins over the environment; the environment sets what was not given. */
    @Test
    void anOptionGivenWinsOverTheEnvironment() throws Exception {
        Path log = work.resolve("run.log");
        Process run = ChildMigrator.start(log, List.of(args("migrate", "--dry-run")),
                Map.of("SYNCSHIFT_MIGRATOR_TABLE", "no-such-table", "SYNCSHIFT_MIGRATOR_THREADS", "many"));

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("no-such-table", "many");
    }

    /**
     * A container gives every setting in its environment, the required pool and table and the log format included;
     * without them anywhere, the usage error names both ways of giving them.
     */
    @Test
    void aRunMayTakeEverySettingFromTheEnvironment() throws Exception {
        Path log = work.resolve("run.log");
        Process run = ChildMigrator.start(log, List.of("migrate", "--dry-run"), Map.of(
                "SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID", LocalAws.POOL.value(),
                "SYNCSHIFT_MIGRATOR_TABLE", LocalAws.TABLE,
                "SYNCSHIFT_MIGRATOR_COGNITO_ENDPOINT", aws.cognito().endpoint().toString(),
                "SYNCSHIFT_MIGRATOR_DYNAMODB_ENDPOINT", aws.dynamoDb().endpoint().toString(),
                "SYNCSHIFT_MIGRATOR_REGION", "us-east-1",
                "SYNCSHIFT_MIGRATOR_WORK_DIR", work.resolve("work").toString(),
                "SYNCSHIFT_MIGRATOR_PROGRESS", "off",
                "SYNCSHIFT_MIGRATOR_LOG_FORMAT", "json"));

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains(" of " + LocalAws.POOL.value() + ", run 1: COMPLETED")
                .containsPattern("(?m)^\\{\"@timestamp\":.*\"message\":\"Starting run 1 of pool ");
        assertThat(Cli.run("migrate").err().lines().findFirst()).hasValue("migrate: Missing required options: "
                + "'--identity-pool-id=ID' (or SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID), '--table=NAME' (or "
                + "SYNCSHIFT_MIGRATOR_TABLE)");
    }

    /**
     * The required pool and table may come from the environment; a bad one there is named as it was given, as is a
     * bad region where no option gives one.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "SYNCSHIFT_MIGRATOR_REGION|us east|syncshift-migrator: SYNCSHIFT_MIGRATOR_REGION 'us east' is not a region "
            + "name such as eu-west-1",
        "SYNCSHIFT_MIGRATOR_TABLE|x|syncshift-migrator: SYNCSHIFT_MIGRATOR_TABLE 'x' is not a DynamoDB table name "
            + "(3 to 255 of a-z, A-Z, 0-9, _ - .)",
        "SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID|pool-1|syncshift-migrator: SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID: 1 "
            + "validation error detected: Value 'pool-1' at 'identityPoolId' failed to satisfy constraint: Member "
            + "must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"})
    void aBadPoolOrTableInTheEnvironmentIsNamedAsGiven(String variable, String value, String line) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("SYNCSHIFT_MIGRATOR_IDENTITY_POOL_ID",
                LocalAws.POOL.value(), "SYNCSHIFT_MIGRATOR_TABLE", LocalAws.TABLE));
        environment.put(variable, value);
        Path log = work.resolve("run.log");
        Process run = ChildMigrator.start(log, List.of("migrate", "--dry-run"), environment);

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().toList()).as(output).containsExactly(line);
    }

    /** {@code check} binds the environment as the runs do: a rate from there is used, a bad setting refused. */
    @Test
    void checkReadsTheEnvironmentAsTheRunsDo() throws Exception {
        List<String> check = checkArgs();
        Path log = work.resolve("check.log");
        Process limited = ChildMigrator.start(log, check, Map.of("SYNCSHIFT_MIGRATOR_MAX_RPS", "ListIdentities=2.5"));
        Path badLog = work.resolve("bad.log");
        Process refused = ChildMigrator.start(badLog, check, Map.of("SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS", "0"));
        Path ids = Files.writeString(work.resolve("ids.txt"), "not an id\n");
        Path badFileLog = work.resolve("bad-file.log");
        Process badFile = ChildMigrator.start(badFileLog, check,
                Map.of("SYNCSHIFT_MIGRATOR_IDENTITIES_FILE", ids.toString()));

        assertThat(limited.waitFor(2, TimeUnit.MINUTES) && refused.waitFor(2, TimeUnit.MINUTES)
                && badFile.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(limited.exitValue()).as(output).isZero();
        assertThat(output).contains("estimate: ListIdentities at 2.5/s lists 150 identities a second");
        String bad = Files.readString(badLog);
        assertThat(refused.exitValue()).as(bad).isEqualTo(2);
        assertThat(bad.lines().toList()).as(bad).containsExactly(
                "syncshift-migrator: SYNCSHIFT_MIGRATOR_MAX_ATTEMPTS must be between 1 and 100, not 0");
        String badFileOutput = Files.readString(badFileLog);
        assertThat(badFile.exitValue()).as(badFileOutput).isEqualTo(2);
        assertThat(badFileOutput.lines().toList()).as(badFileOutput).containsExactly("syncshift-migrator: "
                + "SYNCSHIFT_MIGRATOR_IDENTITIES_FILE: " + ids + " line 1: 1 validation error detected: Value 'not an "
                + "id' at 'identityId' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\w-]+:[0-9a-f-]+");
    }

    /** {@code check}'s own settings from the environment are checked as its options are, and named as given. */
    @Test
    void checkNamesABadAppSyncEndpointFromTheEnvironment() throws Exception {
        Path log = work.resolve("check-endpoint.log");
        Process check = ChildMigrator.start(log, checkArgs(), Map.of("SYNCSHIFT_MIGRATOR_API_ID", "abc",
                "SYNCSHIFT_MIGRATOR_APPSYNC_ENDPOINT", "localhost:8080"));

        assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(check.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().toList()).as(output).containsExactly("syncshift-migrator: "
                + "SYNCSHIFT_MIGRATOR_APPSYNC_ENDPOINT 'localhost:8080' is not an http or https URL such as "
                + "https://host:port");
    }

    /** One rule for the log format, whether the option or the variable gives it (the variable's row is above). */
    @Test
    void aBadLogFormatOnTheCommandLineIsToldAsTheVariablesIs() {
        assertThat(Cli.run(args("migrate", "--log-format", "xml")).err().lines().findFirst())
                .hasValue("migrate: --log-format takes text or json, not 'xml'");
        assertThat(Cli.run("verify", "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE,
                "--progress", "sometimes").err().lines().findFirst())
                .hasValue("verify: --progress takes auto, bar, lines or off, not 'sometimes'");
    }

    /** The work dir may come from the environment: the job repository goes there, and no other folder is made. */
    @Test
    void aWorkDirFromTheEnvironmentIsTheOnlyOneMade() throws Exception {
        Path log = work.resolve("run.log");
        Path fromEnvironment = work.resolve("from-environment");
        List<String> arguments = new ArrayList<>(List.of(args("migrate", "--dry-run")));
        arguments.subList(arguments.indexOf("--work-dir"), arguments.indexOf("--work-dir") + 2).clear();
        Process run = ChildMigrator.start(log, arguments,
                Map.of("SYNCSHIFT_MIGRATOR_WORK_DIR", fromEnvironment.toString()));

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(fromEnvironment.resolve("job-repository.mv.db")).exists();
        assertThat(Path.of("syncshift-work")).as("the option's default folder").doesNotExist();
    }

    @Test
    void anUnknownTableIsRefusedBeforeAnythingIsWrittenWithTheUnavailableCode() {
        Cli.Result result = Cli.run(replaceTable(args("migrate"), "no-such-table"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("table no-such-table does not exist").doesNotContain("\tat ");
        assertThat(aws.dynamoDbClient().listTables().tableNames()).containsExactly(LocalAws.TABLE);
    }

    @Test
    void helpAndVersionPrintAndExitZero() {
        assertThat(Cli.run("--help").out()).contains("migrate", "verify", "check");
        assertThat(Cli.run("migrate", "--help").out()).contains("--identity-pool-id", "--max-rps", "--dry-run");
        assertThat(Cli.run("--version")).satisfies(r -> {
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("syncshift-migrator");
        });
    }

    private List<String> checkArgs() {
        return List.of("check", "--identity-pool-id", LocalAws.POOL.value(), "--table", LocalAws.TABLE,
                "--cognito-endpoint", aws.cognito().endpoint().toString(), "--dynamodb-endpoint",
                aws.dynamoDb().endpoint().toString(), "--region", "us-east-1");
    }

    private String[] args(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--identity-pool-id", LocalAws.POOL.value(),
                "--table", LocalAws.TABLE, "--cognito-endpoint", aws.cognito().endpoint().toString(),
                "--dynamodb-endpoint", aws.dynamoDb().endpoint().toString(), "--region", "us-east-1",
                "--work-dir", work.toString(), "--threads", "4", "--progress", "off"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] replaceTable(String[] args, String table) {
        String[] copy = args.clone();
        for (int i = 0; i < copy.length - 1; i++) {
            if ("--table".equals(copy[i])) {
                copy[i + 1] = table;
            }
        }
        return copy;
    }

    private JsonNode report(String name) throws IOException {
        return new ObjectMapper().readTree(work.resolve(name).toFile());
    }
}
