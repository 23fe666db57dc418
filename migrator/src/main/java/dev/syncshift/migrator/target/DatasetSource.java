package dev.syncshift.migrator.target;

import dev.syncshift.core.DatasetName;
import dev.syncshift.core.SyncCount;
import dev.syncshift.migrator.source.SourceDataset;
import dev.syncshift.migrator.source.SourceRecords;
import org.jspecify.annotations.Nullable;

/**
 * What the source says of one dataset, ready to be imported.
 *
 * @param name the dataset
 * @param listed its ListDatasets entry, or null when it was not listed (deleted, or created after the listing)
 * @param read its records changed after the store's watermark (or all of them)
 * @param generation the store partition of Cognito's current incarnation: one above the count at its last
 *     deletion, zero if never deleted (while deleted: one above its count)
 * @param deletedSinceWatermark whether Cognito deleted it after the count the store last imported
 * @param changesByContent whether the records were read whole and which of them changed since the last pass is
 *     known by comparing them with the store's rather than by count: a merged copy's counts say little (a merge starts
 *     its count again at 1 while its records keep theirs), and a dataset whose count fell below the store's watermark
 *     cannot be read after it
 */
public record DatasetSource(DatasetName name, @Nullable SourceDataset listed, SourceRecords read,
        SyncCount generation, boolean deletedSinceWatermark, boolean changesByContent) {

    /** A source whose changes are known by count. */
    public DatasetSource(DatasetName name, @Nullable SourceDataset listed, SourceRecords read, SyncCount generation,
            boolean deletedSinceWatermark) {
        this(name, listed, read, generation, deletedSinceWatermark, false);
    }
}
