/**
 * The APPSYNC_JS runtime: resolver modules checked against AppSync's restrictions and linked to the emulator's
 * {@code @aws-appsync/utils}, run in GraalJS with a time limit, the resolver context crossing as JSON text
 * ({@link dev.syncshift.emulator.appsync.js.JsJson}). Used by {@code rules} and {@code control}; uses nothing of the
 * emulator's other packages. The only package that uses GraalJS, and with {@code wire} the only one that uses Jackson.
 */
@NullMarked
package dev.syncshift.emulator.appsync.js;

import org.jspecify.annotations.NullMarked;
