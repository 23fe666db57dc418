package dev.syncshift.migrator.target;

import dev.syncshift.core.Record;
import dev.syncshift.core.layout.WriteAction;
import java.util.ArrayList;
import java.util.List;

/**
 * One TransactWriteItems of an import: first the action on the dataset's metadata item (a conditioned Put, or a
 * ConditionCheck when a later transaction writes it), then each record's actions.
 *
 * @param metaAction the metadata action
 * @param writes the records written, each with its actions
 */
public record PlannedTransaction(WriteAction metaAction, List<Write> writes) {

    /** Copies the list. */
    public PlannedTransaction {
        writes = List.copyOf(writes);
    }

    /** Every action, in order: the metadata action first. */
    public List<WriteAction> actions() {
        List<WriteAction> actions = new ArrayList<>();
        actions.add(metaAction);
        writes.forEach(write -> actions.addAll(write.actions()));
        return actions;
    }

    /** The write whose actions include the {@code index}-th action, or -1 for the metadata action. */
    public int writeAt(int index) {
        if (index == 0) {
            return -1;
        }
        int end = 1;
        for (int w = 0; w < writes.size(); w++) {
            end += writes.get(w).actions().size();
            if (index < end) {
                return w;
            }
        }
        throw new IllegalArgumentException("No action " + index + " in a transaction of " + end);
    }

    /** This transaction without the writes at {@code skipped}. */
    public PlannedTransaction without(List<Integer> skipped) {
        List<Write> kept = new ArrayList<>();
        for (int w = 0; w < writes.size(); w++) {
            if (!skipped.contains(w)) {
                kept.add(writes.get(w));
            }
        }
        return new PlannedTransaction(metaAction, kept);
    }

    /**
     * One record's write.
     *
     * @param record the record as it will be stored
     * @param actions its head, chunk and stale-chunk actions
     * @param repair whether it writes over a record the store holds at the same count with other contents
     */
    public record Write(Record record, List<WriteAction> actions, boolean repair) {

        /** Copies the list. */
        public Write {
            actions = List.copyOf(actions);
        }

        /** A write of a record the store does not hold at its count. */
        public Write(Record record, List<WriteAction> actions) {
            this(record, actions, false);
        }
    }
}
