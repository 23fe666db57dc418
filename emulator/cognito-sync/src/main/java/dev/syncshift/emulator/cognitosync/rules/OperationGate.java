package dev.syncshift.emulator.cognitosync.rules;

/**
 * Admits each operation before it runs: where injected faults (throttling, latency, internal errors) hook in.
 * The default admits everything at once.
 */
@FunctionalInterface
public interface OperationGate {

    /** Admits everything. */
    OperationGate OPEN = operation -> { };

    /**
     * Waits, or throws the service error the operation should fail with.
     *
     * @param operation the AWS operation name, for example {@code ListRecords}
     * @throws TooManyRequestsException when the operation is throttled
     * @throws InternalErrorException when a fault is injected
     */
    void admit(String operation);
}
