package dev.syncshift.client.spi;

import org.jspecify.annotations.Nullable;

/**
 * A conditional write of one record to the local cache, so that an edit the app makes while a synchronize runs is
 * never overwritten.
 *
 * @param expected what the writer read before (null: the key was absent)
 * @param replacement what to store when the current record still equals {@code expected}
 * @param rebaseIfChanged when the current record differs and holds a local change: keep its value and flag, and move
 *     its base count and service version to {@code replacement}'s (used after a push: the newer local edit is now
 *     based on the pushed version)
 */
public record RecordUpdate(@Nullable LocalRecord expected, LocalRecord replacement, boolean rebaseIfChanged) {
}
