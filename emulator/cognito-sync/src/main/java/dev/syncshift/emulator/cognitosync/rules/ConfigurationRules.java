package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.core.Constraints;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.InvalidParameterException;
import dev.syncshift.emulator.cognitosync.store.PoolConfigurationStore;
import dev.syncshift.emulator.cognitosync.store.StoredCognitoStreams;
import dev.syncshift.emulator.cognitosync.store.StoredPoolConfiguration;
import dev.syncshift.emulator.cognitosync.store.StoredPushSync;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Get/SetIdentityPoolConfiguration and Get/SetCognitoEvents (docs/cognito-sync.md#usage-push-sync-and-streams).
 * Developer credentials only. A configuration member left out of a Set call keeps its stored value; one that is
 * sent replaces it whole. Events are merged key by key, an empty value removing its key.
 */
public final class ConfigurationRules {

    /** The event types SetCognitoEvents accepts. */
    public static final List<String> EVENT_TYPES = List.of("SyncTrigger");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d+:role/.*");
    private static final Pattern APPLICATION_ARN =
            Pattern.compile("arn:aws:sns:[-0-9a-z]+:\\d+:app/[A-Z_]+/[a-zA-Z0-9_.-]+");
    private static final List<String> STREAMING_STATUSES = List.of("ENABLED", "DISABLED");

    private final PoolConfigurationStore store;
    private final IdentityRules identities;

    /** Rules over {@code store}. */
    public ConfigurationRules(PoolConfigurationStore store, IdentityRules identities) {
        this.store = store;
        this.identities = identities;
    }

    /** GetIdentityPoolConfiguration: the pool's push sync and Cognito Streams settings. */
    public StoredPoolConfiguration getIdentityPoolConfiguration(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        identities.requirePool(poolId);
        return current(poolId);
    }

    /** SetIdentityPoolConfiguration: replaces the settings sent, keeps the others; returns the result. */
    public StoredPoolConfiguration setIdentityPoolConfiguration(Caller caller, IdentityPoolId poolId,
            @Nullable StoredPushSync pushSync, @Nullable StoredCognitoStreams cognitoStreams) {
        Access.checkDeveloper(caller);
        if (pushSync != null) {
            checkPushSync(pushSync);
        }
        if (cognitoStreams != null) {
            checkCognitoStreams(cognitoStreams);
        }
        identities.requirePool(poolId);
        return store.locked(poolId, () -> {
            StoredPoolConfiguration previous = current(poolId);
            StoredPoolConfiguration next = new StoredPoolConfiguration(poolId,
                    pushSync == null ? previous.pushSync() : pushSync,
                    cognitoStreams == null ? previous.cognitoStreams() : cognitoStreams, previous.events());
            store.putConfiguration(next);
            return next;
        });
    }

    /** GetCognitoEvents: event type to Lambda function ARN, empty when none is set. */
    public Map<String, String> getCognitoEvents(Caller caller, IdentityPoolId poolId) {
        Access.checkDeveloper(caller);
        identities.requirePool(poolId);
        return current(poolId).events();
    }

    /** SetCognitoEvents: sets the events sent; an empty (or null) function ARN removes its event. */
    public void setCognitoEvents(Caller caller, IdentityPoolId poolId, @Nullable Map<String, String> events) {
        Access.checkDeveloper(caller);
        Map<String, String> given = Constraints.required("events", events);
        checkEvents(given);
        identities.requirePool(poolId);
        store.locked(poolId, () -> {
            StoredPoolConfiguration previous = current(poolId);
            store.putConfiguration(previous.withEvents(merged(previous.events(), given)));
            return poolId;
        });
    }

    private static Map<String, String> merged(Map<String, String> previous, Map<String, String> given) {
        Map<String, String> next = new HashMap<>(previous);
        given.forEach((type, function) -> {
            if (function == null || function.isEmpty()) {
                next.remove(type);
            } else {
                next.put(type, function);
            }
        });
        return next;
    }

    private StoredPoolConfiguration current(IdentityPoolId poolId) {
        return store.configuration(poolId).orElseGet(() -> StoredPoolConfiguration.empty(poolId));
    }

    private static void checkPushSync(StoredPushSync pushSync) {
        List<String> arns = pushSync.applicationArns();
        for (int i = 0; i < arns.size(); i++) {
            Constraints.pattern("pushSync.applicationArns." + (i + 1) + ".member", arns.get(i), APPLICATION_ARN);
        }
        if (pushSync.roleArn() != null) {
            checkRoleArn("pushSync.roleArn", pushSync.roleArn());
        }
    }

    private static void checkCognitoStreams(StoredCognitoStreams streams) {
        if (streams.streamName() != null) {
            Constraints.length("cognitoStreams.streamName", streams.streamName(), 1, 128);
        }
        if (streams.roleArn() != null) {
            checkRoleArn("cognitoStreams.roleArn", streams.roleArn());
        }
        if (streams.streamingStatus() != null) {
            EnumValues.check("cognitoStreams.streamingStatus", streams.streamingStatus(), STREAMING_STATUSES);
        }
        if (StoredCognitoStreams.ENABLED.equals(streams.streamingStatus())) {
            Constraints.required("cognitoStreams.streamName", streams.streamName());
            Constraints.required("cognitoStreams.roleArn", streams.roleArn());
        }
    }

    private static void checkRoleArn(String member, String arn) {
        Constraints.length(member, arn, 20, 2048);
        Constraints.pattern(member, arn, ROLE_ARN);
    }

    private static void checkEvents(Map<String, String> events) {
        if (events.size() > 1) {
            throw new InvalidParameterException("1 validation error detected: Value '" + events
                    + "' at 'events' failed to satisfy constraint: Member must have length less than or equal to 1");
        }
        for (String type : events.keySet()) {
            if (!EVENT_TYPES.contains(type)) {
                throw new InvalidParameterException("1 validation error detected: Value '" + events
                        + "' at 'events' failed to satisfy constraint: Map keys must satisfy constraint: "
                        + "[Member must satisfy enum value set: " + EVENT_TYPES + "]");
            }
        }
    }
}
