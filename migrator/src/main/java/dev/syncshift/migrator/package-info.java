/**
 * The syncshift migrator: copies a Cognito Sync identity pool into the DynamoDB table behind the AppSync API, in
 * full and delta passes, restartable and verified. Packages: {@code cli} (commands), {@code config} (settings,
 * SDK clients, rate limits), {@code job} (the Spring Batch job), {@code source} (Cognito readers), {@code target}
 * (the store table and the import logic), {@code verify} (preflight checks), {@code report}, {@code demo}.
 */
@NullMarked
package dev.syncshift.migrator;

import org.jspecify.annotations.NullMarked;
