/**
 * Fault injection, an extra beside the layers: throttling, injected internal errors and added latency, applied
 * through the rules layer's {@link dev.syncshift.emulator.cognitosync.rules.OperationGate} before an operation
 * runs, so a refused request changes nothing. Deterministic for a given seed and ticker.
 *
 * <p>May depend on {@code rules} (the gate and its errors) and {@code core}; never on {@code wire}, Jetty or
 * Jackson.
 */
@NullMarked
package dev.syncshift.emulator.cognitosync.fault;

import org.jspecify.annotations.NullMarked;
