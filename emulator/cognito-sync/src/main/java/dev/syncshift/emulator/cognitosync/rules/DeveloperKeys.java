package dev.syncshift.emulator.cognitosync.rules;

import java.util.Map;
import java.util.Optional;

/**
 * The developer (IAM) access keys {@code --strict-auth} accepts: access key id to secret access key.
 *
 * @param secrets secret access key by access key id
 */
public record DeveloperKeys(Map<String, String> secrets) {

    /** Copies the map. */
    public DeveloperKeys {
        secrets = Map.copyOf(secrets);
    }

    /** The secret of {@code accessKeyId}, if it is a configured developer key. */
    public Optional<String> secretOf(String accessKeyId) {
        return Optional.ofNullable(secrets.get(accessKeyId));
    }
}
