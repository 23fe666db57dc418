package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A program that returns from {@code main} without closing its manager ({@link EndingProgram}) ends once the
 * synchronize it started has: the synchronize still runs to its callback, and the manager's idle threads do not keep
 * the JVM alive (a cached thread pool's lingered for a minute).
 */
@ExtendWith(EmulatorsExtension.class)
class ProgramEndTest {

    private static final Pattern IDENTITY = Pattern.compile("identity (\\S+)");

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aProgramEndsOnceItsSynchronizeHasWithoutClose(Backend backend, Emulators emulators, @TempDir Path dir)
            throws Exception {
        ChildJvm.Ended ended = ChildJvm.run(dir.resolve("program.log"), Map.of(), Duration.ofSeconds(30),
                EndingProgram.class, backend.flagValue(), emulators.poolId(), emulators.cognito().endpoint()
                        .toString(), emulators.graphql().toString());

        assertThat(ended.exitCode()).as("the program ended by itself within 30 s:%n%s", ended.output()).isZero();
        assertThat(ended.output()).contains("synchronized at count 1");
        Matcher identity = IDENTITY.matcher(ended.output());
        assertThat(identity.find()).as(ended.output()).isTrue();
        try (CognitoSyncManager other = emulators.device(backend).identityId(identity.group(1)).build()) {
            Dataset dataset = other.openOrCreateDataset("ending");
            sync(dataset);
            assertThat(dataset.get("said")).isEqualTo("goodbye");
        }
    }
}
