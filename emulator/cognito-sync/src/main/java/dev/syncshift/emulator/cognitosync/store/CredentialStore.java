package dev.syncshift.emulator.cognitosync.store;

import java.util.Optional;

/** The temporary credentials the emulator has issued, by access key id. */
public interface CredentialStore {

    /** Remembers {@code credentials}. */
    void put(StoredCredentials credentials);

    /** The credentials issued under {@code accessKeyId}, if any (expired ones included). */
    Optional<StoredCredentials> find(String accessKeyId);
}
