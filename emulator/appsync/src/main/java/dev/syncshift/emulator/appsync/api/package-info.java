/**
 * The deployed API's vocabulary: the definitions a template declares (API, data sources, functions, resolvers, with
 * ids derived as AppSync shapes them) and the failures AppSync reports at the HTTP level
 * ({@link dev.syncshift.emulator.appsync.api.AppSyncServiceException} and its sealed subclasses). The bottom of the
 * emulator's packages: imports none of them, and never Jetty, Jackson or GraalJS.
 */
@NullMarked
package dev.syncshift.emulator.appsync.api;

import org.jspecify.annotations.NullMarked;
