package dev.syncshift.emulator.appsync.control;

import org.jspecify.annotations.Nullable;

/**
 * A type of the schema as ListTypes and GetType describe it.
 *
 * @param name the type's name
 * @param description its description in the schema, or null when it has none
 * @param arn {@code arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<name>}
 * @param definition for format {@code SDL} the type's SDL text; for {@code JSON} its entry of the introspection
 *     result ({@code __schema.types[]}) as plain maps and lists, for the wire to write as JSON text
 * @param format {@code SDL} or {@code JSON}
 */
public record TypeSummary(String name, @Nullable String description, String arn, Object definition, String format) {
}
