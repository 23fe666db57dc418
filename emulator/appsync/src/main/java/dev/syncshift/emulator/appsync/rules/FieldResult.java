package dev.syncshift.emulator.appsync.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a resolver produced for its field.
 *
 * @param value the field's value (null when {@code failed})
 * @param errors the field's errors: the raised one first, then those appended
 * @param failed whether {@code util.error} (or a runtime error) ended the resolver
 * @param subscriptionFilter the filter a subscription resolver set, or null
 */
record FieldResult(@Nullable Object value, List<ResolverError> errors, boolean failed,
        @Nullable Object subscriptionFilter) {

    FieldResult {
        errors = List.copyOf(errors);
    }
}
