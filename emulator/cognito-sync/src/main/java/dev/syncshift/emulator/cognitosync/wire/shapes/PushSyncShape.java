package dev.syncshift.emulator.cognitosync.wire.shapes;

import dev.syncshift.emulator.cognitosync.store.StoredPushSync;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cognito Sync {@code PushSync}. */
public record PushSyncShape(@Nullable List<String> applicationArns, @Nullable String roleArn) {

    /** The wire form of {@code pushSync}, null when absent. */
    public static @Nullable PushSyncShape of(@Nullable StoredPushSync pushSync) {
        return pushSync == null ? null : new PushSyncShape(pushSync.applicationArns(), pushSync.roleArn());
    }

    /** The settings this shape asks for; absent ARNs mean none. */
    public StoredPushSync toStored() {
        return new StoredPushSync(applicationArns == null ? List.of() : applicationArns, roleArn);
    }
}
