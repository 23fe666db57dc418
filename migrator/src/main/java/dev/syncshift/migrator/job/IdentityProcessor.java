package dev.syncshift.migrator.job;

import dev.syncshift.migrator.source.ListedIdentity;
import dev.syncshift.migrator.target.IdentityMigrator;
import dev.syncshift.migrator.target.IdentityOutcome;
import org.slf4j.MDC;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Migrates (or verifies) one identity, with the pool and identity in the logging context. Thread-safe. */
final class IdentityProcessor implements ItemProcessor<ListedIdentity, IdentityOutcome> {

    private final IdentityMigrator migrator;
    private final String pool;

    IdentityProcessor(IdentityMigrator migrator, String pool) {
        this.migrator = migrator;
        this.pool = pool;
    }

    @Override
    public IdentityOutcome process(ListedIdentity identity) {
        try (MDC.MDCCloseable p = MDC.putCloseable("pool", pool);
                MDC.MDCCloseable i = MDC.putCloseable("identity", identity.identityId().value())) {
            return migrator.migrate(identity.identityId());
        }
    }
}
