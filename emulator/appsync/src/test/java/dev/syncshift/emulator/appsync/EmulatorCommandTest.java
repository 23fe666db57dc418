package dev.syncshift.emulator.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.fault.FaultPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line as a user meets it: what it prints to stdout and stderr, and the exit code. */
class EmulatorCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Arguments a user got wrong and the one line that tells them. */
    record Misuse(String[] args, String line) {
        @Override
        public String toString() {
            return args.length == 0 ? "(no arguments)" : String.join(" ", args);
        }
    }

    static Stream<Misuse> misuses() {
        String see = " (see --help)";
        return Stream.of(
                new Misuse(new String[] {}, "appsync-emulator: Missing required option: '--template=FILE'" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--port", "abc"},
                        "appsync-emulator: Invalid value for option '--port': 'abc' is not an int" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--bogus"},
                        "appsync-emulator: Unknown option: '--bogus'" + see),
                new Misuse(new String[] {"--template"},
                        "appsync-emulator: Missing required parameter for option '--template' (FILE)" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--port", "70000"},
                        "appsync-emulator: --port must be between 0 and 65535, not 70000" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--keep-alive-seconds", "0"},
                        "appsync-emulator: --keep-alive-seconds must be positive, not 0" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--throttle-rate", "1.5"},
                        "appsync-emulator: --throttle-rate must be between 0 and 1, not 1.5" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--throttle-rate", "0.6", "--fault-rate", "0.6"},
                        "appsync-emulator: --throttle-rate + --fault-rate must not exceed 1, not 1.2" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--latency-ms", "-1"},
                        "appsync-emulator: --latency-ms must be 0 ms or more, not -1 ms" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--dynamodb-endpoint", "localhost:8000"},
                        "appsync-emulator: --dynamodb-endpoint 'localhost:8000' is not an http or https URL such as "
                                + "http://127.0.0.1:8000" + see),
                new Misuse(new String[] {"--template", "t.yaml", "--cognito-endpoint", "/cognito"},
                        "appsync-emulator: --cognito-endpoint '/cognito' is not an http or https URL such as "
                                + "http://127.0.0.1:8000" + see));
    }

    @Test
    void helpListsEveryOptionOnStdoutAndExitsZero() {
        EmulatorCommand.Outcome outcome = run("--help");

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Exit(0));
        assertThat(out.toString()).startsWith("Usage: appsync-emulator").contains("--template=FILE", "--port=N",
                "--host=ADDR", "--credentials=FILE", "--dynamodb-endpoint=URL", "--region=R",
                "--keep-alive-seconds=N", "--cognito-endpoint=URL", "--throttle-rate=F", "--fault-rate=F",
                "--latency-ms=N", "--seed=S", "--version");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void versionPrintsOneLineAndExitsZero() {
        EmulatorCommand.Outcome outcome = run("--version");

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Exit(0));
        assertThat(out.toString()).startsWith("appsync-emulator ").hasLineCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void aBadArgumentIsOneLineOnStderrAndExitCodeTwo(Misuse misuse) {
        EmulatorCommand.Outcome outcome = run(misuse.args());

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Exit(2));
        assertThat(err.toString()).isEqualTo(misuse.line() + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsOneLineAndExitCodeTwo() throws IOException {
        Path template = Files.writeString(dir.resolve("t.yaml"), "Resources: {}\n");

        EmulatorCommand.Outcome missingTemplate = run("--template", "missing.yaml");
        EmulatorCommand.Outcome missingCredentials = run("--template", template.toString(), "--credentials",
                dir.resolve("missing.json").toString());

        assertThat(missingTemplate).isEqualTo(new EmulatorCommand.Outcome.Exit(2));
        assertThat(missingCredentials).isEqualTo(new EmulatorCommand.Outcome.Exit(2));
        assertThat(err.toString().lines()).containsExactly(
                "appsync-emulator: --template missing.yaml cannot be read (see --help)",
                "appsync-emulator: --credentials " + dir.resolve("missing.json") + " cannot be read (see --help)");
    }

    @Test
    void optionsLeftOutKeepTheDefaults() throws IOException {
        Path template = Files.writeString(dir.resolve("t.yaml"), "Resources: {}\n");

        EmulatorCommand.Outcome outcome = run("--template", template.toString());

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Start(new AppSyncEmulatorConfig(template,
                "127.0.0.1", 0, null, null, "us-east-1", Duration.ofSeconds(60), null)));
    }

    @Test
    void everyOptionReachesTheConfig() throws IOException {
        Path template = Files.writeString(dir.resolve("t.yaml"), "Resources: {}\n");
        Path credentials = Files.writeString(dir.resolve("c.json"), "{\"credentials\": []}\n");

        EmulatorCommand.Outcome outcome = run("--template", template.toString(), "--port", "8080", "--host",
                "0.0.0.0", "--credentials", credentials.toString(), "--dynamodb-endpoint", "http://127.0.0.1:8000",
                "--region", "eu-west-1",
                "--keep-alive-seconds", "5", "--cognito-endpoint", "http://127.0.0.1:9000", "--throttle-rate", "0.1",
                "--fault-rate", "0.05", "--latency-ms", "20", "--seed", "7");

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Start(new AppSyncEmulatorConfig(template,
                "0.0.0.0", 8080, credentials, URI.create("http://127.0.0.1:8000"), "eu-west-1",
                Duration.ofSeconds(5), URI.create("http://127.0.0.1:9000"))
                .withFaults(new FaultPlan(0.1, 0.05, Duration.ofMillis(20), 7))));
    }

    private EmulatorCommand.Outcome run(String... args) {
        return EmulatorCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
