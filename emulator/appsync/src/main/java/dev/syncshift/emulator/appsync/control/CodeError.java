package dev.syncshift.emulator.appsync.control;

/**
 * One problem EvaluateCode found in the code, before running it.
 *
 * @param errorType {@code PARSER_ERROR} (not JavaScript) or {@code LINT_ERROR} (outside APPSYNC_JS)
 * @param value the message
 * @param line the line, 1-based, or 0 when unknown
 * @param column the column, 1-based, or 0 when unknown
 * @param span the length of the offending text, or 0 when unknown
 */
public record CodeError(String errorType, String value, int line, int column, int span) {
}
