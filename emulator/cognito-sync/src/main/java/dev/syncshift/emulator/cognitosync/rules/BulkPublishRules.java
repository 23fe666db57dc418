package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.emulator.cognitosync.store.PoolConfigurationStore;
import dev.syncshift.emulator.cognitosync.store.StoredBulkPublish;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * BulkPublish and GetBulkPublishDetails (docs/cognito-sync.md#usage-push-sync-and-streams). Developer credentials only.
 *
 * <p>A bulk publish is asynchronous and deterministic: BulkPublish only marks it IN_PROGRESS; it runs when its
 * status is next read through GetBulkPublishDetails, which then reports SUCCEEDED (or FAILED when streaming was
 * switched off in between). At most one runs at a time (DuplicateRequestException), and another may start only 24
 * hours after the start of the last successful one (AlreadyStreamedException). BulkPublish on a pool whose streaming
 * is not ENABLED is refused with InvalidConfigurationException.
 */
public final class BulkPublishRules {

    /** How long after a successful bulk publish started another may start. */
    public static final Duration WAIT = Duration.ofHours(24);

    private final PoolConfigurationStore store;
    private final IdentityRules identities;
    private final StreamPublisher publisher;
    private final Clock clock;

    /** Rules over {@code store}, publishing through {@code publisher}. */
    public BulkPublishRules(PoolConfigurationStore store, IdentityRules identities, StreamPublisher publisher,
            Clock clock) {
        this.store = store;
        this.identities = identities;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** BulkPublish: starts publishing all of the pool's data to its stream. */
    public IdentityPoolId bulkPublish(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        identities.requirePool(poolId);
        return store.locked(poolId, () -> {
            if (publisher.streamName(poolId).isEmpty()) {
                throw new InvalidConfigurationException("Cognito Streams is not enabled for identity pool '"
                        + poolId + "'.");
            }
            StoredBulkPublish current = current(poolId);
            if (current.inProgress()) {
                throw new DuplicateRequestException("A bulk publish is already in progress for identity pool '"
                        + poolId + "'.");
            }
            Instant now = clock.instant();
            Instant lastSuccess = current.lastSuccessStart();
            if (lastSuccess != null && now.isBefore(lastSuccess.plus(WAIT))) {
                throw new AlreadyStreamedException("A bulk publish of identity pool '" + poolId
                        + "' already succeeded in the last 24 hours.");
            }
            store.putBulkPublish(current.started(now));
            return poolId;
        });
    }

    /** GetBulkPublishDetails: the latest bulk publish, run to its end first if it was in progress. */
    public StoredBulkPublish getBulkPublishDetails(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        identities.requirePool(poolId);
        return store.locked(poolId, () -> {
            StoredBulkPublish current = current(poolId);
            if (!current.inProgress()) {
                return current;
            }
            StoredBulkPublish finished = run(poolId, current);
            store.putBulkPublish(finished);
            return finished;
        });
    }

    private StoredBulkPublish run(IdentityPoolId poolId, StoredBulkPublish started) {
        Optional<String> stream = publisher.streamName(poolId);
        if (stream.isEmpty()) {
            return started.failed("Cognito Streams was disabled before the bulk publish ran.");
        }
        publisher.publishAll(poolId, stream.get());
        return started.succeeded(clock.instant());
    }

    private StoredBulkPublish current(IdentityPoolId poolId) {
        return store.bulkPublish(poolId).orElseGet(() -> StoredBulkPublish.notStarted(poolId));
    }
}
