/**
 * AWS Signature Version 4 checking for the emulators: {@link dev.syncshift.emulator.sigv4.SigV4Verifier} recomputes
 * a request's signature as AWS does (whatever headers the client chose to sign, in the {@code Authorization} header
 * or presigned in the query) and applies AWS's 15-minute clock-skew rule. No server, JSON or framework dependency:
 * callers turn their server's request into a {@link dev.syncshift.emulator.sigv4.SignedHttpRequest} and map each
 * {@link dev.syncshift.emulator.sigv4.FailureReason} to their service's error.
 */
@NullMarked
package dev.syncshift.emulator.sigv4;

import org.jspecify.annotations.NullMarked;
