package dev.syncshift.graphql.e2e;

import dev.syncshift.emulator.appsync.junit.SignedGraphQlClient.Answer;
import org.jspecify.annotations.Nullable;

/** One call a scenario makes as its caller. */
@FunctionalInterface
interface Step {

    Answer run(SyncOperations api, Caller me);

    /**
     * The errorType this call must fail with when it sets a scenario up, or null when it must succeed.
     *
     * @return the expected errorType, or null
     */
    default @Nullable String refusedWith() {
        return null;
    }

    /** A setup call that must be refused with {@code errorType} (e.g. the rejected push of an atomicity row). */
    static Step refused(String errorType, Step call) {
        return new Step() {
            @Override
            public Answer run(SyncOperations api, Caller me) {
                return call.run(api, me);
            }

            @Override
            public String refusedWith() {
                return errorType;
            }
        };
    }
}
