package dev.syncshift.emulator.appsync.control;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What EvaluateCode answers: the handler's return value, or the error that ended it.
 *
 * @param evaluationResult the returned value (plain maps, lists, strings, numbers, booleans), or null
 * @param errorMessage the message of the error that ended the handler or kept it from running, or null
 * @param codeErrors the problems found in the code before running it
 * @param logs the lines the code logged
 * @param stash {@code ctx.stash} after the handler
 * @param outErrors the errors it appended with {@code util.appendError}, each {@code {message, type, data, info}}
 */
public record CodeEvaluation(@Nullable Object evaluationResult, @Nullable String errorMessage,
        List<CodeError> codeErrors, List<String> logs, Map<String, @Nullable Object> stash,
        List<Map<String, @Nullable Object>> outErrors) {

    /** Copies the lists. */
    public CodeEvaluation {
        codeErrors = List.copyOf(codeErrors);
        logs = List.copyOf(logs);
    }
}
