package dev.syncshift.client;

import java.util.List;
import org.jspecify.annotations.NullUnmarked;

/**
 * What {@link Dataset#synchronize} reports, on the manager's executor thread. Exactly one of {@link #onSuccess} and
 * {@link #onFailure} is called per synchronize, always (AWS's clients could end silently). The three decision
 * callbacks keep AWS's boolean meanings; an exception thrown from one ends the synchronize in {@link #onFailure},
 * with a message that names the callback and the exception as the cause, keeping the local edits. One thrown from
 * {@link #onSuccess} or {@link #onFailure} is logged: the synchronize has ended.
 *
 * <p>No argument is ever null, but the parameters' nullness is left unspecified, as in AWS's unannotated client: Kotlin
 * apps override these methods with parameter types written either way ({@code dataset: Dataset?} or
 * {@code dataset: Dataset}), and Kotlin accepts both only for parameters of unspecified nullness.
 */
@NullUnmarked
public interface SyncCallback {

    /**
     * The synchronize completed.
     *
     * @param dataset the dataset
     * @param updatedRecords the records pulled from the service and applied locally (conflicting ones excluded)
     */
    void onSuccess(Dataset dataset, List<Record> updatedRecords);

    /**
     * Keys changed on both sides. Resolve them by calling {@link Dataset#resolve} with one record per conflict
     * (see {@link SyncConflict}'s resolvers), then return true to go on; false cancels the synchronize
     * ({@link #onFailure} with "Manual cancel"). Conflicts left unresolved end it in {@link #onFailure} with a
     * {@link DataConflictException} naming them, instead of retrying until the retries run out.
     */
    boolean onConflict(Dataset dataset, List<SyncConflict> conflicts);

    /**
     * The dataset was deleted on the service after this device last synced it. True deletes the local copy (its
     * unsynchronized changes too) and succeeds; false keeps it and fails with "Manual cancel".
     */
    boolean onDatasetDeleted(Dataset dataset, String datasetName);

    /**
     * Datasets named {@code <name>.<identityId>} were merged into this identity (after a login joined two
     * identities). Open them, fold their data in, then {@link Dataset#delete} and synchronize them. True goes on with
     * this synchronize; false cancels it ("Manual cancel"). Unlike AWS's client, true does not restart the
     * synchronize, so it cannot loop until the retries run out; the names are reported again by later synchronizes
     * until those datasets are deleted.
     */
    boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames);

    /** The synchronize failed; local edits are kept and will be pushed by a later synchronize. */
    void onFailure(DataStorageException exception);
}
