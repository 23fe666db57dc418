package dev.syncshift.emulator.cognitosync.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CredentialStore} in memory. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, StoredCredentials> byAccessKey = new ConcurrentHashMap<>();

    @Override
    public void put(StoredCredentials credentials) {
        byAccessKey.put(credentials.accessKeyId(), credentials);
    }

    @Override
    public Optional<StoredCredentials> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKey.get(accessKeyId));
    }
}
