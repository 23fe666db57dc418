package dev.syncshift.emulator.cognitosync;

import dev.syncshift.emulator.cognitosync.rules.BulkPublishRules;
import dev.syncshift.emulator.cognitosync.rules.ConfigurationRules;
import dev.syncshift.emulator.cognitosync.rules.DatasetChangeListener;
import dev.syncshift.emulator.cognitosync.rules.IdGenerator;
import dev.syncshift.emulator.cognitosync.rules.IdentityRules;
import dev.syncshift.emulator.cognitosync.rules.PushSyncRules;
import dev.syncshift.emulator.cognitosync.rules.StreamPublisher;
import dev.syncshift.emulator.cognitosync.rules.UsageRules;
import dev.syncshift.emulator.cognitosync.store.DatasetStore;
import dev.syncshift.emulator.cognitosync.store.IdentityStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryPoolConfigurationStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryPushSyncStore;
import dev.syncshift.emulator.cognitosync.store.InMemoryStreamStore;
import dev.syncshift.emulator.cognitosync.store.PoolConfigurationStore;
import dev.syncshift.emulator.cognitosync.store.PushSyncStore;
import dev.syncshift.emulator.cognitosync.store.StreamStore;
import dev.syncshift.emulator.cognitosync.wire.PoolServices;
import java.time.Clock;
import java.util.List;

/**
 * Builds the usage, configuration, push sync and Cognito Streams part of the emulator over the shared stores.
 *
 * @param services the rules the wire serves
 * @param listeners what UpdateRecords and DeleteDataset must tell (streams first, then push sync)
 * @param streams the in-memory Kinesis streams
 * @param pushSync devices, subscriptions and the notifications sent
 */
record PoolWiring(PoolServices services, List<DatasetChangeListener> listeners, StreamStore streams,
        PushSyncStore pushSync) {

    static PoolWiring create(IdentityStore identityStore, DatasetStore datasets, IdentityRules identities,
            IdGenerator ids, Clock clock) {
        PoolConfigurationStore configurations = new InMemoryPoolConfigurationStore();
        StreamStore streams = new InMemoryStreamStore();
        PushSyncStore pushSync = new InMemoryPushSyncStore();
        StreamPublisher publisher = new StreamPublisher(configurations, datasets, streams);
        PushSyncRules pushSyncRules = new PushSyncRules(pushSync, configurations, datasets, identities, ids);
        PoolServices services = new PoolServices(new UsageRules(identityStore, identities, datasets),
                new ConfigurationRules(configurations, identities), pushSyncRules,
                new BulkPublishRules(configurations, identities, publisher, clock));
        return new PoolWiring(services, List.of(publisher, pushSyncRules), streams, pushSync);
    }
}
