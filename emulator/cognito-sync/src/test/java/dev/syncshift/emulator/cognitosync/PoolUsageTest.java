package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.IdentityPoolUsage;
import software.amazon.awssdk.services.cognitosync.model.IdentityUsage;
import software.amazon.awssdk.services.cognitosync.model.ListIdentityPoolUsageResponse;

/** DescribeIdentityPoolUsage, ListIdentityPoolUsage and DescribeIdentityUsage through the real SDK. */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class PoolUsageTest {

    private final CognitoSyncClient sync;
    private final CognitoIdentityClient identity;
    private final CognitoSyncEmulator emulator;

    PoolUsageTest(CognitoSyncClient sync, CognitoIdentityClient identity, CognitoSyncEmulator emulator) {
        this.sync = sync;
        this.identity = identity;
        this.emulator = emulator;
    }

    @Test
    void aPoolNothingWasWrittenToHasNoUsage() {
        String pool = Pools.newPool(identity);

        IdentityPoolUsage usage = sync.describeIdentityPoolUsage(r -> r.identityPoolId(pool)).identityPoolUsage();

        assertThat(usage.identityPoolId()).isEqualTo(pool);
        assertThat(usage.syncSessionsCount()).isZero();
        assertThat(usage.dataStorage()).isZero();
        assertThat(usage.lastModifiedDate()).isNull();
    }

    @Test
    void poolUsageCountsSessionsAndTheBytesOfExistingDatasets() {
        String pool = Pools.newPool(identity);
        SyncDataset first = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "prefs");
        SyncDataset second = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "game");
        first.push(replace("color", "blue", 0));
        second.push(replace("level", "12", 0));
        second.other("gone").push(replace("xxxxxxxx", "yyyyyyyy", 0));
        second.other("gone").delete();

        IdentityPoolUsage usage = sync.describeIdentityPoolUsage(r -> r.identityPoolId(pool)).identityPoolUsage();

        assertThat(usage.syncSessionsCount()).isEqualTo(3);
        assertThat(usage.dataStorage()).isEqualTo("colorblue".length() + "level12".length());
        assertThat(usage.lastModifiedDate()).isNotNull();
    }

    @Test
    void identityUsageCountsItsExistingDatasets() {
        String pool = Pools.newPool(identity);
        String identityId = Pools.newIdentity(identity, pool);
        SyncDataset prefs = new SyncDataset(sync, pool, identityId, "prefs");
        prefs.push(replace("color", "blue", 0));
        prefs.other("scores").push(replace("best", "100", 0));
        prefs.other("old").push(replace("a", "b", 0));
        prefs.other("old").delete();

        IdentityUsage usage = sync.describeIdentityUsage(r -> r.identityPoolId(pool).identityId(identityId))
                .identityUsage();

        assertThat(usage.identityId()).isEqualTo(identityId);
        assertThat(usage.identityPoolId()).isEqualTo(pool);
        assertThat(usage.datasetCount()).isEqualTo(2);
        assertThat(usage.dataStorage()).isEqualTo("colorblue".length() + "best100".length());
        assertThat(usage.lastModifiedDate()).isNotNull();
    }

    @Test
    void anIdentityThatNeverWroteHasNoUsage() {
        String pool = Pools.newPool(identity);
        String identityId = Pools.newIdentity(identity, pool);

        IdentityUsage usage = sync.describeIdentityUsage(r -> r.identityPoolId(pool).identityId(identityId))
                .identityUsage();

        assertThat(usage.datasetCount()).isZero();
        assertThat(usage.dataStorage()).isZero();
        assertThat(usage.lastModifiedDate()).isNull();
    }

    @Test
    void identityCredentialsMayDescribeTheirOwnUsage() {
        String pool = Pools.newPool(identity);
        String identityId = Pools.newIdentity(identity, pool);
        CognitoSyncClient device = CognitoSyncEmulatorExtension.syncClient(emulator.endpoint(),
                Pools.credentialsOf(identity, identityId));

        IdentityUsage usage = device.describeIdentityUsage(r -> r.identityPoolId(pool).identityId(identityId))
                .identityUsage();

        assertThat(usage.identityId()).isEqualTo(identityId);
    }

    @Test
    void listIdentityPoolUsagePagesThroughEveryPoolInIdOrder() {
        List<String> created = List.of(Pools.newPool(identity), Pools.newPool(identity), Pools.newPool(identity));
        List<String> seen = new ArrayList<>();
        String token = null;

        do {
            String next = token;
            ListIdentityPoolUsageResponse page = sync.listIdentityPoolUsage(r -> r.maxResults(2).nextToken(next));
            assertThat(page.maxResults()).isEqualTo(2);
            assertThat(page.count()).isEqualTo(page.identityPoolUsages().size()).isLessThanOrEqualTo(2);
            page.identityPoolUsages().forEach(usage -> seen.add(usage.identityPoolId()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsAll(created).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void listIdentityPoolUsageDefaultsToPagesOfSixty() {
        Pools.newPool(identity);

        ListIdentityPoolUsageResponse page = sync.listIdentityPoolUsage(r -> { });

        assertThat(page.maxResults()).isEqualTo(60);
        assertThat(page.count()).isEqualTo(page.identityPoolUsages().size()).isPositive();
    }
}
