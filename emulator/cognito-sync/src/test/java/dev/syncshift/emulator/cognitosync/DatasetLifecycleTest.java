package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.remove;
import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.Dataset;
import software.amazon.awssdk.services.cognitosync.model.ListDatasetsResponse;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.Record;

/** Delta pulls, tombstones, metadata, deletion and re-creation, and paging, as a sync client sees them. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class DatasetLifecycleTest {

    private final CognitoSyncClient sync;
    private final CognitoIdentityClient identity;
    private SyncDataset dataset;

    DatasetLifecycleTest(CognitoSyncClient sync, CognitoIdentityClient identity) {
        this.sync = sync;
        this.identity = identity;
    }

    @BeforeEach
    void newDataset() {
        String pool = Pools.newPool(identity);
        dataset = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "game.state:v1");
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
                .containsExactly(tuple("color", "red", 2L), tuple("size", null, 2L));
        ListRecordsResponse all = dataset.list(0);
        assertThat(all.datasetSyncCount()).isEqualTo(2);
        assertThat(all.datasetExists()).isTrue();
        assertThat(all.lastModifiedBy()).isEqualTo("123456789012");
        assertThat(all.records()).extracting(Record::key).containsExactly("color", "size");
    }

    @Test
    void aDeltaPullReturnsOnlyLaterChangesTombstonesIncluded() {
        dataset.push(replace("a", "1", 0), replace("b", "1", 0), replace("c", "1", 0));
        dataset.push(replace("a", "2", 1));
        dataset.push(remove("b", 1));

        ListRecordsResponse delta = dataset.list(1);

        assertThat(delta.datasetSyncCount()).isEqualTo(3);
        assertThat(delta.records()).extracting(Record::key, Record::value, Record::syncCount)
                .containsExactly(tuple("a", "2", 2L), tuple("b", null, 3L));
        assertThat(dataset.list(3).records()).isEmpty();
    }

    @Test
    void describeCountsLiveRecordsAndTheirUtf8Bytes() {
        dataset.push(replace("name", "Zoë", 0), replace("gone", "x", 0));
        dataset.push(remove("gone", 1));

        Dataset described = dataset.describe();

        assertThat(described.numRecords()).isEqualTo(1);
        assertThat(described.dataStorage()).isEqualTo("name".length() + "Zoë".getBytes(UTF_8).length);
        assertThat(described.datasetName()).isEqualTo("game.state:v1");
        assertThat(described.lastModifiedBy()).isEqualTo("123456789012");
        assertThat(described.creationDate()).isBeforeOrEqualTo(described.lastModifiedDate());
    }

    @Test
    void aDeletedDatasetIsReportedByFlagsAndARecreatedOneContinuesItsCount() {
        dataset.push(replace("a", "1", 0));
        dataset.push(replace("a", "2", 1));

        Dataset deleted = dataset.delete();

        assertThat(deleted.numRecords()).isEqualTo(1);
        assertThat(dataset.datasetNames()).doesNotContain(dataset.name());
        ListRecordsResponse afterDelete = dataset.list(2);
        assertThat(afterDelete.datasetExists()).isFalse();
        assertThat(afterDelete.datasetDeletedAfterRequestedSyncCount()).isTrue();
        assertThat(afterDelete.records()).isEmpty();

        List<Record> recreated = dataset.push(replace("b", "new", 0));

        assertThat(recreated).extracting(Record::syncCount).containsExactly(3L);
        ListRecordsResponse oldDevice = dataset.list(2);
        assertThat(oldDevice.datasetExists()).isTrue();
        assertThat(oldDevice.datasetDeletedAfterRequestedSyncCount()).isTrue();
        assertThat(oldDevice.records()).extracting(Record::key).containsExactly("b");
        assertThat(dataset.list(3).datasetDeletedAfterRequestedSyncCount()).isFalse();
        assertThat(dataset.list(0).datasetDeletedAfterRequestedSyncCount()).isFalse();
    }

    @Test
    void listRecordsPagesThroughEveryRecordOnce() {
        dataset.pushAll(10, 0);
        dataset.push(replace("k3", "again", 1));

        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListRecordsResponse page = dataset.listPage(0, 3, token);
            page.records().forEach(r -> keys.add(r.key()));
            assertThat(page.count()).isEqualTo(page.records().size());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(4);
        assertThat(keys).hasSize(10).doesNotHaveDuplicates().endsWith("k3");
    }

    @Test
    void listDatasetsPagesByName() {
        IntStream.range(0, 5).forEach(i -> dataset.other("ds" + i).push(replace("k", "v", 0)));

        ListDatasetsResponse first = sync.listDatasets(r -> r.identityPoolId(dataset.poolId())
                .identityId(dataset.identityId()).maxResults(2));
        ListDatasetsResponse second = sync.listDatasets(r -> r.identityPoolId(dataset.poolId())
                .identityId(dataset.identityId()).maxResults(2).nextToken(first.nextToken()));
        ListDatasetsResponse third = sync.listDatasets(r -> r.identityPoolId(dataset.poolId())
                .identityId(dataset.identityId()).maxResults(2).nextToken(second.nextToken()));

        assertThat(first.datasets()).extracting(Dataset::datasetName).containsExactly("ds0", "ds1");
        assertThat(first.count()).isEqualTo(2);
        assertThat(second.datasets()).extracting(Dataset::datasetName).containsExactly("ds2", "ds3");
        assertThat(third.datasets()).extracting(Dataset::datasetName).containsExactly("ds4");
        assertThat(third.nextToken()).isNull();
    }
}
