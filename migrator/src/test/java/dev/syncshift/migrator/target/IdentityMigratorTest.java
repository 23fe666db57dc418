package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.LocalAws;
import dev.syncshift.migrator.SourceTruth;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdentityMigratorTest {

    static LocalAws aws;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(60);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void aFullPassCopiesEveryEdgeCaseExactlyAndASecondWritesNothing() {
        List<IdentityId> identities = SourceTruth.identities(aws.source());

        List<IdentityOutcome> first = identities.stream().map(migrator(true)::migrate).toList();
        long records = SourceTruth.assertStoreEqualsSource(aws);
        List<IdentityOutcome> second = identities.stream().map(migrator(true)::migrate).toList();

        assertThat(first).flatMap(IdentityOutcome::datasets).allSatisfy(d -> {
            assertThat(d.failure()).isNull();
            assertThat(d.mismatches()).isEmpty();
        });
        assertThat(first.stream().flatMap(i -> i.datasets().stream()).mapToLong(DatasetOutcome::recordsWritten)
                .sum()).isEqualTo(records);
        assertThat(second).flatMap(IdentityOutcome::datasets)
                .allSatisfy(d -> assertThat(d.kind()).isEqualTo(ImportPlan.Kind.CURRENT))
                .allSatisfy(d -> assertThat(d.mismatches()).isEmpty());
    }

    private static IdentityMigrator migrator(boolean full) {
        DatasetImporter importer = new DatasetImporter(aws.source(), aws.table(), ConflictPolicy.LATER_WINS,
                Clock.systemUTC(), DatasetImporter.Writes.WRITE);
        return new IdentityMigrator(aws.source(), aws.table(), importer, full);
    }
}
