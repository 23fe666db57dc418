/**
 * The source: an identity pool read from Cognito Identity (ListIdentities) and Cognito Sync (ListDatasets,
 * ListRecords) with the AWS SDK, as the core domain's types. Readers here are restartable {@code ItemStream}s that
 * save their cursor, never an offset to re-read to. {@link dev.syncshift.migrator.source.CognitoWriter} writes
 * Cognito Sync for a write-back pass (UpdateRecords, DeleteDataset).
 *
 * <p>Layer: migrator. May use {@code core}, the AWS SDK's Cognito clients and Spring Batch's item API; knows nothing
 * of the target table.
 */
@NullMarked
package dev.syncshift.migrator.source;

import org.jspecify.annotations.NullMarked;
