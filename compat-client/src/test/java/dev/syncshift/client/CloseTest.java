package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Closing a manager while it synchronizes: the running synchronize ends as usual (close waits for it), the waiting
 * one and any later one end in {@code onFailure}, and other use of the closed manager is an
 * {@link IllegalStateException}.
 */
@ExtendWith(EmulatorsExtension.class)
class CloseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void closeLetsTheRunningSynchronizeEndAndRefusesTheRest(Backend backend, Emulators emulators) throws Exception {
        CountDownLatch pushed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        Path cache = dir.resolve(backend + ".db");
        CognitoSyncManager device = emulators.device(backend).cacheFile(cache)
                .remoteStore((wiring, credentials) -> new HookedRemote(wiring.backendRemote(credentials), () -> {
                    if (first.getAndSet(false)) {
                        pushed.countDown();
                        Latches.await(release);
                    }
                })).build();
        Dataset d = device.openOrCreateDataset("closing");
        d.put("k", "v");
        String identity = device.getIdentityId();
        RecordingCallback running = new RecordingCallback();
        RecordingCallback waiting = new RecordingCallback();
        d.synchronize(running);
        Latches.await(pushed);
        d.synchronize(waiting);

        CompletableFuture<Void> closed = CompletableFuture.runAsync(device::close);
        assertThat(waiting.failed()).hasMessageContaining("closed");
        release.countDown();
        closed.get(60, TimeUnit.SECONDS);

        running.succeeded();
        assertThat(running.terminalCalls()).isEqualTo(1);
        assertThat(waiting.terminalCalls()).isEqualTo(1);
        assertThat(syncFailure(d)).hasMessageContaining("closed");
        assertThatThrownBy(() -> d.put("k", "w")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> device.openOrCreateDataset("other")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> d.subscribe(new DefaultSyncCallback())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> device.subscribeAll(new DefaultSyncCallback()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        device.close();

        try (CognitoSyncManager reopened = emulators.device(backend).cacheFile(cache).build();
                CognitoSyncManager other = emulators.device(backend).identityId(identity).build()) {
            Dataset again = reopened.openOrCreateDataset("closing");
            assertThat(again.isChanged("k")).isFalse();
            Dataset elsewhere = other.openOrCreateDataset("closing");
            sync(elsewhere);
            assertThat(elsewhere.get("k")).isEqualTo("v");
        }
    }
}
