package dev.syncshift.emulator.cognitosync.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One reentrant lock per key (an identity, a pool), created on first use: the stores' way of making a
 * read-check-write sequence atomic per key while other keys proceed.
 *
 * @param <K> the key type
 */
final class KeyedLocks<K> {

    private final Map<K, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Runs {@code action} holding the lock of {@code key}. */
    <T> T locked(K key, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
