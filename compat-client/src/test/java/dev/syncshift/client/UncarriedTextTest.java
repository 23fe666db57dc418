package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.cache.memory.InMemoryLocalCache;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.RecordKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A local change whose text is not valid Unicode (half an emoji, as AWS's client let an app write and a cache may
 * still hold) cannot be carried by UTF-8. On every backend the synchronize reports it, naming the record, whether the
 * service can be reached or not (the check comes before any network call); online, the dataset's other changes are
 * synchronized all the same, and the record stays a local change until the app corrects it.
 */
@ExtendWith(EmulatorsExtension.class)
class UncarriedTextTest {

    private static final String REPORTED = "A local change was not sent, as UTF-8 cannot carry it: the value of "
            + "record 'title' holds text that is not valid Unicode (an unpaired surrogate, U+D83D, at character 5); "
            + "put a valid value, then synchronize again";

    @ParameterizedTest
    @EnumSource(Backend.class)
    void offlineTheRecordIsReportedRatherThanTheNetwork(Backend backend, Emulators emulators) {
        URI cognitoEndpoint = emulators.cognito().endpoint();
        LocalCache cache = new InMemoryLocalCache();
        try (TcpProxy cognito = TcpProxy.start(cognitoEndpoint, Duration.ZERO);
                TcpProxy appSync = TcpProxy.start(emulators.graphql(), Duration.ZERO);
                CognitoSyncManager device = emulators.device(backend).localCache(cache)
                        .cognitoEndpoint(cognito.uri(cognitoEndpoint)).appSyncEndpoint(appSync.uri(emulators.graphql()))
                        .build()) {
            cognito.dropRate(1);
            appSync.dropRate(1);
            Dataset titles = device.openOrCreateDataset("titles");
            titles.put("fine", "ok");
            leftInTheCache(cache, "title", "cut \ud83d");

            DataStorageException failure = syncFailure(titles);

            assertThat(failure).isNotInstanceOf(NetworkException.class).hasMessageStartingWith(REPORTED);
            assertThat(failure.getCause()).as("why the rest did not synchronize").isInstanceOf(NetworkException.class);
            assertThat(titles.isChanged("title")).isTrue();
            assertThat(titles.isChanged("fine")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlineTheOtherChangesSynchronizeAndTheRecordIsReported(Backend backend, Emulators emulators) {
        LocalCache cache = new InMemoryLocalCache();
        try (CognitoSyncManager device = emulators.device(backend).localCache(cache).build()) {
            Dataset titles = device.openOrCreateDataset("titles");
            titles.put("fine", "ok");
            leftInTheCache(cache, "title", "cut \ud83d");

            DataStorageException failure = syncFailure(titles);

            assertThat(failure).hasMessage(REPORTED).hasNoCause();
            assertThat(titles.isChanged("fine")).isFalse();
            assertThat(titles.isChanged("title")).isTrue();
            try (CognitoSyncManager other = emulators.device(backend).identityId(device.getIdentityId()).build()) {
                Dataset theirs = other.openOrCreateDataset("titles");
                sync(theirs);
                assertThat(theirs.getAll()).isEqualTo(Map.of("fine", "ok"));

                titles.put("title", "whole \ud83d\ude00");
                sync(titles);
                sync(theirs);
                assertThat(theirs.getAll()).isEqualTo(Map.of("fine", "ok", "title", "whole \ud83d\ude00"));
            }
        }
    }

    /** Writes {@code key = value} as a local change of the device's "titles" (no identity yet), unchecked. */
    private static void leftInTheCache(LocalCache cache, String key, @Nullable String value) {
        Map<RecordKey, @Nullable String> values = new LinkedHashMap<>();
        values.put(new RecordKey(key), value);
        cache.putValues(new DatasetKey(LocalCache.UNKNOWN_IDENTITY, new DatasetName("titles")), values,
                Instant.now());
    }
}
