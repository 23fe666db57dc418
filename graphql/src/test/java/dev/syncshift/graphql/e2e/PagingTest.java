package dev.syncshift.graphql.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient;
import dev.syncshift.emulator.appsync.AppSyncEmulator;
import dev.syncshift.emulator.appsync.junit.AppSyncEmulatorExtension;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A device pulling a full dataset (1,024 records) page by page with nextToken, as the Cognito Sync clients loop until
 * NextToken is null, gets every record exactly once; a later delta pull gets only what changed since.
 */
class PagingTest {

    @RegisterExtension
    static final AppSyncEmulatorExtension APPSYNC = SyncshiftApi.extension();

    /** One row: the page size a device asks for and the pages a full pull then takes. */
    record Paging(String name, int pageSize, int pages) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Paging> pagings() {
        return Stream.of(new Paging("pages of 100", 100, 11),
                new Paging("a full page of 1,024 still carries a nextToken (DynamoDB's LastEvaluatedKey); "
                        + "the next page is empty", 1024, 2),
                new Paging("a limit above 1,024 is capped at 1,024", 5000, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagings")
    void aFullPullFollowsNextTokenToTheEnd(Paging paging, AppSyncEmulator emulator) {
        SyncOperations api = new SyncOperations(new SignedGraphQlClient(emulator.endpoint()));
        Caller me = SyncshiftApi.freshUser();
        LimitsTest.fill("ds", 1024).forEach(step -> step.run(api, me));
        Device device = new Device(api, me, "ds", paging.pageSize());

        device.pull();

        assertThat(device.records()).hasSize(1024);
        assertThat(device.pages()).isEqualTo(paging.pages());
        assertThat(device.lastSyncCount()).isEqualTo(11);
        IntStream.range(0, 1024).forEach(i -> assertThat(device.value("r" + i)).isEqualTo("value " + i));
        assertThat(api.updateRecords(me, "ds", device.put("r7", "changed")).ok()).isTrue();
        Device fresh = new Device(api, me, "ds", paging.pageSize());
        fresh.pull();
        device.pull();
        assertThat(device.pages()).isEqualTo(paging.pages() + 1);
        assertThat(device.records()).isEqualTo(fresh.records());
    }
}
