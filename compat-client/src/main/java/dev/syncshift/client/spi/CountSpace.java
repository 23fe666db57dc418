package dev.syncshift.client.spi;

/**
 * Which service numbered a dataset's sync counts. Cognito Sync and AppSync each count their own revisions, so a
 * count from one says nothing about the other: after a switch of backend, a device's counts are not compared with
 * the new service's (a full pull replaces them). The {@code cutover} backend counts as AppSync.
 */
public enum CountSpace {
    /** Counts given by Amazon Cognito Sync (and by AWS's own clients' cache files). */
    COGNITO_SYNC,
    /** Counts given by syncshift's AppSync API. */
    APPSYNC
}
