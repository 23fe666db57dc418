/**
 * The target: the sync-store table behind the AppSync API, written through core's layout with the AWS SDK's
 * DynamoDB client. {@link dev.syncshift.migrator.target.SyncStoreTable} maps layout items and actions one to one onto
 * DynamoDB calls; {@link dev.syncshift.migrator.target.ImportPlanner} decides, as a pure function, what one dataset's
 * import writes; {@link dev.syncshift.migrator.target.DatasetImporter} runs it with conditional transactions;
 * {@link dev.syncshift.migrator.target.DatasetWriteBack} writes a dataset back into Cognito Sync, going back.
 *
 * <p>Layer: migrator. May use {@code core}, {@code migrator.source}'s value types and the AWS SDK's DynamoDB client.
 */
@NullMarked
package dev.syncshift.migrator.target;

import org.jspecify.annotations.NullMarked;
