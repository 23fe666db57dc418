package dev.syncshift.migrator.job;

import dev.syncshift.migrator.source.ListedIdentity;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Adds enumerated identities to the run's manifest, in the enumeration step's chunk transaction; the run counts those
 * added (not those it already held) as listed.
 */
final class ManifestWriter implements ItemWriter<ListedIdentity> {

    private final RunTables tables;
    private final long jobInstance;
    private final int partitions;

    ManifestWriter(RunTables tables, long jobInstance, int partitions) {
        this.tables = tables;
        this.jobInstance = jobInstance;
        this.partitions = partitions;
    }

    @Override
    public void write(Chunk<? extends ListedIdentity> chunk) {
        tables.addToManifest(jobInstance, partitions, chunk.getItems());
    }
}
