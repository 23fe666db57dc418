package dev.syncshift.migrator.job.remote;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/** A partition request as the text a broker carries: {@code stepName/stepExecutionId}. */
final class RequestCodec {

    private RequestCodec() {
    }

    static String encode(StepExecutionRequest request) {
        return request.getStepName() + "/" + request.getStepExecutionId();
    }

    /**
     * The request {@code text} encodes.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static StepExecutionRequest decode(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a partition request: " + text);
        }
        return new StepExecutionRequest(parts[0], Long.parseLong(parts[1]));
    }
}
