package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line as a user meets it: what it prints to stdout and stderr, and the exit code. */
class EmulatorCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Arguments a user got wrong and the one line that tells them. */
    record Misuse(String[] args, String line) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Misuse> misuses() {
        String see = " (see --help)";
        return Stream.of(
                new Misuse(new String[] {"--port", "abc"},
                        "cognito-sync-emulator: Invalid value for option '--port': 'abc' is not an int" + see),
                new Misuse(new String[] {"--bogus"}, "cognito-sync-emulator: Unknown option: '--bogus'" + see),
                new Misuse(new String[] {"--seed"},
                        "cognito-sync-emulator: Missing required parameter for option '--seed' (S)" + see),
                new Misuse(new String[] {"--port", "70000"},
                        "cognito-sync-emulator: --port must be between 0 and 65535, not 70000" + see),
                new Misuse(new String[] {"--throttle-rps", "ListRecord=5"},
                        "cognito-sync-emulator: --throttle-rps names an unknown operation: ListRecord" + see),
                new Misuse(new String[] {"--throttle-rps", "ListRecords=fast"},
                        "cognito-sync-emulator: --throttle-rps needs N or OPERATION=N,..., not 'fast'" + see),
                new Misuse(new String[] {"--fault-rate", "2"},
                        "cognito-sync-emulator: --fault-rate must be between 0 and 1, not 2" + see),
                new Misuse(new String[] {"--generate", "5"},
                        "cognito-sync-emulator: --generate needs an --identity-pool-id" + see),
                new Misuse(new String[] {"--developer-key", "nocolon"},
                        "cognito-sync-emulator: --developer-key needs ACCESS_KEY_ID:SECRET" + see),
                new Misuse(new String[] {"--fixture", "/no/such/fixture.json"},
                        "cognito-sync-emulator: --fixture /no/such/fixture.json cannot be read" + see),
                new Misuse(new String[] {"--throttle-rps", "-1"},
                        "cognito-sync-emulator: --throttle-rps must be 0 (off) or a positive number, not -1" + see),
                new Misuse(new String[] {"--throttle-rate", "0.6", "--fault-rate", "0.6"},
                        "cognito-sync-emulator: --throttle-rate + --fault-rate must not exceed 1, not 1.2" + see),
                new Misuse(new String[] {"--latency-ms", "-3"},
                        "cognito-sync-emulator: --latency-ms must be 0 ms or more, not -3 ms" + see),
                new Misuse(new String[] {"--max-body-bytes", "0"},
                        "cognito-sync-emulator: --max-body-bytes must be positive, not 0" + see),
                new Misuse(new String[] {"--account-id", "acct"},
                        "cognito-sync-emulator: --account-id must be 12 digits, not 'acct'" + see),
                new Misuse(new String[] {"--export-on-exit", "/no/such/dir/state.json"},
                        "cognito-sync-emulator: --export-on-exit /no/such/dir/state.json: no directory /no/such/dir"
                                + see));
    }

    @Test
    void helpListsEveryOptionOnStdoutAndExitsZero() {
        EmulatorCommand.Outcome outcome = run("--help");

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Exit(0));
        assertThat(out.toString()).startsWith("Usage: cognito-sync-emulator").contains("--port=N", "--host=ADDR",
                "--region=R", "--account-id=ID", "--seed=S", "--max-body-bytes=N", "--throttle-rps=N|OP=N,...",
                "--throttle-rate=F", "--fault-rate=F", "--latency-ms=N", "--fixture=FILE", "--generate=N",
                "--identity-pool-id=ID", "--export-on-exit=FILE", "--strict-auth", "--developer-key=ID:SECRET",
                "--version");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() {
        EmulatorCommand.Outcome outcome = run("--version");

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Exit(0));
        assertThat(out.toString()).matches("cognito-sync-emulator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void aBadOptionOrValueIsOneLineOnStderrAndExitCodeTwo(Misuse misuse) {
        EmulatorCommand.Outcome outcome = run(misuse.args());

        assertThat(outcome).isEqualTo(new EmulatorCommand.Outcome.Exit(2));
        assertThat(err.toString()).isEqualTo(misuse.line() + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void goodOptionsStartAnEmulatorWithThem() {
        EmulatorCommand.Outcome outcome = run("--port", "0", "--throttle-rps", "20,ListIdentities=5", "--strict-auth");

        assertThat(outcome).isInstanceOfSatisfying(EmulatorCommand.Outcome.Start.class, start -> {
            assertThat(start.config().faults().rps("ListIdentities")).isEqualTo(5);
            assertThat(start.config().faults().rps("ListRecords")).isEqualTo(20);
            assertThat(start.config().strictAuth()).isTrue();
        });
        assertThat(out.toString() + err).isEmpty();
    }

    private EmulatorCommand.Outcome run(String... args) {
        return EmulatorCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
