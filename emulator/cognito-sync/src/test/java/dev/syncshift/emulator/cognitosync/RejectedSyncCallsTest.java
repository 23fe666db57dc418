package dev.syncshift.emulator.cognitosync;

import static dev.syncshift.emulator.cognitosync.SyncDataset.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.emulator.cognitosync.junit.CognitoSyncEmulatorExtension;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitosync.CognitoSyncClient;
import software.amazon.awssdk.services.cognitosync.model.CognitoSyncException;
import software.amazon.awssdk.services.cognitosync.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitosync.model.LimitExceededException;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsResponse;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitosync.model.ResourceNotFoundException;

/**
 * Every way a Cognito Sync call on datasets and records is refused, as the SDK user sees it: exception class,
 * status, error code and message; and that the refused call changed nothing.
 */
@ExtendWith(CognitoSyncEmulatorExtension.class)
class RejectedSyncCallsTest {

    private final CognitoSyncClient sync;
    private final CognitoIdentityClient identity;

    RejectedSyncCallsTest(CognitoSyncClient sync, CognitoIdentityClient identity) {
        this.sync = sync;
        this.identity = identity;
    }

    record Scenario(String name, Consumer<SyncDataset> given, Consumer<SyncDataset> call,
                    Class<? extends CognitoSyncException> type, int status, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        String oneMegabyteMinusKey = "v".repeat(1024 * 1024 - 3);
        return Stream.of(
                new Scenario("stale record count", d -> d.push(replace("k", "1", 0)),
                        d -> d.push(replace("k", "2", 0)),
                        ResourceConflictException.class, 409, "Current SyncCount for: k is: 1 not: 0"),
                new Scenario("count ahead of the server", d -> d.push(replace("k", "1", 0)),
                        d -> d.push(replace("k", "2", 7)),
                        ResourceConflictException.class, 409, "Current SyncCount for: k is: 1 not: 7"),
                new Scenario("lastSyncCount past the dataset count", d -> d.push(replace("k", "1", 0)),
                        d -> d.list(37),
                        InvalidParameterException.class, 400, "No such SyncCount: 37 exists for this Dataset"),
                new Scenario("token of another dataset", d -> { },
                        d -> d.pushWithToken(d.other("elsewhere").list(0).syncSessionToken(), replace("k", "v", 0)),
                        InvalidParameterException.class, 400, "SyncSessionToken not valid for these inputs"),
                new Scenario("forged token", d -> { }, d -> d.pushWithToken("bm90LWEtdG9rZW4.AAAA",
                        replace("k", "v", 0)),
                        InvalidParameterException.class, 400, "SyncSessionToken not valid for these inputs"),
                new Scenario("missing token", d -> { }, d -> d.pushWithToken(null, replace("k", "v", 0)),
                        InvalidParameterException.class, 400, "1 validation error detected: Value null at "
                                + "'syncSessionToken' failed to satisfy constraint: Member must not be null"),
                new Scenario("duplicate key in one push", d -> { },
                        d -> d.push(replace("k", "1", 0), replace("k", "2", 0)),
                        InvalidParameterException.class, 400, "Duplicate key in RecordPatches: k"),
                new Scenario("patch without op", d -> { },
                        d -> d.push(RecordPatch.builder().key("k").value("v").syncCount(0L).build()),
                        InvalidParameterException.class, 400, "1 validation error detected: Value null at 'op' "
                                + "failed to satisfy constraint: Member must not be null"),
                new Scenario("replace without value", d -> { },
                        d -> d.push(RecordPatch.builder().op("replace").key("k").syncCount(0L).build()),
                        InvalidParameterException.class, 400, "1 validation error detected: Value null at "
                                + "'value' failed to satisfy constraint: Member must not be null"),
                new Scenario("key of 1,025 characters", d -> { }, d -> d.push(replace("k".repeat(1025), "v", 0)),
                        InvalidParameterException.class, 400, "1 validation error detected: Value '"
                                + "k".repeat(256) + "...' at 'key' failed to satisfy constraint: Member must have "
                                + "length less than or equal to 1024"),
                new Scenario("the 1,025th record", d -> d.pushAll(1024, 0),
                        d -> d.push(replace("one-more", "v", 0)),
                        LimitExceededException.class, 400, "Number of records exceeds the limit of 1024 per dataset"),
                new Scenario("one byte past 1 MB", d -> d.push(replace("big", oneMegabyteMinusKey, 0)),
                        d -> d.push(replace("x", "", 0)),
                        LimitExceededException.class, 400,
                        "Dataset size of 1048577 bytes exceeds the limit of 1048576"),
                new Scenario("the 21st dataset", d -> IntStream.range(0, 20).forEach(
                        i -> d.other("ds" + i).push(replace("k", "v", 0))),
                        d -> d.push(replace("k", "v", 0)),
                        LimitExceededException.class, 400, "Number of datasets exceeds the limit of 20 per identity"),
                new Scenario("describe a dataset never written", d -> { }, SyncDataset::describe,
                        ResourceNotFoundException.class, 404, "Dataset 'prefs' not found."),
                new Scenario("delete a dataset never written", d -> { }, SyncDataset::delete,
                        ResourceNotFoundException.class, 404, "Dataset 'prefs' not found."),
                new Scenario("dataset name with a slash", d -> { }, d -> d.other("a/b").list(0),
                        InvalidParameterException.class, 400, "1 validation error detected: Value 'a/b' at "
                                + "'datasetName' failed to satisfy constraint: Member must satisfy regular expression "
                                + "pattern: [a-zA-Z0-9_.:-]+"),
                new Scenario("unknown identity pool", d -> { }, d -> d.inPool("us-east-1:0000").list(0),
                        ResourceNotFoundException.class, 404, "IdentityPool 'us-east-1:0000' not found."),
                new Scenario("maxResults of zero", d -> { }, d -> d.listPage(0, 0, null),
                        InvalidParameterException.class, 400, "1 validation error detected: Value '0' at "
                                + "'maxResults' failed to satisfy constraint: Member must have value greater than or "
                                + "equal to 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void isRefusedAndChangesNothing(Scenario scenario) {
        String pool = Pools.newPool(identity);
        SyncDataset dataset = new SyncDataset(sync, pool, Pools.newIdentity(identity, pool), "prefs");
        scenario.given().accept(dataset);
        ListRecordsResponse before = dataset.list(0);
        List<String> datasetsBefore = dataset.datasetNames();

        assertThatThrownBy(() -> scenario.call().accept(dataset))
                .isInstanceOfSatisfying(scenario.type(), e -> {
                    assertThat(e.statusCode()).isEqualTo(scenario.status());
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(scenario.type().getSimpleName());
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(scenario.message());
                });

        ListRecordsResponse after = dataset.list(0);
        assertThat(after.datasetSyncCount()).isEqualTo(before.datasetSyncCount());
        assertThat(after.records()).isEqualTo(before.records());
        assertThat(dataset.datasetNames()).isEqualTo(datasetsBefore);
    }
}
