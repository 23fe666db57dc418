package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static dev.syncshift.client.RecordingCallback.syncFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncshift.emulator.cognitosync.junit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * A developer-authenticated device, whose login is an OpenID token its backend gets from
 * GetOpenIdTokenForDeveloperIdentity (valid 15 minutes), synchronizing for longer than its AWS credentials last (an
 * hour): with a {@link LoginsProvider} the credentials are renewed with a fresh token; with fixed logins the renewal is
 * refused, and {@code setLogins} with a fresh token is the way back. The device's clock and the Cognito emulator's
 * are one {@link MutableClock}, moved by hand.
 */
class ExpiringLoginsTest {

    private static final String TOKEN_LOGIN = "cognito-identity.amazonaws.com";
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static Emulators emulators;
    private static CognitoIdentityClient backend;

    @BeforeAll
    static void start() {
        emulators = Emulators.start(config -> config.clock(CLOCK));
        backend = Emulators.identityClient(emulators.cognito().endpoint());
    }

    @AfterAll
    static void stop() {
        backend.close();
        emulators.close();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void aLoginsProviderRenewsTheTokenWithTheCredentials(Backend chosen) {
        AtomicInteger asked = new AtomicInteger();
        String user = "provided-" + chosen;
        try (CognitoSyncManager device = emulators.device(chosen).clock(CLOCK)
                .loginsProvider(() -> {
                    asked.incrementAndGet();
                    return Map.of(TOKEN_LOGIN, tokenOf(user));
                }).build()) {
            Dataset notes = device.openOrCreateDataset("notes");
            notes.put("first", "before");
            sync(notes);
            int before = asked.get();

            CLOCK.advance(Duration.ofMinutes(56));
            notes.put("second", "after an hour");
            sync(notes);

            assertThat(asked.get()).as("the provider was asked again for the renewal").isGreaterThan(before);
            assertThat(device.getIdentityId()).isEqualTo(identityOf(user));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void fixedLoginsWhoseTokenExpiredAreRefusedUntilTheAppSetsFreshOnes(Backend chosen) {
        String user = "fixed-" + chosen;
        try (CognitoSyncManager device = emulators.device(chosen).clock(CLOCK)
                .logins(Map.of(TOKEN_LOGIN, tokenOf(user))).build()) {
            Dataset notes = device.openOrCreateDataset("notes");
            notes.put("first", "before");
            sync(notes);

            CLOCK.advance(Duration.ofMinutes(56));
            notes.put("second", "after an hour");
            assertThat(syncFailure(notes)).isInstanceOf(DataAccessNotAuthorizedException.class)
                    .hasMessageContaining("Invalid login token. Token expired: ");

            device.setLogins(Map.of(TOKEN_LOGIN, tokenOf(user)));
            sync(notes);
            assertThat(notes.isChanged("second")).isFalse();
        }
    }

    @Test
    void aProviderThatCannotGiveATokenFailsTheSynchronizeNamingItsReason() {
        try (CognitoSyncManager device = emulators.device(Backend.COGNITO).clock(CLOCK)
                .loginsProvider(() -> {
                    throw new IllegalStateException("the app's backend cannot be reached");
                }).build()) {
            Dataset notes = device.openOrCreateDataset("notes");
            notes.put("first", "kept");

            assertThat(syncFailure(notes)).hasMessageContaining("Failed to get the logins from the app's "
                    + "LoginsProvider: java.lang.IllegalStateException: the app's backend cannot be reached");
            assertThat(notes.isChanged("first")).isTrue();
        }
    }

    /** What the app's backend hands its device: a fresh OpenID token for the developer user. */
    private static String tokenOf(String user) {
        return backend.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(emulators.poolId())
                .logins(Map.of("login.compat", user))).token();
    }

    private static String identityOf(String user) {
        return backend.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(emulators.poolId())
                .logins(Map.of("login.compat", user))).identityId();
    }
}
