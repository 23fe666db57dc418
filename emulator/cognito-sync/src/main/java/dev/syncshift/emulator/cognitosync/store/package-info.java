/**
 * Store layer: the emulator's state behind interfaces, with in-memory implementations. Holds data and per-key
 * locks; applies no rules.
 *
 * <p>May depend on {@code core} only.
 */
@NullMarked
package dev.syncshift.emulator.cognitosync.store;

import org.jspecify.annotations.NullMarked;
