package dev.syncshift.emulator.cognitosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;

/**
 * A NextToken continues the list it was issued for, and no other: the same operation over another pool, identity,
 * dataset or filter refuses it, so a client that mixes up its tokens fails here as it would on the service.
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class PageTokenScopeTest {

    private static final String REFUSED = "Member must be a token returned by this API";

    private final CognitoSyncClient sync;
    private final CognitoIdentityClient identity;
    private String pool = "";
    private SyncDataset dataset;

    PageTokenScopeTest(CognitoSyncClient sync, CognitoIdentityClient identity) {
        this.sync = sync;
        this.identity = identity;
    }

    @BeforeEach
    void twoPagesOfRecords() {
        pool = Pools.newPool(identity);
        dataset = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "scores");
        dataset.pushAll(3, 0);
        dataset.other("other").pushAll(3, 0);
    }

    @Test
    void aListRecordsTokenContinuesItsOwnDatasetOnly() {
        String token = dataset.listPage(0, 1, null).nextToken();

        assertThat(dataset.listPage(0, 1, token).records()).hasSize(1);
        assertThatThrownBy(() -> dataset.other("other").listPage(0, 1, token))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(REFUSED);
    }

    @Test
    void aListRecordsTokenIsRefusedForAnotherIdentityOrLastSyncCount() {
        String token = dataset.listPage(0, 1, null).nextToken();
        SyncDataset stranger = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "scores");
        stranger.pushAll(3, 0);

        assertThatThrownBy(() -> stranger.listPage(0, 1, token))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(REFUSED);
        assertThatThrownBy(() -> dataset.listPage(1, 1, token))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(REFUSED);
    }

    @Test
    void aListDatasetsTokenIsRefusedForAnotherIdentity() {
        String token = sync.listDatasets(r -> r.identityPoolId(pool).identityId(dataset.identityId()).maxResults(1))
                .nextToken();
        String stranger = Pools.newIdentity(identity, pool);
        new SyncDataset(sync, pool, stranger, "a").pushAll(1, 0);
        new SyncDataset(sync, pool, stranger, "b").pushAll(1, 0);

        assertThat(sync.listDatasets(r -> r.identityPoolId(pool).identityId(dataset.identityId()).nextToken(token))
                .datasets()).hasSize(1);
        assertThatThrownBy(() -> sync.listDatasets(r -> r.identityPoolId(pool).identityId(stranger).nextToken(token)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(REFUSED);
    }

    @Test
    void aListIdentitiesTokenIsRefusedForAnotherPoolOrFilter() {
        Pools.newIdentity(identity, pool);
        String otherPool = Pools.newPool(identity);
        Pools.newIdentity(identity, otherPool);
        Pools.newIdentity(identity, otherPool);
        String token = identity.listIdentities(r -> r.identityPoolId(pool).maxResults(1)).nextToken();

        assertThat(identity.listIdentities(r -> r.identityPoolId(pool).maxResults(1).nextToken(token)).identities())
                .hasSize(1);
        assertThatThrownBy(() -> identity.listIdentities(r -> r.identityPoolId(otherPool).maxResults(1)
                .nextToken(token)))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException.class)
                .hasMessageContaining(REFUSED);
        assertThatThrownBy(() -> identity.listIdentities(r -> r.identityPoolId(pool).maxResults(1).hideDisabled(true)
                .nextToken(token)))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException.class)
                .hasMessageContaining(REFUSED);
    }
}
