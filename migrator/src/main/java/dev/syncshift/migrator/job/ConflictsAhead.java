package dev.syncshift.migrator.job;

import dev.syncshift.core.IdentityId;
import dev.syncshift.migrator.target.Conflict;
import dev.syncshift.migrator.target.ConflictJournal;
import java.util.List;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the conflicts a partition is about to settle in the store among the run's issues at once, in a transaction
 * of its own rather than the chunk's: a process killed after the store write and before the chunk commits would
 * otherwise lose them, and the restarted run finds nothing left to settle. A conflict recorded twice (the chunk's
 * writer records it again, or a start killed before the store write finds it again) is kept once. Thread-safe.
 */
final class ConflictsAhead implements ConflictJournal {

    private final RunTables tables;
    private final TransactionTemplate ownTransaction;

    ConflictsAhead(RunTables tables, PlatformTransactionManager transactions) {
        this.tables = tables;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void settling(IdentityId identity, List<Conflict> conflicts) {
        StepContext step = StepSynchronizationManager.getContext();
        if (step == null) { // not in a partition's step (an importer used on its own)
            return;
        }
        long instance = step.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        ownTransaction.executeWithoutResult(status -> conflicts.forEach(conflict -> tables.addIssueOnce(instance,
                OutcomeWriter.conflict(identity.value(), conflict))));
    }
}
