package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A login moves the subscriptions to the new identity, which opens each one again, and opening signs the connection
 * with the new identity's credentials: when they are out of reach at that moment (the app's sign-in library cannot
 * hand over a token), the subscription is opened again later, with backoff, as a broken connection is made again. It
 * ended without a word before: no {@code onFailure}, no retry, no change heard again while the manager lived. The
 * Cognito emulator here issues credentials that work for a minute, so that the device, which renews them five
 * minutes before they expire, asks for them (and for the logins) at every use.
 */
class SubscriptionMoveTest {

    private static final String SUBSCRIPTIONS = "dev.syncshift.client.Subscriptions";
    private static Emulators emulators;

    @BeforeAll
    static void start() {
        emulators = Emulators.start(config -> config.credentialLifetime(Duration.ofMinutes(1)));
    }

    @AfterAll
    static void stop() {
        emulators.close();
    }

    @Test
    void aSubscriptionThatCannotBeOpenedForTheNewIdentityAtTheLoginIsOpenedOnceCredentialsAreBack()
            throws InterruptedException {
        loginWhoseReopeningIsRefused("dave-moving", 1);
    }

    /**
     * A reopening that keeps failing (the sign-in library cannot hand over a token for a long while) is a warning
     * once, not one a retry (every ten seconds once the backoff reached its most, for as long as it lasts), and its
     * end is logged, so that the log does not leave the subscription looking dead.
     */
    @Test
    void reopeningsThatKeepFailingAreWarnedOfOnceAndTheirEndIsLogged() throws InterruptedException {
        try (StandardError log = StandardError.capture()) {
            loginWhoseReopeningIsRefused("erin-moving", 5);

            assertThat(log.lines("WARN", SUBSCRIPTIONS)).as("warnings in:%n%s", log.text()).hasSize(1);
            log.awaitLine("INFO", SUBSCRIPTIONS);
            assertThat(log.lines("INFO", SUBSCRIPTIONS)).singleElement().asString().contains("failed attempts");
        }
    }

    /**
     * A reopening that fails until the app unsubscribes ends there, and the log says so: its warning said failures
     * would go on at DEBUG until it succeeds, which it never does.
     */
    @Test
    void reopeningsThatFailUntilTheAppUnsubscribesLogTheirEnd() throws InterruptedException {
        Map<String, String> logins = Map.of("login.compat", "fay-moving");
        emulators.developerIdentity("fay-moving");
        AtomicInteger tokensLeft = new AtomicInteger(1); // the login's own request gets the token, reopenings do not
        CountDownLatch refused = new CountDownLatch(1);
        try (StandardError log = StandardError.capture();
                CognitoSyncManager device = emulators.device(Backend.APPSYNC).build()) {
            Dataset prefs = device.openOrCreateDataset("prefs");
            sync(prefs);
            prefs.subscribe(new ChangeWatcher());
            device.setLoginsProvider(() -> {
                if (tokensLeft.getAndDecrement() <= 0) {
                    refused.countDown();
                    throw new IllegalStateException("the sign-in library is renewing the token");
                }
                return logins;
            });
            assertThatThrownBy(device::refreshDatasetMetadata).isInstanceOf(DataStorageException.class);
            assertThat(refused.await(30, TimeUnit.SECONDS)).as("the reopening asked for the token").isTrue();
            log.awaitLine("WARN", SUBSCRIPTIONS);

            prefs.unsubscribe();

            log.awaitLine("INFO", SUBSCRIPTIONS);
            assertThat(log.lines("INFO", SUBSCRIPTIONS)).singleElement().asString().contains("stopped");
        }
    }

    /**
     * A guest device subscribed to prefs logs in as {@code user}, whose other device has prefs; the device's
     * {@code LoginsProvider} hands over the token for the login's own request, then refuses it {@code refusals}
     * times (those reopening the subscription for the new identity), then hands it over again. His next change is
     * heard.
     */
    private static void loginWhoseReopeningIsRefused(String user, int refusals) throws InterruptedException {
        Map<String, String> logins = Map.of("login.compat", user);
        AtomicInteger tokensLeft = new AtomicInteger(Integer.MAX_VALUE);
        CountDownLatch refused = new CountDownLatch(refusals);
        try (CognitoSyncManager his = emulators.device(Backend.APPSYNC).logins(logins).build();
                CognitoSyncManager device = emulators.device(Backend.APPSYNC).build()) {
            Dataset hisPrefs = his.openOrCreateDataset("prefs");
            hisPrefs.put("color", "white");
            sync(hisPrefs);
            Dataset prefs = device.openOrCreateDataset("prefs");
            sync(prefs);
            String guest = device.getIdentityId();
            ChangeWatcher watcher = new ChangeWatcher();
            prefs.subscribe(watcher);
            tokensLeft.set(1); // the login's own request for credentials gets the token, the reopenings do not
            device.setLoginsProvider(() -> {
                if (tokensLeft.getAndDecrement() <= 0) {
                    refused.countDown();
                    throw new IllegalStateException("the sign-in library is renewing the token");
                }
                return logins;
            });

            assertThatThrownBy(device::refreshDatasetMetadata).isInstanceOf(DataStorageException.class)
                    .hasMessageContaining("changed from " + guest);
            assertThat(refused.await(30, TimeUnit.SECONDS)).as("the reopenings asked for the token").isTrue();
            tokensLeft.set(Integer.MAX_VALUE);
            hisPrefs.put("color", "red");
            sync(hisPrefs);

            assertThat(device.getIdentityId()).isEqualTo(his.getIdentityId());
            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(30)))
                    .as("his change, heard once the subscription followed the login").isTrue();
            prefs.unsubscribe();
        }
    }
}
