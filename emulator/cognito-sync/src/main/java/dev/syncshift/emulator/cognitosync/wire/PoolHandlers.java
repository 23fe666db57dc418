package dev.syncshift.emulator.cognitosync.wire;

/**
 * The handlers of Cognito Sync's usage and configuration operations, for {@link Operations}.
 *
 * @param usage usage operations
 * @param configuration configuration and events operations
 * @param pushSync device and subscription operations
 * @param bulkPublish bulk publish operations
 */
record PoolHandlers(UsageHandler usage, ConfigurationHandler configuration, PushSyncHandler pushSync,
        BulkPublishHandler bulkPublish) {

    static PoolHandlers of(PoolServices services) {
        return new PoolHandlers(new UsageHandler(services.usage()),
                new ConfigurationHandler(services.configuration()), new PushSyncHandler(services.pushSync()),
                new BulkPublishHandler(services.bulkPublish()));
    }
}
