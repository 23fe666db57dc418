package dev.syncshift.emulator.cognitosync.rules;

import dev.syncshift.emulator.cognitosync.store.StoredCredentials;
import org.jspecify.annotations.Nullable;

/**
 * Temporary credentials this emulator issued, with what AppSync shows of their identity in {@code ctx.identity}.
 *
 * @param credentials the keys, the identity and pool they act for, and their expiry
 * @param authenticated whether the identity is linked to a login (else it is unauthenticated)
 * @param authProvider the first linked login provider, if any
 */
public record IssuedCredentials(StoredCredentials credentials, boolean authenticated, @Nullable String authProvider) {
}
