package dev.syncshift.client;

import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials;
import dev.syncshift.client.remote.cognito.CognitoIdentityCredentials.Source;
import dev.syncshift.client.spi.LocalCache;
import dev.syncshift.client.spi.RememberedIdentity;
import dev.syncshift.core.IdentityId;
import dev.syncshift.core.IdentityPoolId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's identity in the cache file, as one {@link CognitoSyncManager} holds it: the identity its local data
 * belongs to and the lock that orders local calls with its moves, what the manager remembers of the file, following
 * a login or a wipe by another manager or process of the file, wiping, and guarding a synchronize's writes against a
 * move or a wipe. Thread-safe.
 */
final class DeviceIdentity {

    // Its lines are the manager's: they tell what the manager did, as they did when this was part of it.
    private static final Logger LOG = LoggerFactory.getLogger(CognitoSyncManager.class);

    private final IdentityPoolId pool;
    private final LocalCache cache;
    private final CognitoIdentityCredentials credentials;
    /** Ends the manager's subscriptions, which listen to the datasets of the identity a wipe forgets. */
    private final Runnable endSubscriptions;
    /**
     * The identity local data belongs to (null: none yet), as the cache holds it: it changes with the cache's move of
     * the data, under {@link #identityLock}'s write lock, while local calls hold its read lock and never wait for the
     * network (the credentials' own lock is held while they ask Cognito Identity).
     */
    private volatile @Nullable IdentityId localIdentity;
    private final ReadWriteLock identityLock = new ReentrantReadWriteLock();
    /** How often the local data was wiped or moved to another identity (changed under the write lock). */
    private volatile long moves;
    /**
     * The identity the cache remembered for the pool when this manager last wrote or read it there (null: none), to
     * tell what another manager or process sharing the cache file did to the device's identity since.
     */
    private volatile @Nullable IdentityId remembered;
    /**
     * The cache's count of wipes of the pool ({@link LocalCache#wipes}) when this manager took {@link #remembered}: a
     * wipe elsewhere followed by a new identity there (the next user's) is a wipe to follow, not a login.
     */
    private volatile long wipesSeen;

    /** {@code start}: the one look at the file the credentials' identity at start was taken from too. */
    DeviceIdentity(IdentityPoolId pool, LocalCache cache, CognitoIdentityCredentials credentials,
            RememberedIdentity start, Runnable endSubscriptions) {
        this.pool = pool;
        this.cache = cache;
        this.credentials = credentials;
        this.endSubscriptions = endSubscriptions;
        this.localIdentity = credentials.knownIdentityId();
        this.remembered = start.identity();
        this.wipesSeen = start.wipes();
    }

    /** {@link CognitoSyncManager#wipeData}: ends the subscriptions, wipes, and forgets the identity and credentials. */
    void wipe() {
        endSubscriptions.run();
        identityLock.writeLock().lock();
        try {
            wipeLocked();
        } finally {
            identityLock.writeLock().unlock();
        }
        credentials.clear();
    }

    /** {@link #wipe}'s work on the cache (see {@link LocalDataWipe#own}); the caller holds the write lock. */
    private void wipeLocked() {
        new LocalDataWipe(cache, pool, localIdentity).own();
        forget();
    }

    private void forget() {
        localIdentity = null;
        remembered = null;
        moves++;
    }

    /**
     * Follows what another manager or process sharing the cache file did to the device's identity since this one last
     * looked (an app started twice): a login there moved the device to another identity, which this manager takes
     * too, so that the device keeps one (its data written since moves as for any identity change); a
     * {@link CognitoSyncManager#wipeData} there forgot it, and this manager drops its own data of it as well (never
     * the file's identity now), so that nothing of the wiped identity comes back into the file or goes to the service
     * from here. The cache counts wipes: an identity remembered there after a wipe (the next user's) is no login from
     * this one's, and taking it would move the wiped user's data to it.
     *
     * @throws DataStorageException when the device's data was wiped elsewhere (this manager's is then wiped too), or
     *     when another login there moved it on while this manager followed the first (the next synchronize follows)
     */
    void followSharedCache() {
        IdentityId seen = remembered;
        long seenWipes = wipesSeen;
        if (seen == null) {
            return;
        }
        IdentityId now = unlessWiped(seen, seenWipes);
        if (now.equals(seen)) {
            return;
        }
        LOG.info("another manager of the cache file moved the device from identity {} to {}; following it", seen, now);
        if (!credentials.adopt(now)) {
            // Refused (see changed): the file no longer holds it with the wipes seen. A wipe there is followed now,
            // as one found before; another login there, by the next synchronize.
            unlessWiped(seen, seenWipes);
            throw new DataStorageException("Another manager or process of the cache file moved the device from the "
                    + "identity " + now + " to another one while this manager followed it there; nothing was "
                    + "synchronized, and the next synchronize follows it");
        }
    }

    /**
     * The identity the file remembers, unless it was wiped there since this manager saw {@code seen} with
     * {@code seenWipes}: then this manager follows the wipe.
     *
     * @throws DataStorageException when the device's data was wiped elsewhere
     */
    private IdentityId unlessWiped(IdentityId seen, long seenWipes) {
        RememberedIdentity file = cache.remembered(pool);
        IdentityId now = file.identity();
        if (now == null || file.wipes() != seenWipes) {
            throw new DataStorageException("The device's local data was wiped (wipeData) by another manager or "
                    + "process of the cache file; " + followWipe(seen, seenWipes) + " and nothing was synchronized");
        }
        return now;
    }

    /**
     * Drops this manager's data as the wipe elsewhere did ({@link LocalDataWipe#followed}), unless this manager no
     * longer holds what the synchronize that found the wipe saw ({@code seen}, {@code seenWipes}): then another
     * synchronize of it (of another dataset, at the same time) has followed the wipe already, and wiping again would
     * also wipe what the app did after that one's onFailure, or a login moved it to another identity meanwhile: that
     * login followed a wipe made before it (see {@link #changed}), and a wipe made after it is of the identity it
     * took, which the next synchronize follows.
     *
     * @return what became of this manager's data, for the failure's message
     */
    private String followWipe(IdentityId seen, long seenWipes) {
        String dropped;
        identityLock.writeLock().lock();
        try {
            IdentityId now = remembered;
            if (now == null || wipesSeen != seenWipes) {
                return "this manager's data of the identity " + seen + " was wiped already (by another synchronize "
                        + "or a login of this manager, or its own wipeData)";
            }
            if (!seen.equals(now)) {
                return "a login moved this manager from the identity " + seen + " to " + now
                        + " meanwhile, and this synchronize wiped nothing";
            }
            dropped = new LocalDataWipe(cache, pool, localIdentity).followed();
            forget();
        } finally {
            identityLock.writeLock().unlock();
        }
        endSubscriptions.run();
        credentials.clear();
        return dropped;
    }

    /**
     * {@code call} on the identity local data belongs to: an identity change (the move of the local data) waits for
     * it, and it for the change.
     */
    <T extends @Nullable Object> T read(Function<IdentityId, T> call) {
        identityLock.readLock().lock();
        try {
            return call.apply(localIdentity());
        } finally {
            identityLock.readLock().unlock();
        }
    }

    /**
     * The cache as a call that went to the service for {@code identity} may write it: while the local data stays with
     * that identity. The identity and the count of moves are taken together, so a login or a wipe that came after the
     * credentials named the identity is caught too; so is one by another manager or process of the cache file, by
     * what the file remembers.
     *
     * @throws DataStorageException when the local data no longer belongs to {@code identity}
     */
    SyncCache cacheOf(IdentityId identity) {
        identityLock.readLock().lock();
        try {
            if (!localIdentity().equals(identity)) {
                throw movedAway();
            }
            // wipesSeen is counted with remembered: one that took no identity from the file (the app gave it its own,
            // on a file that remembered none) follows no wipe or login there, so its writes compare with the file's
            // count now, and with no identity.
            IdentityId seen = remembered;
            return new SyncCache(cache, guardSince(moves, seen != null ? wipesSeen : cache.wipes(pool), seen));
        } finally {
            identityLock.readLock().unlock();
        }
    }

    /**
     * Lets writes through while the local data has not been wiped or moved since {@code since} moves, nor wiped by
     * another manager or process of the cache file since it counted {@code wipes}, nor moved there from the identity
     * {@code seen} it remembered (null: none, not checked), both checked in the write's transaction.
     */
    private SyncCache.Guard guardSince(long since, long wipes, @Nullable IdentityId seen) {
        return new SyncCache.Guard() {
            @Override
            public <T extends @Nullable Object> T unlessMoved(Supplier<T> write) {
                identityLock.readLock().lock();
                try {
                    List<T> written = new ArrayList<>(1);
                    if (moves != since || !cache.writeUnlessMoved(pool, wipes, seen, () -> written.add(write.get()))) {
                        throw movedAway();
                    }
                    return written.get(0);
                } finally {
                    identityLock.readLock().unlock();
                }
            }
        };
    }

    private static DataStorageException movedAway() {
        return new DataStorageException("The device's local data was wiped (wipeData) or moved to another identity "
                + "(a login), here or in another manager or process of the cache file, while the call to the service "
                + "ran; nothing it fetched was kept");
    }

    /** The identity local data belongs to, without a network call or a wait for one. */
    IdentityId localIdentity() {
        IdentityId known = localIdentity;
        return known != null ? known : LocalCache.UNKNOWN_IDENTITY;
    }

    /**
     * The credentials' news that the identity is {@code current}, {@code old} before (null: none was known), each
     * decided from the cache file in one of its transactions. One from the file ({@link Source#SHARED_CACHE}: another
     * manager's login, which this one follows) is taken, and the local data moved to it, only while the file still
     * remembers it with the count of wipes this manager saw: else that manager logged it out, or in to another
     * identity, meanwhile, and this one takes nothing and keeps its count; a synchronize following a login there
     * follows a wipe there at once ({@link #followSharedCache}), and the rest (another login there, or a wipe the
     * survivor or a first identity was refused for) is followed later, by the next synchronize. One of this manager's
     * own ({@link Source#SERVICE}) is remembered in the file, and the local data moves to it (or is dropped, see
     * {@link LocalDataMove}); the file's wipes are counted afresh, those made before being the identity left's.
     *
     * @return whether the device took {@code current}
     */
    boolean changed(@Nullable IdentityId old, IdentityId current, Source source) {
        IdentityId from = old == null ? LocalCache.UNKNOWN_IDENTITY : old;
        identityLock.writeLock().lock();
        try {
            if (source == Source.SHARED_CACHE) {
                return takeShared(old, from, current);
            }
            long wipes = cache.wipes(pool);
            while (!remember(wipes, old, from, current)) {
                wipes = cache.wipes(pool); // a wipe landed since it was read: decide from the file as it is now
            }
            if (remembered == null || !from.equals(current)) {
                wipesSeen = wipes; // the wipes before this identity are not its own
            }
            took(from, current);
            return true;
        } finally {
            identityLock.writeLock().unlock();
        }
    }

    /**
     * Takes the identity the file remembers, {@code current}, if it still does with the wipes this manager saw (one
     * that took no identity from the file counts them as it finds them); the caller holds the write lock.
     */
    private boolean takeShared(@Nullable IdentityId old, IdentityId from, IdentityId current) {
        long wipes = remembered != null ? wipesSeen : cache.wipes(pool);
        if (!cache.writeUnlessMoved(pool, wipes, current, new LocalDataMove(cache, old, from, current, false))) {
            LOG.info("another manager of the cache file wiped the device's data or moved it to another identity before "
                    + "this one took identity {} from it; nothing moved, and this one follows the file as it is now "
                    + "(a wipe found while following a login there at once, else at the next synchronize)", current);
            return false;
        }
        wipesSeen = wipes;
        took(from, current);
        return true;
    }

    /** The local data moved from {@code from} to {@code current} in the file (nothing moved when they are one). */
    private void took(IdentityId from, IdentityId current) {
        remembered = current;
        localIdentity = current;
        if (!from.equals(current)) {
            moves++;
        }
    }

    /**
     * Remembers {@code current} in the file and moves the local data to it, unless the file's count of wipes is no
     * longer {@code wipes}; a wipe counted since this manager took its identity is of the identity left.
     */
    private boolean remember(long wipes, @Nullable IdentityId old, IdentityId from, IdentityId current) {
        boolean wiped = remembered != null && wipes != wipesSeen;
        Runnable move = new LocalDataMove(cache, old, from, current, wiped);
        return cache.writeUnlessMoved(pool, wipes, null, () -> {
            cache.rememberIdentity(pool, current);
            move.run();
        });
    }
}
