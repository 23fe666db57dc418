package dev.syncshift.migrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The counts a partition keeps in its execution context, read back by a later start of the run. */
class TallyTest {

    /** A start of an older migrator saved no {@code datasetsDeleted}: a continued run reads it as none. */
    @Test
    void aTallySavedWithoutACountAddedSinceReadsItAsZero() {
        ExecutionContext older = new ExecutionContext();
        new Tally(3, 0, 7, 4, 1, 2, 0, 20, 5, 0, 900, 6, 0, 0, 0, 1, 0, 0).saveTo(older);
        older.remove("tally.datasetsDeleted");

        Tally read = Tally.from(older);

        assertThat(read.datasetsDeleted()).isZero();
        assertThat(read).isEqualTo(new Tally(3, 0, 7, 4, 1, 2, 0, 20, 5, 0, 900, 6, 0, 0, 0, 1, 0, 0));
        assertThat(read.asMap()).containsKeys("datasetsCopied", "datasetsDeleted", "datasetsOnAppSync");
    }
}
