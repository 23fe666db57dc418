package dev.syncshift.graphql.e2e;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;

/** One call a scenario makes as its caller. */
@FunctionalInterface
interface Step {

    Answer run(SyncOperations api, Caller me);
}
