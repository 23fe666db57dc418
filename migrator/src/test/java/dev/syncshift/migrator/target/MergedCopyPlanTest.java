package dev.syncshift.migrator.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.SyncCount;
import dev.syncshift.core.layout.StoredDataset;
import dev.syncshift.migrator.source.SourceRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A merged copy's record a device changed on AppSync since the last pass, whose Cognito version differs: by content
 * alone nobody can say whether Cognito changed it too. Unless Cognito's version is the later one, AppSync's stays
 * under every policy, listed as a conflict; before, a policy keeping Cognito's side undid the AppSync write at every
 * pass.
 */
class MergedCopyPlanTest {

    private static final IdentityId IDENTITY = new IdentityId("us-east-1:0a1b2c3d-0000-4000-8000-0000000000aa");
    private static final DatasetName COPY = new DatasetName("prefs.us-east-1:0a1b2c3d-0000-4000-8000-0000000000bb");
    private static final Instant MERGED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant WRITTEN_ON_APPSYNC = Instant.parse("2026-02-01T00:00:00Z");
    private static final Record FONT = record("font", "mono", 3, MERGED, "guest");
    private static final Record THEME_ON_APPSYNC = record("theme", "appsync", 5, WRITTEN_ON_APPSYNC, "device");

    @Test
    void anAppSyncChangeStaysUnderEveryPolicyWhenCognitosDifferingVersionIsNotLater() {
        Record themeInCognito = record("theme", "dark", 2, MERGED, "guest");
        for (ConflictPolicy policy : ConflictPolicy.values()) {
            ImportPlan plan = plan(policy, themeInCognito);

            assertThat(plan.recordsWritten()).as(policy.option()).isZero();
            assertThat(plan.conflicts()).as(policy.option()).singleElement().satisfies(c -> {
                assertThat(c.key()).hasToString("theme");
                assertThat(c.cognitoWon()).isFalse();
            });
        }
    }

    @Test
    void aLaterCognitoVersionIsSettledByThePolicy() {
        Record themeInCognito = record("theme", "cognito, later", 2, WRITTEN_ON_APPSYNC.plusSeconds(60), "guest");

        ImportPlan plan = plan(ConflictPolicy.KEEP_COGNITO, themeInCognito);

        assertThat(plan.recordsWritten()).isEqualTo(1);
        assertThat(plan.conflicts()).singleElement().satisfies(c -> assertThat(c.cognitoWon()).isTrue());
        assertThat(plan.expectedRecords().get(new RecordKey("theme")).value()).isEqualTo("cognito, later");
    }

    /** The copy imported at count 4 (its records' height), then written once on AppSync; Cognito read whole. */
    private static ImportPlan plan(ConflictPolicy policy, Record themeInCognito) {
        DatasetMetadata metadata = new DatasetMetadata(new DatasetKey(IDENTITY, COPY), MERGED, WRITTEN_ON_APPSYNC,
                "device", 19, 2, new SyncCount(5));
        StoredDataset meta = new StoredDataset(metadata, false, SyncCount.ZERO, new SyncCount(3), true, null, null,
                new SyncCount(4));
        SourceRecords read = new SourceRecords(SyncCount.ZERO, Map.of(FONT.key(), FONT, themeInCognito.key(),
                themeInCognito), new SyncCount(3), new SyncCount(1), true, false, List.of());
        DatasetSource source = new DatasetSource(COPY, null, read, SyncCount.ZERO, false, true);
        Map<RecordKey, Record> stored = Map.of(FONT.key(), FONT, THEME_ON_APPSYNC.key(), THEME_ON_APPSYNC);
        return new ImportPlanner(policy, WRITTEN_ON_APPSYNC.plusSeconds(3600)).plan(IDENTITY, source, meta,
                StoredRecords.of(stored));
    }

    private static Record record(String key, String value, long count, Instant date, String by) {
        return new Record(new RecordKey(key), value, new SyncCount(count), date, by, null);
    }
}
