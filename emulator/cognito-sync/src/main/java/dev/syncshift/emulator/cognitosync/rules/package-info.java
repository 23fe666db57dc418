/**
 * Rules layer: the semantics of each operation (validation through {@code core}, sync counts, limits, tokens,
 * credentials). Finishes validating before the first store write, so a rejected request changes nothing.
 *
 * <p>May depend on {@code core} and {@code store}; never on {@code wire}, Jetty or Jackson.
 */
@NullMarked
package dev.syncshift.emulator.cognitosync.rules;

import org.jspecify.annotations.NullMarked;
