package dev.syncshift.emulator.cognitosync.store;

import java.util.Optional;

/** The role sessions STS has issued, by access key id. */
public interface RoleSessionStore {

    /** Remembers {@code session}. */
    void put(StoredRoleSession session);

    /** The session issued under {@code accessKeyId}, if any (expired ones included). */
    Optional<StoredRoleSession> find(String accessKeyId);
}
