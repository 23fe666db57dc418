package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncshift.client.remote.appsync.AppSyncRemoteStore;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.spi.DatasetChangeListener;
import dev.syncshift.client.spi.RemoteStore;
import dev.syncshift.core.DatasetKey;
import dev.syncshift.core.DatasetMetadata;
import dev.syncshift.core.DatasetName;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import dev.syncshift.core.Record;
import dev.syncshift.core.RecordKey;
import dev.syncshift.core.RecordPatch;
import dev.syncshift.core.SyncCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AppSyncRemoteStoreTest extends RemoteStoreContract {

    /** What {@code changesMayBeMissed} is recorded as. */
    private static final String MISSED = "*";

    @Override
    RemoteStore newRemote(Emulators emulators, IdentityPoolId pool, CognitoIdentityCredentials credentials) {
        return appSync(emulators, credentials);
    }

    /**
     * A cutover import is held to the dataset limits part by part. Cognito's changes after the watermark remove 100 of
     * the dataset's 1,000 records and add 100 others, more than one part holds. In count order the additions would go
     * first and their part would pass 1,024 records; the removals go first, and the import ends within the limits.
     */
    @Test
    void anImportWhoseRemovalsMakeRoomForItsAdditionsIsTakenPartByPart(Emulators emulators) {
        AppSyncRemoteStore store = (AppSyncRemoteStore) remote;
        for (int from = 0; from < 1000; from += 99) {
            store.putRecords(key, IntStream.range(from, Math.min(1000, from + 99))
                    .mapToObj(i -> RecordPatch.replace(new RecordKey("r" + i), "v", SyncCount.ZERO)).toList());
        }
        Instant now = Instant.now();
        List<Record> changes = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> changes.add(new Record(new RecordKey("new" + i), "v",
                new SyncCount(i + 1), now, "cognito", null)));
        IntStream.range(0, 100).forEach(i -> changes.add(new Record(new RecordKey("r" + i), null,
                new SyncCount(101 + i), now, "cognito", null)));

        store.importChanges(new DatasetMetadata(key, now, now, "cognito", 0, 1000, new SyncCount(200)), 0, changes);

        assertThat(store.importState(key)).get().satisfies(state -> assertThat(state.sourceWatermark()).isEqualTo(200));
        assertThat(remote.listUpdates(key, SyncCount.ZERO).records()).filteredOn(r -> !r.isTombstone())
                .hasSize(1000).noneMatch(r -> r.key().value().matches("r[0-9]{1,2}"));
    }

    /**
     * An import whose later part shrinks a value that makes room for an earlier part's: the earlier part passes 1 MB on
     * the way to about 900 KB, and is taken (an earlier part is held to twice the limits and, with what the later
     * parts free, to the limits at the import's end; the last one to the limits).
     */
    @Test
    void anImportWhoseLaterPartShrinksAValueIsTaken() {
        AppSyncRemoteStore store = (AppSyncRemoteStore) remote;
        Instant now = Instant.now();
        String big = "x".repeat(900_000);
        store.importChanges(new DatasetMetadata(key, now, now, "cognito", 0, 1, new SyncCount(1)), 0,
                List.of(new Record(new RecordKey("b"), big, new SyncCount(1), now, "cognito", null)));
        List<Record> changes = new ArrayList<>();
        changes.add(new Record(new RecordKey("a"), big, new SyncCount(2), now, "cognito", null));
        IntStream.range(0, 97).forEach(i -> changes.add(new Record(new RecordKey("s" + i), "v", new SyncCount(3 + i),
                now, "cognito", null)));
        changes.add(new Record(new RecordKey("b"), "x", new SyncCount(100), now, "cognito", null));

        store.importChanges(new DatasetMetadata(key, now, now, "cognito", 0, 99, new SyncCount(100)), 1, changes);

        assertThat(store.importState(key)).get().satisfies(state -> assertThat(state.sourceWatermark()).isEqualTo(100));
        assertThat(remote.listUpdates(key, SyncCount.ZERO).records()).filteredOn(r -> r.key().value().equals("b"))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("x"));
    }

    /**
     * A key changed on both sides at the same millisecond is kept as the store has it (importDataset: "two-sided
     * changes settled by the later lastModifiedDate, ties to the store"), so an import whose later part would shrink
     * such a value frees nothing, and one that would then end over 1 MB must be refused before any part is written
     * (docs/compat-client.md, "importDataset"). The first part's {@code later} (ImportEffect) counts a record equal in
     * date to the store's version as freeing what it shrinks: the first part passes and is written as a revision,
     * only the last is refused, and the store is left over 1 MB with half an import.
     */
    @Test
    void anImportWhoseLaterShrinkTheStoreKeepsOnATieWritesNothing() {
        AppSyncRemoteStore store = (AppSyncRemoteStore) remote;
        Instant then = importSeed(store);
        String big = "x".repeat(900_000);
        store.putRecords(key, List.of(RecordPatch.replace(new RecordKey("b"), big, SyncCount.ZERO)));
        Instant pushedAt = remote.listUpdates(key, SyncCount.ZERO).records().stream()
                .filter(r -> r.key().value().equals("b")).findFirst().orElseThrow().lastModifiedDate();
        // b shrunk by an old install in the same millisecond as the push on AppSync.
        List<Record> changes = changesThenB(then, "x", pushedAt);

        assertThatThrownBy(() -> store.importChanges(new DatasetMetadata(key, then, pushedAt, "cognito", 0, 100,
                new SyncCount(100)), 1, changes)).isInstanceOf(DataLimitExceededException.class);

        assertThat(remote.listUpdates(key, SyncCount.ZERO).records()).as("records AppSync holds after the refused "
                + "import").extracting(r -> r.key().value()).containsExactlyInAnyOrder("seed", "b");
    }

    /**
     * A key changed on both sides whose Cognito value is larger than the store's later one is kept as the store has it
     * (importDataset: "two-sided changes settled by the later lastModifiedDate"), so it adds nothing, and an import
     * that ends within 1 MB with it must be taken. The first part's {@code later} counted what such a record would
     * grow the value by, and the store refused the import as ending over 1 MB.
     */
    @Test
    void anImportWhoseLaterLargerValueTheStoreKeepsItsOwnOverIsTaken() {
        AppSyncRemoteStore store = (AppSyncRemoteStore) remote;
        Instant then = importSeed(store);
        store.putRecords(key, List.of(RecordPatch.replace(new RecordKey("b"), "pushed later", SyncCount.ZERO)));
        // b at 900 KB by an old install a minute before the push on AppSync.
        List<Record> changes = changesThenB(then, "x".repeat(900_000), then);

        store.importChanges(new DatasetMetadata(key, then, then, "cognito", 0, 100, new SyncCount(100)), 1, changes);

        assertThat(store.importState(key)).get().satisfies(state -> assertThat(state.sourceWatermark()).isEqualTo(100));
        assertThat(remote.listUpdates(key, SyncCount.ZERO).records()).filteredOn(r -> !r.isTombstone()).hasSize(100)
                .filteredOn(r -> r.key().value().equals("b")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("pushed later"));
    }

    /** Imports the dataset from Cognito Sync at watermark 1 (its one record "seed"), dated a minute ago: that date. */
    private Instant importSeed(AppSyncRemoteStore store) {
        Instant then = Instant.now().minusSeconds(60);
        store.importChanges(new DatasetMetadata(key, then, then, "cognito", 0, 1, new SyncCount(1)), 0,
                List.of(new Record(new RecordKey("seed"), "0", new SyncCount(1), then, "cognito", null)));
        return then;
    }

    /** Cognito's changes after watermark 1, up to 100: a 200 KB value and 97 small records, then b as given. */
    private static List<Record> changesThenB(Instant then, String b, Instant bDate) {
        List<Record> changes = new ArrayList<>();
        changes.add(new Record(new RecordKey("a"), "y".repeat(200_000), new SyncCount(2), then, "cognito", null));
        IntStream.range(0, 97).forEach(i -> changes.add(new Record(new RecordKey("s" + i), "v", new SyncCount(3 + i),
                then, "cognito", null)));
        changes.add(new Record(new RecordKey("b"), b, new SyncCount(100), bDate, "cognito", null));
        return changes;
    }

    /**
     * A dataset's subscriptions and the identity-wide one ride one WebSocket, each its own {@code start}: each hears
     * its own dataset only, a cut connection is made again once and every subscription catches up (but for a dataset
     * subscription whose listener is the identity-wide one's: that one's catch-up covers it), a stopped one hears
     * nothing more, and the last one closes the connection. A write to a dataset nobody else listens to is the
     * sentinel: its message comes after every earlier one on the connection.
     */
    @Test
    void anIdentitysSubscriptionsShareOneConnectionAndEachHearsItsOwnDataset(Emulators emulators) throws Exception {
        DatasetKey first = dataset("first");
        DatasetKey second = dataset("second");
        try (TcpProxy proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO)) {
            RemoteStore listening = new AppSyncRemoteStore(emulators.graphql(),
                    proxy.uri(AppSyncRemoteStore.realtimeEndpoint(emulators.graphql())), "us-east-1", credentials,
                    Clock.systemUTC());
            Heard onFirst = new Heard();
            Heard onSecond = new Heard();
            Heard onAll = new Heard();
            AutoCloseable toFirst = listening.subscribe(first, onFirst);
            AutoCloseable toSecond = listening.subscribe(second, onSecond);
            AutoCloseable toAll = listening.subscribeAll(key.identityId(), onAll);
            AutoCloseable toThird = listening.subscribe(dataset("third"), onAll);
            assertThat(proxy.connections()).as("one connection for four subscriptions").isEqualTo(1);

            write(second, "1", 0);
            write(first, "1", 0);
            write(dataset("sentinel"), "1", 0);

            assertThat(onAll.next(3)).containsExactly("second", "first", "sentinel");
            assertThat(onFirst.next(1)).containsExactly("first");
            assertThat(onSecond.next(1)).containsExactly("second");
            assertThat(onFirst.heard).as("nothing of the other datasets").isEmpty();
            assertThat(onSecond.heard).as("nothing of the other datasets").isEmpty();

            proxy.cutAll();
            assertThat(onFirst.next(1)).as("catch-up").containsExactly("first");
            assertThat(onSecond.next(1)).as("catch-up").containsExactly("second");
            assertThat(onAll.next(1)).as("catch-up").containsExactly(MISSED);
            assertThat(proxy.connections()).as("one connection made again").isEqualTo(2);

            toSecond.close();
            write(second, "2", 1);
            write(dataset("sentinel"), "2", 1);
            assertThat(onAll.next(2)).as("no catch-up of third besides *").containsExactly("second", "sentinel");
            assertThat(onSecond.heard).as("stopped").isEmpty();
            assertThat(proxy.open()).isEqualTo(1);

            toFirst.close();
            toThird.close();
            toAll.close();
            assertThat(proxy.awaitNoneOpen(Duration.ofSeconds(10))).as("the last one closes it").isTrue();
        }
    }

    /**
     * Two threads each subscribe, hear a write, and unsubscribe, thirty times over: a removal is often the last one,
     * which closes the connection while the other thread may be adding to it. Every subscription hears its write, and
     * no connection is left open.
     */
    @Test
    void subscriptionsAddedAndRemovedFromTwoThreadsEachHearAndLeaveNoConnectionBehind(Emulators emulators)
            throws Exception {
        try (TcpProxy proxy = TcpProxy.start(emulators.graphql(), Duration.ZERO)) {
            RemoteStore listening = new AppSyncRemoteStore(emulators.graphql(),
                    proxy.uri(AppSyncRemoteStore.realtimeEndpoint(emulators.graphql())), "us-east-1", credentials,
                    Clock.systemUTC());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                DatasetKey mine = dataset("thread-" + t);
                write(mine, "created", 0); // two creations at once would conflict on the identity's dataset lock
                done.add(threads.submit(() -> {
                    Latches.await(go);
                    List<String> heard = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        Heard listener = new Heard();
                        try (AutoCloseable subscription = listening.subscribe(mine, listener)) {
                            write(mine, Integer.toString(i), i + 1);
                            heard.addAll(listener.next(1));
                        }
                    }
                    return heard;
                }));
            }
            go.countDown();
            for (int t = 0; t < 2; t++) {
                assertThat(done.get(t).get(120, TimeUnit.SECONDS)).as("thread %d heard each write", t).hasSize(30)
                        .containsOnly("thread-" + t);
            }
            threads.shutdown();
            assertThat(proxy.awaitNoneOpen(Duration.ofSeconds(10))).as("no connection left open").isTrue();
        }
    }

    private DatasetKey dataset(String name) {
        return new DatasetKey(key.identityId(), new DatasetName(name));
    }

    /**
     * Text that is not valid Unicode (half an emoji, in a cache written before the client checked) is refused before
     * anything is sent, naming the record: UTF-8 would carry {@code ?} in its place. The push sends none of its part.
     */
    @Test
    void aPatchThatIsNotUnicodeIsRefusedNamingItsRecordAndNothingIsSent(Emulators emulators) {
        assertThatThrownBy(() -> remote.putRecords(key, List.of(put("fine", "ok", 0), put("title", "cut \ud83d", 0))))
                .isInstanceOf(DataStorageException.class).hasMessage("AppSync cannot carry this text, so nothing "
                        + "was sent: the value of record 'title' holds text that is not valid Unicode (an unpaired "
                        + "surrogate, U+D83D, at character 5); put a valid value, then synchronize again");
        assertThatThrownBy(() -> remote.pushAndPull(key, SyncCount.ZERO, List.of(put("\ude00", "v", 0))))
                .isInstanceOf(DataStorageException.class).hasMessage("AppSync cannot carry this text, so nothing "
                        + "was sent: the key of record '\\uDE00' holds text that is not valid Unicode (an unpaired "
                        + "surrogate, U+DE00, at character 1); put a valid value, then synchronize again");

        assertThat(remote.listUpdates(key, SyncCount.ZERO).exists()).isFalse();
    }

    private void write(DatasetKey dataset, String value, long count) {
        remote.putRecords(dataset, List.of(put("k", value, count)));
    }

    /** A listener that records the dataset names it hears of, in order. */
    private static final class Heard implements DatasetChangeListener {
        final LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();

        @Override
        public void datasetChanged(DatasetKey changed) {
            heard.add(changed.datasetName().value());
        }

        @Override
        public void changesMayBeMissed(IdentityId identity) {
            heard.add(MISSED);
        }

        /** The next {@code count} names, waiting up to 15 s for each; fewer when one does not come. */
        List<String> next(int count) throws InterruptedException {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = heard.poll(15, TimeUnit.SECONDS);
                if (name == null) {
                    break;
                }
                names.add(name);
            }
            return names;
        }
    }
}
