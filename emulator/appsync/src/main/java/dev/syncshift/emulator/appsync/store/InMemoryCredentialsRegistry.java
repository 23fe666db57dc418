package dev.syncshift.emulator.appsync.store;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A thread-safe registry held in memory; entries may be added while the emulator runs. */
public final class InMemoryCredentialsRegistry implements CredentialsRegistry {

    private final ConcurrentMap<String, CredentialsEntry> entries = new ConcurrentHashMap<>();

    /**
     * Creates a registry holding the given entries.
     *
     * @param initial entries to register
     */
    public InMemoryCredentialsRegistry(Collection<CredentialsEntry> initial) {
        initial.forEach(this::register);
    }

    /**
     * Adds or replaces an entry.
     *
     * @param entry the entry, keyed by its access key id
     */
    public void register(CredentialsEntry entry) {
        entries.put(entry.accessKeyId(), entry);
    }

    @Override
    public Optional<CredentialsEntry> find(String accessKeyId) {
        return Optional.ofNullable(entries.get(accessKeyId));
    }
}
