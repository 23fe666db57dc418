/**
 * AWS_IAM authorization: a request's SigV4 signature checked through {@code emulator/sigv4} against the
 * {@code store} credentials registry, and the caller's {@link dev.syncshift.emulator.appsync.auth.Identity} that
 * becomes {@code ctx.identity}. Used by {@code wire}, {@code rules} and the entry point; imports {@code api} and
 * {@code store}; never Jetty, Jackson or GraalJS.
 */
@NullMarked
package dev.syncshift.emulator.appsync.auth;

import org.jspecify.annotations.NullMarked;
