package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.fixture.SyntheticPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command-line options of faults and state map onto the config as FIXTURES.md says. */
class FaultAndStateOptionsTest {

    private static final String POOL = "us-east-1:00000000-0000-4000-8000-000000000001";

    @Test
    void faultOptionsFillTheFaultPlan() {
        CognitoSyncEmulatorConfig config = EmulatorCommand.parse(new String[] {
            "--throttle-rps", "2.5", "--fault-rate", "0.1", "--latency-ms", "20", "--seed", "9"});

        assertThat(config.faults().throttleRps()).isEqualTo(2.5);
        assertThat(config.faults().faultRate()).isEqualTo(0.1);
        assertThat(config.faults().latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.seed()).isEqualTo(9);
    }

    @Test
    void throttleOptionsTakeARateForAllOrPerOperationAndAThrottleRate() {
        CognitoSyncEmulatorConfig config = EmulatorCommand.parse(new String[] {
            "--throttle-rps", "ListIdentities=5,ListRecords=50", "--throttle-rate", "0.1", "--fault-rate", "0.05"});

        assertThat(config.faults().operationRps()).isEqualTo(Map.of("ListIdentities", 5.0, "ListRecords", 50.0));
        assertThat(config.faults().rps("ListIdentities")).isEqualTo(5);
        assertThat(config.faults().rps("UpdateRecords")).isZero();
        assertThat(config.faults().throttleRate()).isEqualTo(0.1);
        assertThat(config.faults().faultRate()).isEqualTo(0.05);
    }

    @ParameterizedTest(name = "--throttle-rps {0}")
    @CsvSource(delimiter = '|', value = {
        "ListRecord=5|throttleRps names an unknown operation: ListRecord",
        "ListRecords=x|--throttle-rps needs N or OPERATION=N,..., not 'x'",
        "ListRecords=-1|throttleRps of ListRecords must be a positive number, not -1",
        "fast|--throttle-rps needs N or OPERATION=N,..., not 'fast'"})
    void aBadThrottleIsRefusedInOneLine(String value, String message) {
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--throttle-rps", value}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void stateOptionsFillTheStatePlanWithTheSeed(@TempDir Path dir) throws IOException {
        Path fixture = Files.writeString(dir.resolve("in.json"), "{}");

        CognitoSyncEmulatorConfig config = EmulatorCommand.parse(new String[] {
            "--fixture", fixture.toString(), "--generate", "12", "--identity-pool-id", POOL, "--seed", "3",
            "--export-on-exit", "out.json"});

        assertThat(config.state().fixture()).isEqualTo(fixture);
        assertThat(config.state().synthetic()).isEqualTo(new SyntheticPool(12, new IdentityPoolId(POOL), 3));
        assertThat(config.state().exportOnExit()).isEqualTo(Path.of("out.json"));
    }

    @Test
    void noOptionsMeanNoFaultsAndAnEmptyStart() {
        CognitoSyncEmulatorConfig config = EmulatorCommand.parse(new String[0]);

        assertThat(config.faults().isNone()).isTrue();
        assertThat(config.state().fixture()).isNull();
        assertThat(config.state().synthetic()).isNull();
        assertThat(config.state().exportOnExit()).isNull();
    }

    @Test
    void generateWithoutAPoolIdIsRefused() {
        assertThatThrownBy(() -> EmulatorCommand.parse(new String[] {"--generate", "5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("generate needs an identityPoolId");
    }
}
