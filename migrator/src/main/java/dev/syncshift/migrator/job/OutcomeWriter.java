package dev.syncshift.migrator.job;

import dev.syncshift.migrator.report.Issue;
import dev.syncshift.migrator.report.Tally;
import dev.syncshift.migrator.target.Conflict;
import dev.syncshift.migrator.target.DatasetOutcome;
import dev.syncshift.migrator.target.IdentityOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Commits each chunk's outcomes with the chunk: adds its counts to the partition's tally (saved in the step's
 * execution context, so a restart neither loses nor double-counts them) and records every issue by name.
 */
class OutcomeWriter implements ItemStreamWriter<IdentityOutcome> {

    private final RunTables tables;
    private final long jobInstance;
    private Tally tally = Tally.ZERO;

    private final MeterRegistry meters;
    private final IssueLog log;

    OutcomeWriter(RunTables tables, long jobInstance, MeterRegistry meters, IssueLog log) {
        this.tables = tables;
        this.jobInstance = jobInstance;
        this.meters = meters;
        this.log = log;
    }

    @Override
    public void open(ExecutionContext context) {
        tally = Tally.from(context);
    }

    @Override
    public void write(Chunk<? extends IdentityOutcome> chunk) {
        Tally added = Tally.ZERO;
        for (IdentityOutcome outcome : chunk.getItems()) {
            added = added.plus(Tally.of(outcome));
            record(outcome);
        }
        tally = tally.plus(added);
        added.asMap().forEach((name, value) -> meters.counter("syncshift." + name).increment(value));
    }

    @Override
    public void update(ExecutionContext context) {
        tally.saveTo(context);
    }

    private void record(IdentityOutcome outcome) {
        String identity = outcome.identityId().value();
        if (outcome.note() != null) {
            tables.addIssue(jobInstance, new Issue(Issue.Kind.NOTE, identity, null, null, outcome.note()));
        }
        for (DatasetOutcome dataset : outcome.datasets()) {
            String name = dataset.dataset().value();
            if (dataset.failure() != null) {
                logAndAdd(new Issue(Issue.Kind.FAILURE, identity, name, null, dataset.failure()));
            }
            dataset.mismatches().forEach(m -> logAndAdd(new Issue(Issue.Kind.MISMATCH, identity, name, null, m)));
            dataset.conflicts().forEach(c -> tables.addIssueOnce(jobInstance, conflict(identity, c)));
        }
    }

    private void logAndAdd(Issue issue) {
        log.log(issue);
        tables.addIssue(jobInstance, issue);
    }

    /** The issue listing {@code conflict} of {@code identity}. */
    static Issue conflict(String identity, Conflict conflict) {
        String detail = conflict.reason() + "; " + (conflict.cognitoWon() ? "Cognito Sync's" : "AppSync's")
                + " side kept (Cognito " + (conflict.cognitoDate() == null ? "gives no date" : conflict.cognitoDate())
                + ", AppSync " + conflict.appSyncDate() + ")";
        return new Issue(Issue.Kind.CONFLICT, identity, conflict.dataset().value(),
                conflict.key() == null ? null : conflict.key().value(), detail);
    }
}
