package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.client.Backend;
import dev.syncshift.client.CognitoSyncManager;
import dev.syncshift.client.Dataset;
import dev.syncshift.client.remote.cognito.CognitoSyncRemoteStore;
import dev.syncshift.client.remote.cutover.CutoverRemoteStore;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.CutoverScenario;
import dev.syncshift.migrator.Device;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;

/**
 * The cutover's promise that a switched device and the migrator's delta pass never apply the same Cognito Sync change
 * twice, in both orders of a race: each reads Cognito's changes after the store's source watermark, and the other
 * imports them before it writes. The store then holds them once, as one AppSync revision (a switched device wrote
 * since the last pass), the loser reports nothing wrong, and the device sees every value. The device is the real
 * compat client in {@code cutover} mode, a new install whose first synchronize imports the dataset.
 */
class ImportRaceTest extends CutoverScenario {

    private static final String DATASET = "race";
    /** What a device sees after the race: the values copied, the switched device's write, Cognito's changes. */
    private static final Map<String, String> EVERY_VALUE = Map.of("k0", "cognito", "k1", "v", "app", "appsync",
            "new", "cognito");

    @Test
    void aDeltaPassThatADeviceBeatToTheImportWritesNothingAndReportsNothingWrong() {
        Device phone = cognitoChangesBehindAnAppSyncWrite();
        long before = storeCount(phone);
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();

        IdentityOutcome delta = cutover.passCalling(false, operation -> {
            if (operation.equals("ListRecords") && seen.get() == null) {
                seen.set(firstSynchronize(phone, null));
            }
        }).migrate(new IdentityId(phone.identityId()));

        assertThat(seen.get()).isEqualTo(EVERY_VALUE);
        assertThat(delta.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
            assertThat(d.conflicts()).isEmpty();
            assertThat(d.recordsWritten()).isZero();
        });
        assertImportedOnce(phone, before);
    }

    @Test
    void aDeviceThatTheDeltaPassBeatToTheImportSynchronizesWithWhatThePassWrote() {
        Device phone = cognitoChangesBehindAnAppSyncWrite();
        long before = storeCount(phone);
        AtomicReference<@Nullable IdentityOutcome> delta = new AtomicReference<>();

        Map<String, String> seen = firstSynchronize(phone, () -> delta.set(cutover.migrator(false,
                ConflictPolicy.LATER_WINS).migrate(new IdentityId(phone.identityId()))));

        assertThat(delta.get()).isNotNull();
        assertThat(delta.get().datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.kind()).isEqualTo(ImportPlan.Kind.REVISIONS);
            assertThat(d.recordsWritten()).isEqualTo(2);
        });
        assertThat(seen).isEqualTo(EVERY_VALUE);
        assertImportedOnce(phone, before);
    }

    /**
     * A switched device's push that lands while the delta pass reads back what it wrote (between its read of the
     * dataset's metadata and its read of the records) is a later revision, not a record that differs from what was
     * written: the cutover plan runs delta passes while devices write.
     */
    @Test
    void aDevicePushWhileThePassReadsBackWhatItWroteIsNoMismatch() {
        Device phone = cognitoChangesBehindAnAppSyncWrite();
        AtomicBoolean written = new AtomicBoolean();
        AtomicBoolean pushed = new AtomicBoolean();

        IdentityOutcome delta = cutover.passAfterTableCalls(false, operation -> {
            if (operation.equals("TransactWriteItems")) {
                written.set(true);
            } else if (operation.equals("Query") && written.get() && pushed.compareAndSet(false, true)) {
                phone.appSyncPut(DATASET, "app", "pushed meanwhile");
            }
        }).migrate(new IdentityId(phone.identityId()));

        assertThat(pushed).as("the push was made").isTrue();
        assertThat(delta.datasets()).singleElement().satisfies(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
            assertThat(d.recordsWritten()).isEqualTo(2);
        });
        assertThat(phone.appSyncRecords(DATASET, 0).get("app").path("value").asText()).isEqualTo("pushed meanwhile");
    }

    /**
     * A dataset copied by a full pass, then written on AppSync by a switched device, then changed on Cognito Sync (one
     * record changed, one added): the next import is an AppSync revision.
     */
    private static Device cognitoChangesBehindAnAppSyncWrite() {
        Device phone = cutover.newDevice();
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k0", "v", "k1", "v"));
        cutover.migrator(true, ConflictPolicy.LATER_WINS).migrate(new IdentityId(phone.identityId()));
        phone.appSyncPut(DATASET, "app", "appsync");
        phone.cognitoPush(phone.identityId(), DATASET, Map.of("k0", "cognito", "new", "cognito"));
        return phone;
    }

    /** The Cognito changes are in the store once: one revision above {@code before}, the watermark at Cognito's. */
    private static void assertImportedOnce(Device phone, long before) {
        StoredDataset stored = stored(phone);
        long cognitoCount = cutover.syncClient().listRecords(r -> r.identityPoolId(cutover.pool().value())
                .identityId(phone.identityId()).datasetName(DATASET)).datasetSyncCount();
        assertThat(stored.metadata().syncCount().value()).isEqualTo(before + 1);
        assertThat(stored.sourceWatermark()).isNotNull();
        assertThat(stored.sourceWatermark().value()).isEqualTo(cognitoCount);
        assertThat(phone.appSyncRecords(DATASET, before)).containsOnlyKeys("k0", "new")
                .allSatisfy((key, record) -> assertThat(record.path("syncCount").asLong()).isEqualTo(before + 1));
    }

    private static long storeCount(Device phone) {
        return stored(phone).metadata().syncCount().value();
    }

    private static StoredDataset stored(Device phone) {
        return cutover.table().datasets(new IdentityId(phone.identityId())).get(new DatasetName(DATASET));
    }

    /**
     * The values a new install of the app in cutover mode holds after its first synchronize of the dataset; when
     * {@code betweenReadAndImport} is given, it runs after the install read Cognito Sync's changes and before it
     * imports them.
     */
    private static Map<String, String> firstSynchronize(Device phone, @Nullable Runnable betweenReadAndImport) {
        AtomicBoolean ran = new AtomicBoolean(betweenReadAndImport == null);
        try (CognitoSyncManager app = CognitoSyncManager.builder().identityPoolId(cutover.pool().value())
                .cognitoEndpoint(cutover.cognito().endpoint()).appSyncEndpoint(cutover.appSync().endpoint())
                .backend(Backend.CUTOVER).identityId(phone.identityId())
                .remoteStore((wiring, credentials) -> new CutoverRemoteStore(new CognitoSyncRemoteStore(
                        cognitoCalling(credentials, operation -> {
                            if (operation.equals("ListRecords") && ran.compareAndSet(false, true)) {
                                betweenReadAndImport.run();
                            }
                        }), wiring.pool()), wiring.appSync(credentials)))
                .build()) {
            Dataset dataset = app.openOrCreateDataset(DATASET);
            dataset.synchronizeAsync().orTimeout(1, TimeUnit.MINUTES).join();
            assertThat(ran).as("the race was run").isTrue();
            return dataset.getAll();
        }
    }

    /** The device's Cognito Sync client, telling {@code afterCall} of each operation it answered. */
    private static CognitoSyncClient cognitoCalling(AwsCredentialsProvider credentials,
            Consumer<String> afterCall) {
        return CognitoSyncClient.builder().endpointOverride(cutover.cognito().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                        afterCall.accept(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })).build();
    }
}
