package dev.syncshift.migrator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test whose methods share one {@link Cutover}: the emulators and DynamoDB Local, started once for the class. */
public abstract class CutoverScenario {

    /** The class's cutover; each test makes identities of its own in its pool. */
    protected static Cutover cutover;

    @BeforeAll
    protected static void startCutover() {
        cutover = Cutover.start();
    }

    @AfterAll
    protected static void stopCutover() {
        cutover.close();
    }
}
