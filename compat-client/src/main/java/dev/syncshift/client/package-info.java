/**
 * The Cognito Sync client API, with AWS's names ({@link dev.syncshift.client.CognitoSyncManager},
 * {@link dev.syncshift.client.Dataset}, {@link dev.syncshift.client.SyncCallback}, {@link dev.syncshift.client.Record},
 * the exceptions), so that porting an app is a change of imports; the backend flag; the wiring of adapters.
 *
 * <p>Layer: API and composition root. Depends on every other package of the client.
 */
@NullMarked
package dev.syncshift.client;

import org.jspecify.annotations.NullMarked;
