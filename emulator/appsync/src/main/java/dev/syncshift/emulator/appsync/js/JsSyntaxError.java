package dev.syncshift.emulator.appsync.js;

/**
 * Code that is not JavaScript: where the parser stopped.
 *
 * @param message the parser's message
 * @param line the line, 1-based, or 0 when unknown
 * @param column the column, 1-based, or 0 when unknown
 * @param span the length of the offending text, or 0 when unknown
 */
public record JsSyntaxError(String message, int line, int column, int span) {
}
