package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subscriptions over AppSync's real-time WebSocket: another device's change arrives without polling, and after the
 * connection is cut the client reconnects, subscribes again and catches up. B's real-time connection goes through
 * a {@link TcpProxy} so that the test can cut it.
 */
@ExtendWith(EmulatorsExtension.class)
class SubscriptionTest {

    private static final String REALTIME = "dev.syncshift.client.remote.appsync.RealtimeConnection";

    @Test
    void aChangeOnAnotherDeviceArrivesWithinASecondAndAfterACutTheClientCatchesUp(Emulators emulators)
            throws InterruptedException {
        try (TwoDevices devices = new TwoDevices(emulators, "live")) {
            Dataset mine = devices.mine;
            Dataset theirs = devices.theirs;
            ChangeWatcher watcher = new ChangeWatcher();
            theirs.subscribe(watcher);

            mine.put("color", "red");
            sync(mine);
            long pushed = System.nanoTime();

            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(1)))
                    .as("red within a second; synchronizes failed: %d", watcher.failures()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - pushed)).isLessThan(Duration.ofSeconds(1));
            assertThat(theirs.get("color")).isEqualTo("red");

            devices.proxy.cutAll();
            mine.put("color", "blue");
            sync(mine);

            assertThat(watcher.awaitValue("color", "blue", Duration.ofSeconds(15)))
                    .as("blue after the cut; synchronizes failed: %d", watcher.failures()).isTrue();
            assertThat(theirs.get("color")).isEqualTo("blue");
            theirs.unsubscribe();
        }
    }

    /**
     * A break is normal and logged at DEBUG alone; reconnects that keep failing after it (every one refused, a long
     * network outage) are a warning once, not one a retry, and the reconnect that ends them logs one INFO line.
     */
    @Test
    void reconnectsThatKeepFailingAreWarnedOfOnceAndTheirEndIsLogged(Emulators emulators)
            throws InterruptedException {
        try (TwoDevices devices = new TwoDevices(emulators, "outage"); StandardError log = StandardError.capture()) {
            ChangeWatcher watcher = subscribed(devices);

            devices.proxy.dropRate(1);
            devices.proxy.cutAll();
            assertThat(devices.proxy.awaitDropped(5, Duration.ofSeconds(30))).as("reconnects refused").isTrue();
            devices.mine.put("color", "blue");
            sync(devices.mine);
            devices.proxy.dropRate(0);

            assertThat(watcher.awaitValue("color", "blue", Duration.ofSeconds(30))).as("blue after the outage")
                    .isTrue();
            assertThat(log.lines("WARN", REALTIME)).as("warnings in:%n%s", log.text()).hasSize(1);
            log.awaitLine("INFO", REALTIME);
            assertThat(log.lines("INFO", REALTIME)).singleElement().asString().contains("failed attempts");
            devices.theirs.unsubscribe();
        }
    }

    /**
     * Reconnects that fail until the app unsubscribes (the connection's last subscription) end there, and the log says
     * so: its warning said failures would go on at DEBUG until one succeeds, which none does.
     */
    @Test
    void reconnectsThatFailUntilTheLastUnsubscribeLogTheirEnd(Emulators emulators) throws InterruptedException {
        try (TwoDevices devices = new TwoDevices(emulators, "outage-ended");
                StandardError log = StandardError.capture()) {
            subscribed(devices);
            devices.proxy.dropRate(1);
            devices.proxy.cutAll();
            log.awaitLine("WARN", REALTIME);

            devices.theirs.unsubscribe();

            log.awaitLine("INFO", REALTIME);
            assertThat(log.lines("INFO", REALTIME)).singleElement().asString().contains("stopped");
        }
    }

    /**
     * Their device subscribed and known to be listening (a change of mine has arrived through the subscription), so
     * that the cut that follows breaks an acknowledged connection, not one a busy machine is still making.
     */
    private static ChangeWatcher subscribed(TwoDevices devices) throws InterruptedException {
        ChangeWatcher watcher = new ChangeWatcher();
        devices.theirs.subscribe(watcher);
        devices.mine.put("listening", "yes");
        sync(devices.mine);
        assertThat(watcher.awaitValue("listening", "yes", Duration.ofSeconds(15))).as("subscribed").isTrue();
        return watcher;
    }

    /**
     * A connection that is made but never acknowledged (the server's messages lost after the handshake, a half-open
     * connection) is dropped after ten seconds and made again; a change made meanwhile still arrives.
     */
    @Test
    void aSubscriptionNeverAcknowledgedIsMadeAgainAndCatchesUp(Emulators emulators) throws InterruptedException {
        try (TwoDevices devices = new TwoDevices(emulators, "quiet")) {
            Dataset mine = devices.mine;
            Dataset theirs = devices.theirs;
            ChangeWatcher watcher = new ChangeWatcher();
            devices.proxy.muteAfterHandshake(1);
            theirs.subscribe(watcher);

            mine.put("color", "green");
            sync(mine);

            assertThat(watcher.awaitValue("color", "green", Duration.ofSeconds(15)))
                    .as("green after the unacknowledged connection; synchronizes failed: %d", watcher.failures())
                    .isTrue();
            assertThat(devices.proxy.connections()).as("the muted connection and its replacement").isEqualTo(2);
            theirs.unsubscribe();
        }
    }

    /**
     * {@code subscribeAll} hears of every dataset, a dataset the device never opened included (it is opened and
     * synchronized), and after a cut catches up by synchronizing every local dataset. It shares one connection with
     * the device's subscription to another dataset, which hears its own change after the cut too.
     */
    @Test
    void subscribeAllHearsOfEveryDatasetOverOneConnection(Emulators emulators) throws InterruptedException {
        try (RelayedDevices devices = new RelayedDevices(emulators, UnaryOperator.identity())) {
            Dataset known = devices.listening.openOrCreateDataset("known");
            ChangeWatcher watcher = new ChangeWatcher();
            devices.listening.subscribeAll(watcher);
            ChangeWatcher thirdWatcher = new ChangeWatcher();
            devices.listening.openOrCreateDataset("third").subscribe(thirdWatcher);
            Dataset theirKnown = devices.writing.openOrCreateDataset("known");
            Dataset theirNew = devices.writing.openOrCreateDataset("new-on-the-other-device");

            theirKnown.put("color", "red");
            sync(theirKnown);
            theirNew.put("shape", "round");
            sync(theirNew);

            // the two datasets synchronize on their own, in either order
            assertThat(watcher.awaitValues(Map.of("color", "red", "shape", "round"), Duration.ofSeconds(5)))
                    .as("the known dataset and the new one").isTrue();
            assertThat(devices.listening.openOrCreateDataset("new-on-the-other-device").get("shape"))
                    .isEqualTo("round");

            devices.proxy.cutAll();
            theirKnown.put("color", "blue");
            sync(theirKnown);

            assertThat(watcher.awaitValue("color", "blue", Duration.ofSeconds(15))).as("after the cut").isTrue();
            assertThat(known.get("color")).isEqualTo("blue");
            Dataset theirThird = devices.writing.openOrCreateDataset("third");
            theirThird.put("size", "large");
            sync(theirThird);
            assertThat(thirdWatcher.awaitValue("size", "large", Duration.ofSeconds(5))).as("third, after the cut")
                    .isTrue();
            assertThat(devices.proxy.connections()).as("one connection for both, and one after the cut").isEqualTo(2);
            devices.listening.unsubscribeAll();
        }
    }

    /**
     * A dataset with a subscription of its own that {@code subscribeAll} covers too: a change another device makes is
     * pulled once and both callbacks get its records, and the device's own push, which the service tells of too, is
     * not pulled again (the first synchronize each callback hears of is the other device's change).
     */
    @Test
    void bothSubscriptionsOfADatasetHearItsChangeAndTheDevicesOwnPushIsNotPulledAgain(Emulators emulators)
            throws InterruptedException {
        try (RelayedDevices devices = new RelayedDevices(emulators, UnaryOperator.identity())) {
            Dataset mine = devices.listening.openOrCreateDataset("both");
            mine.put("seed", "1");
            sync(mine);
            ChangeWatcher own = new ChangeWatcher();
            ChangeWatcher all = new ChangeWatcher();
            mine.subscribe(own);
            devices.listening.subscribeAll(all);

            mine.put("mine", "local");
            sync(mine);
            Dataset theirs = devices.writing.openOrCreateDataset("both");
            theirs.put("color", "red");
            sync(theirs);

            assertThat(own.nextSuccess()).as("its own subscription").extracting(Record::getKey)
                    .containsExactly("color");
            assertThat(all.nextSuccess()).as("subscribeAll").extracting(Record::getKey).containsExactly("color");
            devices.listening.unsubscribeAll();
        }
    }

    /**
     * A deletion told of twice (by the dataset's own subscription and by {@code subscribeAll}) is synchronized once:
     * the dataset's callback decides it and each callback hears one {@code onSuccess}. The first synchronize is held
     * in {@code onDatasetDeleted} until {@code subscribeAll} has heard of a marker dataset's change, told after both
     * notices of the deletion, so the second notice waits behind the first. The dataset the other device then
     * re-creates is the sentinel: its synchronize comes after anything the second notice could run.
     */
    @Test
    void aDeletionToldOfByBothSubscriptionsIsSynchronizedOnce(Emulators emulators) throws InterruptedException {
        try (RelayedDevices devices = new RelayedDevices(emulators, UnaryOperator.identity())) {
            Dataset theirs = devices.writing.openOrCreateDataset("deleted");
            theirs.put("seed", "1");
            sync(theirs);
            Dataset mine = devices.listening.openOrCreateDataset("deleted");
            sync(mine);
            CountDownLatch markerHeard = new CountDownLatch(1);
            EventLog own = new EventLog(() -> Latches.await(markerHeard));
            EventLog all = new EventLog();
            mine.subscribe(own);
            devices.listening.subscribeAll(all);

            theirs.delete();
            sync(theirs);
            Dataset marker = devices.writing.openOrCreateDataset("marker");
            marker.put("passed", "yes");
            sync(marker);
            assertThat(all.next()).isEqualTo("marker onSuccess [passed]");
            markerHeard.countDown();
            assertThat(own.next()).isEqualTo("deleted onDatasetDeleted");
            assertThat(own.next()).isEqualTo("deleted onSuccess []");
            assertThat(all.next()).isEqualTo("deleted onSuccess []");
            theirs.put("after", "yes");
            sync(theirs);

            assertThat(own.next()).as("the sentinel, nothing before it").isEqualTo("deleted onSuccess [after]");
            assertThat(all.next()).as("the sentinel, nothing before it").isEqualTo("deleted onSuccess [after]");
            devices.listening.unsubscribeAll();
        }
    }

    /**
     * With {@code subscribeAll} alone, the notice of the device's own deletion of a dataset (it deleted it and
     * synchronized) leaves no local dataset behind, while another device's deletion still reaches
     * {@code onDatasetDeleted}. The device runs its synchronizes on one thread, and synchronizes once more after its
     * deletion, so that a synchronize the deletion's notice queued runs before the one of the marker dataset's change,
     * which the other device makes next: the first thing {@code subscribeAll} hears of is the marker.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"APPSYNC", "CUTOVER"})
    void theDevicesOwnDeletionToldBySubscribeAllLeavesNoLocalDataset(Backend backend, Emulators emulators)
            throws InterruptedException {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try (CognitoSyncManager device = emulators.device(backend).executor(oneThread).build();
                CognitoSyncManager other = emulators.device(backend).identityId(device.getIdentityId()).build()) {
            Dataset gone = device.openOrCreateDataset("gone");
            gone.put("k", "v");
            sync(gone);
            Dataset theirMarker = other.openOrCreateDataset("marker");
            theirMarker.put("seed", "1");
            sync(theirMarker);
            Dataset marker = device.openOrCreateDataset("marker");
            sync(marker);
            EventLog all = new EventLog();
            device.subscribeAll(all);

            gone.delete();
            sync(gone);
            sync(marker);
            theirMarker.put("passed", "yes");
            sync(theirMarker);

            assertThat(all.next()).as("nothing before the marker").isEqualTo("marker onSuccess [passed]");
            assertThat(device.listDatasets()).extracting(DatasetMetadata::getDatasetName).containsExactly("marker");
            assertThat(device.getDatasetMetadata("gone")).isNull();
            theirMarker.delete();
            sync(theirMarker);
            assertThat(all.next()).isEqualTo("marker onDatasetDeleted");
            assertThat(all.next()).isEqualTo("marker onSuccess []");
            assertThat(device.listDatasets()).isEmpty();
            device.unsubscribeAll();
        } finally {
            oneThread.shutdown();
        }
    }

    /**
     * Notices merged into one waiting synchronize: the device's own push is told of while its synchronize is held up
     * after the push, so a subscription's synchronize waits; another device's change, told of next, is merged into
     * it. The waiting synchronize must pull up to that later change, though the device is already at its own push's
     * count. A change to another dataset, told of last on the same connection, marks when both notices have arrived.
     */
    @Test
    void aChangeToldOfWhileASynchronizeWaitsIsPulledByIt(Emulators emulators) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        try (CognitoSyncManager listening = emulators.device(Backend.APPSYNC).remoteStore((wiring, credentials) ->
                new HookedRemote(wiring.backendRemote(credentials), () -> {
                    if (armed.getAndSet(false)) {
                        held.countDown();
                        Latches.await(release);
                    }
                })).build();
                CognitoSyncManager writing = emulators.device(Backend.APPSYNC)
                        .identityId(listening.getIdentityId()).build()) {
            Dataset mine = listening.openOrCreateDataset("merged");
            Dataset marker = listening.openOrCreateDataset("marker");
            for (Dataset dataset : List.of(mine, marker)) {
                dataset.put("seed", "1");
                sync(dataset);
            }
            ChangeWatcher watcher = new ChangeWatcher();
            ChangeWatcher markerWatcher = new ChangeWatcher();
            mine.subscribe(watcher);
            marker.subscribe(markerWatcher);

            armed.set(true);
            mine.put("mine", "local");
            CompletableFuture<List<Record>> own = mine.synchronizeAsync();
            Latches.await(held);
            Dataset theirs = writing.openOrCreateDataset("merged");
            theirs.put("color", "red");
            sync(theirs);
            Dataset theirMarker = writing.openOrCreateDataset("marker");
            theirMarker.put("passed", "yes");
            sync(theirMarker);
            assertThat(markerWatcher.awaitValue("passed", "yes", Duration.ofSeconds(15))).as("marker").isTrue();
            release.countDown();
            own.get(30, TimeUnit.SECONDS);

            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(15)))
                    .as("the change merged into the waiting synchronize").isTrue();
            assertThat(mine.get("color")).isEqualTo("red");
        }
    }

    /**
     * While {@code subscribeAll}'s connection is down (the relay drops every reconnect), another device changes one
     * dataset and creates another. Once it reconnects, one listing of the datasets tells the device what moved: both
     * are pulled, the new one included, and the unchanged one is not synchronized at all, though it and the changed
     * one have subscriptions of their own on the connection, which leave their catch-up to {@code subscribeAll}'s.
     * A change to a marker dataset, heard before the break (so that the connection is idle when it is cut) and again
     * after the reconnect, is heard last.
     */
    @Test
    void afterABreakSubscribeAllPullsWhatMovedMeanwhileAndNothingElse(Emulators emulators) throws Exception {
        try (RelayedDevices devices = new RelayedDevices(emulators, UnaryOperator.identity())) {
            for (String name : List.of("unchanged", "changed", "marker")) {
                Dataset dataset = devices.listening.openOrCreateDataset(name);
                dataset.put("seed", "1");
                sync(dataset);
            }
            ChangeWatcher watcher = new ChangeWatcher();
            devices.listening.subscribeAll(watcher);
            ChangeWatcher unchangedWatcher = new ChangeWatcher();
            devices.listening.openOrCreateDataset("unchanged").subscribe(unchangedWatcher);
            ChangeWatcher changedWatcher = new ChangeWatcher();
            devices.listening.openOrCreateDataset("changed").subscribe(changedWatcher);
            Dataset marker = devices.writing.openOrCreateDataset("marker");
            marker.put("first", "yes");
            sync(marker);
            assertThat(watcher.awaitValue("first", "yes", Duration.ofSeconds(10))).as("subscribed").isTrue();
            watcher.takeSuccesses();

            devices.proxy.dropRate(1);
            devices.proxy.cutAll();
            Dataset changed = devices.writing.openOrCreateDataset("changed");
            changed.put("color", "red");
            sync(changed);
            Dataset created = devices.writing.openOrCreateDataset("created");
            created.put("shape", "round");
            sync(created);
            assertThat(devices.proxy.awaitDropped(1, Duration.ofSeconds(10))).as("a reconnect was dropped").isTrue();
            devices.proxy.dropRate(0);

            assertThat(watcher.awaitValues(Map.of("color", "red", "shape", "round"), Duration.ofSeconds(20)))
                    .as("the changed dataset and the created one").isTrue();
            marker.put("last", "yes");
            sync(marker);
            assertThat(watcher.awaitValue("last", "yes", Duration.ofSeconds(10))).as("marker").isTrue();
            assertThat(watcher.takeSuccesses()).as("one synchronize each, none of the unchanged dataset")
                    .extracting(records -> records.stream().map(Record::getKey).sorted().toList())
                    .containsExactlyInAnyOrder(List.of("color"), List.of("shape"), List.of("last"));
            assertThat(unchangedWatcher.takeSuccesses()).as("the unchanged dataset's own subscription").isEmpty();
            assertThat(changedWatcher.takeSuccesses()).as("the changed dataset's own subscription")
                    .extracting(records -> records.stream().map(Record::getKey).toList())
                    .containsExactly(List.of("color"));
            devices.listening.unsubscribeAll();
        }
    }

    /**
     * A login that switches the device to another identity moves the subscription with it: the app's handle now
     * names the new identity's dataset, and that is what it hears of, including a change made right after the switch.
     */
    @Test
    void aSubscriptionFollowsTheIdentityALoginSwitchesTo(Emulators emulators) throws InterruptedException {
        Map<String, String> alice = Map.of("login.compat", "alice");
        try (CognitoSyncManager hers = emulators.device(Backend.APPSYNC).logins(alice).build();
                CognitoSyncManager shared = emulators.device(Backend.APPSYNC).build()) {
            Dataset herPrefs = hers.openOrCreateDataset("prefs");
            herPrefs.put("color", "white");
            sync(herPrefs);
            Dataset prefs = shared.openOrCreateDataset("prefs");
            ChangeWatcher watcher = new ChangeWatcher();
            prefs.subscribe(watcher);

            shared.setLogins(alice);
            sync(prefs);
            herPrefs.put("color", "red");
            sync(herPrefs);

            assertThat(shared.getIdentityId()).isEqualTo(hers.getIdentityId());
            assertThat(watcher.awaitValue("color", "red", Duration.ofSeconds(15)))
                    .as("her change after the login; synchronizes failed: %d", watcher.failures()).isTrue();
            prefs.unsubscribe();
        }
    }

    /**
     * Each {@code subscribe} is a subscription of its own: a second one to the same dataset does not end the first,
     * and both callbacks hear a change (from one synchronize); a callback subscribed again hears once. A second change
     * is the sentinel: nothing else comes before it. {@code unsubscribe} ends them all, closing their connection.
     */
    @Test
    void twoSubscriptionsOfADatasetBothHearItsChangesAndUnsubscribeEndsBoth(Emulators emulators)
            throws InterruptedException {
        try (TwoDevices devices = new TwoDevices(emulators, "twice")) {
            EventLog first = new EventLog();
            EventLog second = new EventLog();
            devices.theirs.subscribe(first);
            devices.theirs.subscribe(second);
            devices.theirs.subscribe(first);

            devices.mine.put("color", "red");
            sync(devices.mine);
            assertThat(first.next()).isEqualTo("twice onSuccess [color]");
            assertThat(second.next()).isEqualTo("twice onSuccess [color]");
            devices.mine.put("shape", "round");
            sync(devices.mine);

            assertThat(first.next()).as("the sentinel, nothing before it").isEqualTo("twice onSuccess [shape]");
            assertThat(second.next()).as("the sentinel, nothing before it").isEqualTo("twice onSuccess [shape]");
            devices.theirs.unsubscribe();
            assertThat(devices.proxy.awaitNoneOpen(Duration.ofSeconds(10))).as("connection closed").isTrue();
        }
    }

    /** {@code wipeData} (a logout) ends the subscriptions: they listened to the wiped identity's datasets. */
    @Test
    void wipeDataEndsTheSubscriptions(Emulators emulators) throws InterruptedException {
        try (TwoDevices devices = new TwoDevices(emulators, "wiped")) {
            devices.theirs.subscribe(new ChangeWatcher());
            assertThat(devices.proxy.open()).as("the subscription's connection").isEqualTo(1);

            devices.b.wipeData();

            assertThat(devices.proxy.awaitNoneOpen(Duration.ofSeconds(10))).as("connection closed").isTrue();
        }
    }

    /**
     * Device A, and device B of the same identity whose real-time connection goes through a relay the test controls;
     * one dataset opened on each, with a record A put and both synchronized.
     */
    private static final class TwoDevices implements AutoCloseable {
        final TcpProxy proxy;
        final CognitoSyncManager a;
        final CognitoSyncManager b;
        final Dataset mine;
        final Dataset theirs;

        TwoDevices(Emulators emulators, String dataset) {
            proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO);
            a = emulators.device(Backend.APPSYNC).build();
            b = emulators.device(Backend.APPSYNC).identityId(a.getIdentityId())
                    .appSyncRealtimeEndpoint(proxy.uri(emulators.appSync().realtimeEndpoint())).build();
            mine = a.openOrCreateDataset(dataset);
            theirs = b.openOrCreateDataset(dataset);
            mine.put("seed", "1");
            sync(mine);
            sync(theirs);
        }

        @Override
        public void close() {
            b.close();
            a.close();
            proxy.close();
        }
    }

    @Test
    void theCognitoBackendHasNoSubscriptions(Emulators emulators) {
        try (CognitoSyncManager manager = emulators.device(Backend.COGNITO).build()) {
            Dataset d = manager.openOrCreateDataset("x");

            assertThatThrownBy(() -> d.subscribe(new DefaultSyncCallback())).isInstanceOf(IllegalStateException.class);
        }
    }
}
