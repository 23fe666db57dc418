package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredCredentials;
import java.time.Instant;

/** Cognito Identity {@code Credentials}. */
public record CredentialsShape(String accessKeyId, String secretKey, String sessionToken, Instant expiration) {

    /** The wire form of {@code issued}. */
    public static CredentialsShape of(StoredCredentials issued) {
        return new CredentialsShape(issued.accessKeyId(), issued.secretKey(), issued.sessionToken(),
                issued.expiration());
    }
}
