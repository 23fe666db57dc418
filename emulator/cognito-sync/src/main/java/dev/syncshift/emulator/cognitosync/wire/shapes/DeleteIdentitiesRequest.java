package dev.syncshift.emulator.cognitosync.wire.shapes;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cognito Identity DeleteIdentities' body. */
public record DeleteIdentitiesRequest(@Nullable List<String> identityIdsToDelete) {
}
