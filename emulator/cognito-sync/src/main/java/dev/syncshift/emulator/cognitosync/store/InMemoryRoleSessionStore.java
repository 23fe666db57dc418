package dev.syncshift.emulator.cognitosync.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RoleSessionStore} in memory. */
public final class InMemoryRoleSessionStore implements RoleSessionStore {

    private final Map<String, StoredRoleSession> byAccessKey = new ConcurrentHashMap<>();

    @Override
    public void put(StoredRoleSession session) {
        byAccessKey.put(session.accessKeyId(), session);
    }

    @Override
    public Optional<StoredRoleSession> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }
}
