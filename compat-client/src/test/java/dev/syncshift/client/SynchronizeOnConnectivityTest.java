package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code synchronizeOnConnectivity} while the service is out of reach (a {@link TcpProxy} that drops every request):
 * the app hears one {@code onFailure}, the request is kept and tried again quietly, and once requests get through it
 * synchronizes by itself, without the app calling {@code connectivityRestored()}, and ends in {@code onSuccess}.
 */
@ExtendWith(EmulatorsExtension.class)
class SynchronizeOnConnectivityTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void aRequestKeptWhileTheServiceIsOutOfReachRunsByItselfWhenItIsBack(Backend backend, Emulators emulators)
            throws InterruptedException {
        URI direct = direct(backend, emulators);
        try (TcpProxy proxy = TcpProxy.start(direct, Duration.ZERO);
                CognitoSyncManager device = through(emulators.device(backend), backend, proxy.uri(direct))
                        .connectivityRetryInterval(Duration.ofMillis(100)).build()) {
            Outcomes outcomes = new Outcomes();

            Dataset offline = keptWhileOutOfReach(device, proxy, outcomes);

            // The first synchronize's requests (the client retries each) were all dropped; a second synchronize
            // that failed the same way drops as many again.
            int firstSynchronize = proxy.dropped();
            assertThat(proxy.awaitDropped(2 * firstSynchronize, WAIT)).as("tried again while out of reach").isTrue();
            proxy.dropRate(0);
            assertThat(outcomes.succeeded.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("onSuccess").isTrue();
            assertThat(outcomes.failures).as("onFailure calls").hasValue(1);
            assertThat(offline.isChanged("note")).isFalse();

            try (CognitoSyncManager other = emulators.device(backend).identityId(device.getIdentityId()).build()) {
                Dataset seen = other.openOrCreateDataset("offline");
                sync(seen);
                assertThat(seen.get("note")).isEqualTo("written offline");
            }
        }
    }

    /**
     * A subscription that reaches the service again (its connection made again after the network came back) is a
     * sign of connectivity too: the kept request runs once the catch-up got through, long before its retry interval
     * (an hour here). {@code subscribeAll}'s catch-up is a listing that finds nothing moved; a dataset subscription's
     * is a synchronize of another dataset.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aKeptRequestRunsOnceASubscriptionReachesTheServiceAgain(boolean identityWide, Emulators emulators)
            throws InterruptedException {
        try (TcpProxy proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO);
                CognitoSyncManager device = emulators.device(Backend.APPSYNC)
                        .appSyncEndpoint(proxy.uri(emulators.graphql()))
                        .appSyncRealtimeEndpoint(proxy.uri(emulators.appSync().realtimeEndpoint()))
                        .connectivityRetryInterval(Duration.ofHours(1)).build()) {
            Dataset offline = device.openOrCreateDataset("offline");
            offline.put("seed", "online");
            sync(offline); // so that the catch-up after the break has nothing to pull: only its listing reaches out
            ChangeWatcher watcher = new ChangeWatcher();
            if (identityWide) {
                device.subscribeAll(watcher);
            } else {
                device.openOrCreateDataset("watched").subscribe(watcher);
            }
            heardFromAnotherDevice(emulators, device, watcher); // the connection is idle before it is cut
            proxy.dropRate(1);
            proxy.cutAll();
            offline.put("note", "written offline");
            Outcomes outcomes = new Outcomes();

            offline.synchronizeOnConnectivity(outcomes);

            assertThat(outcomes.failed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("onFailure").isTrue();
            assertThat(outcomes.failure.get()).isInstanceOf(NetworkException.class);
            proxy.dropRate(0);
            assertThat(outcomes.succeeded.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("onSuccess").isTrue();
            assertThat(outcomes.failures).as("onFailure calls").hasValue(1);
            assertThat(offline.isChanged("note")).isFalse();
            device.unsubscribeAll();
        }
    }

    /**
     * A kept request that runs again while its dataset's queue is full (one synchronize running, one waiting) waits
     * for room, as AWS's client's callback fires once the synchronize is done: it is not refused with a failure that
     * is not the network's.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"COGNITO", "APPSYNC"})
    void aKeptRequestThatFindsTheQueueFullRunsOnceThereIsRoom(Backend backend, Emulators emulators)
            throws InterruptedException {
        URI direct = direct(backend, emulators);
        CountDownLatch pushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean();
        try (TcpProxy proxy = TcpProxy.start(direct, Duration.ZERO);
                CognitoSyncManager device = through(emulators.device(backend), backend, proxy.uri(direct))
                        .remoteStore((wiring, credentials) -> HookedRemote.beforePush(
                                wiring.backendRemote(credentials), () -> held(hold, pushing, release)))
                        .connectivityRetryInterval(Duration.ZERO).build()) {
            Outcomes outcomes = new Outcomes();
            Dataset offline = keptWhileOutOfReach(device, proxy, outcomes);
            proxy.dropRate(0);
            offline.put("later", "edit");
            hold.set(true);
            RecordingCallback running = new RecordingCallback();
            offline.synchronize(running);
            assertThat(pushing.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("a synchronize runs").isTrue();
            RecordingCallback waiting = new RecordingCallback();
            offline.synchronize(waiting);

            device.connectivityRestored();

            assertThat(outcomes.failures).as("onFailure calls while the queue is full").hasValue(1);
            release.countDown();
            running.succeeded();
            waiting.succeeded();
            assertThat(outcomes.succeeded.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("onSuccess").isTrue();
            assertThat(outcomes.failures).as("onFailure calls").hasValue(1);
        }
    }

    /**
     * A kept request that finds the queue full runs once there is room though the synchronize that waited does not
     * reach the service: a subscription's, for a change the running one pulled already. With no retry interval
     * nothing else would run it before the app's next {@code connectivityRestored()}. The running synchronize is held
     * before its push of the kept edit while another device pushes, so that it pulls that change too; the change's
     * notice waits meanwhile. A marker dataset's change, told of next on the same connection,
     * says the notice is queued, and its synchronize, reaching the service, runs the kept request into the full queue.
     */
    @Test
    void aKeptRequestThatFindsTheQueueFullRunsWhenTheWaitingSynchronizeDoesNotReachTheService(Emulators emulators)
            throws InterruptedException {
        CountDownLatch pushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean();
        try (TcpProxy proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO);
                CognitoSyncManager device = emulators.device(Backend.APPSYNC)
                        .appSyncEndpoint(proxy.uri(emulators.graphql()))
                        .appSyncRealtimeEndpoint(emulators.appSync().realtimeEndpoint())
                        .remoteStore((wiring, credentials) -> HookedRemote.beforePush(
                                wiring.backendRemote(credentials), () -> held(hold, pushing, release)))
                        .connectivityRetryInterval(Duration.ZERO).build();
                CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(device.getIdentityId())
                        .build()) {
            device.openOrCreateDataset("offline").subscribe(new ChangeWatcher());
            ChangeWatcher markerWatcher = new ChangeWatcher();
            device.openOrCreateDataset("marker").subscribe(markerWatcher);
            Outcomes outcomes = new Outcomes();
            Dataset offline = keptWhileOutOfReach(device, proxy, outcomes);
            proxy.dropRate(0);
            hold.set(true);
            RecordingCallback running = new RecordingCallback();
            offline.synchronize(running);
            assertThat(pushing.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("a synchronize runs").isTrue();
            Dataset theirs = other.openOrCreateDataset("offline");
            theirs.put("color", "red");
            sync(theirs);
            Dataset marker = other.openOrCreateDataset("marker");
            marker.put("passed", "yes");
            sync(marker);
            assertThat(markerWatcher.awaitValue("passed", "yes", WAIT)).as("the notices are queued").isTrue();

            release.countDown();

            running.succeeded();
            assertThat(offline.get("color")).as("pulled by the running synchronize").isEqualTo("red");
            assertThat(outcomes.succeeded.await(15, TimeUnit.SECONDS)).as("onSuccess of the kept request").isTrue();
            assertThat(outcomes.failures).as("onFailure calls").hasValue(1);
        }
    }

    /**
     * Dataset "offline" of {@code device} with a local edit, whose {@code synchronizeOnConnectivity} failed as the
     * service was out of reach ({@code proxy} drops every request from now on): the request is kept.
     */
    private static Dataset keptWhileOutOfReach(CognitoSyncManager device, TcpProxy proxy, Outcomes outcomes)
            throws InterruptedException {
        Dataset offline = device.openOrCreateDataset("offline");
        offline.put("note", "written offline");
        device.getIdentityId();
        proxy.dropRate(1);
        offline.synchronizeOnConnectivity(outcomes);
        assertThat(outcomes.failed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("onFailure").isTrue();
        assertThat(outcomes.failure.get()).isInstanceOf(NetworkException.class);
        return offline;
    }

    private static URI direct(Backend backend, Emulators emulators) {
        return backend == Backend.COGNITO ? emulators.cognito().endpoint() : emulators.graphql();
    }

    /** Holds the push up once {@code hold} is set, telling {@code pushing}, until {@code release}. */
    private static void held(AtomicBoolean hold, CountDownLatch pushing, CountDownLatch release) {
        if (!hold.getAndSet(false)) {
            return;
        }
        pushing.countDown();
        try {
            release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void heardFromAnotherDevice(Emulators emulators, CognitoSyncManager device, ChangeWatcher watcher)
            throws InterruptedException {
        try (CognitoSyncManager other = emulators.device(Backend.APPSYNC).identityId(device.getIdentityId())
                .build()) {
            Dataset watched = other.openOrCreateDataset("watched");
            watched.put("marker", "1");
            sync(watched);
        }
        assertThat(watcher.awaitValue("marker", "1", WAIT)).as("the subscription heard the other device").isTrue();
    }

    @Test
    void aNegativeRetryIntervalIsRefused() {
        assertThatThrownBy(() -> CognitoSyncManager.builder().connectivityRetryInterval(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connectivityRetryInterval can't be negative: PT-0.001S");
    }

    private static CognitoSyncManagerBuilder through(CognitoSyncManagerBuilder builder, Backend backend, URI proxy) {
        return backend == Backend.COGNITO ? builder.cognitoEndpoint(proxy) : builder.appSyncEndpoint(proxy);
    }

    /** Counts terminal callbacks; latches for the first failure and the success. */
    private static final class Outcomes extends DefaultSyncCallback {
        final CountDownLatch failed = new CountDownLatch(1);
        final CountDownLatch succeeded = new CountDownLatch(1);
        final AtomicInteger failures = new AtomicInteger();
        final AtomicReference<DataStorageException> failure = new AtomicReference<>();

        @Override
        public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
            succeeded.countDown();
        }

        @Override
        public void onFailure(DataStorageException exception) {
            failures.incrementAndGet();
            failure.compareAndSet(null, exception);
            failed.countDown();
        }
    }
}
