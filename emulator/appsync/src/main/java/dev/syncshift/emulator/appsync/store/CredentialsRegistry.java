package dev.syncshift.emulator.appsync.store;

import java.util.Optional;

/**
 * The access keys the emulator accepts. Implementations must be thread-safe. A later implementation can
 * register the temporary credentials that a Cognito Identity emulator hands out.
 */
public interface CredentialsRegistry {

    /**
     * Looks up an access key.
     *
     * @param accessKeyId the key id from a SigV4 {@code Credential=} scope
     * @return the entry, or empty when the key is unknown
     */
    Optional<CredentialsEntry> find(String accessKeyId);
}
