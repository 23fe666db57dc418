package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.remove;
import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Record;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;

@ExtendWith(CognitoSyncEmulatorExtension.class)
class RecordsTest {

    private final CognitoSyncClient sync;
    private final CognitoIdentityClient identity;
    private SyncDataset dataset;

    RecordsTest(CognitoSyncClient sync, CognitoIdentityClient identity) {
        this.sync = sync;
        this.identity = identity;
    }

    @BeforeEach
    void newDataset() {
        String pool = Pools.newPool(identity);
        dataset = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "prefs");
    }

    @Test
    void aNeverWrittenDatasetListsAsTheRealServiceShows() {
        ListRecordsResponse listed = dataset.list(0);

        assertThat(listed.records()).isEmpty();
        assertThat(listed.count()).isZero();
        assertThat(listed.datasetExists()).isFalse();
        assertThat(listed.datasetDeletedAfterRequestedSyncCount()).isFalse();
        assertThat(listed.datasetSyncCount()).isZero();
        assertThat(listed.lastModifiedBy()).isNull();
        assertThat(listed.mergedDatasetNames()).isEmpty();
        assertThat(listed.nextToken()).isNull();
        assertThat(listed.syncSessionToken()).isNotBlank();
    }

    @Test
    void eachPushRaisesTheCountByOneAndStampsTheChangedRecords() {
        dataset.push(replace("color", "blue", 0), replace("size", "L", 0));

        List<Record> second = dataset.push(replace("color", "red", 1), remove("size", 1));

        assertThat(second).extracting(Record::key, Record::value, Record::syncCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("color", "red", 2L),
                        org.assertj.core.groups.Tuple.tuple("size", null, 2L));
        ListRecordsResponse all = dataset.list(0);
        assertThat(all.datasetSyncCount()).isEqualTo(2);
        assertThat(all.datasetExists()).isTrue();
        assertThat(all.lastModifiedBy()).isEqualTo("123456789012");
        assertThat(all.records()).extracting(Record::key).containsExactly("color", "size");
    }

    @Test
    void aStalePatchRejectsTheWholePushAndWritesNothing() {
        dataset.push(replace("highScore", "100", 0));
        dataset.push(replace("highScore", "120", 1));

        assertThatThrownBy(() -> dataset.push(replace("other", "x", 0), replace("highScore", "130", 1)))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Current SyncCount for: highScore is: 2 not: 1");
                });
        ListRecordsResponse after = dataset.list(0);
        assertThat(after.datasetSyncCount()).isEqualTo(2);
        assertThat(after.records()).extracting(Record::key, Record::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("highScore", "120"));
    }
}
