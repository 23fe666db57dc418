package dev.syncshift.client;

import static dev.syncshift.client.RecordingCallback.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.NullUnmarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Apps name the callback as AWS's client nests it, {@code Dataset.SyncCallback}: an anonymous
 * {@code new Dataset.SyncCallback() {...}} handed to {@code synchronize}, a field or variable of that type holding a
 * {@code DefaultSyncCallback}, a class that {@code implements Dataset.SyncCallback}. Such code ports by its imports.
 * Kotlin apps override the callbacks with the parameter types AWS's unannotated Java left open to them, some written
 * {@code dataset: Dataset?}, some {@code dataset: Dataset}: only parameters of unspecified nullness accept both
 * (Kotlin 2.1 refuses either one against JSpecify's {@code @NullMarked} or {@code @Nullable}, "overrides nothing").
 */
@ExtendWith(EmulatorsExtension.class)
class DatasetSyncCallbackTest {

    @Test
    void anAnonymousDatasetSyncCallbackHearsWhatTheSynchronizePulled(Emulators emulators) throws Exception {
        try (World world = new World(emulators, Backend.COGNITO)) {
            CognitoSyncManager phone = world.newDevice();
            Dataset written = phone.openOrCreateDataset("profile");
            written.put("theme", "dark");
            sync(written);
            Dataset profile = world.sameIdentity(phone).openOrCreateDataset("profile");
            CompletableFuture<List<Record>> pulled = new CompletableFuture<>();

            profile.synchronize(new Dataset.SyncCallback() {
                @Override
                public void onSuccess(Dataset dataset, List<Record> updatedRecords) {
                    pulled.complete(updatedRecords);
                }

                @Override
                public boolean onConflict(Dataset dataset, List<SyncConflict> conflicts) {
                    return false;
                }

                @Override
                public boolean onDatasetDeleted(Dataset dataset, String datasetName) {
                    return false;
                }

                @Override
                public boolean onDatasetsMerged(Dataset dataset, List<String> datasetNames) {
                    return false;
                }

                @Override
                public void onFailure(DataStorageException dse) {
                    pulled.completeExceptionally(dse);
                }
            });

            assertThat(pulled.get(RecordingCallback.WAIT.toSeconds(), TimeUnit.SECONDS))
                    .extracting(Record::getKey, Record::getValue).containsExactly(tuple("theme", "dark"));
        }
    }

    /**
     * A {@code DefaultSyncCallback} is a {@code Dataset.SyncCallback} (the assignment compiles), and the nested name
     * declares nothing of its own, so that an app's callback written against either name implements the same methods.
     */
    @Test
    void aDefaultSyncCallbackIsADatasetSyncCallbackWhichAddsNothing() {
        Class<? extends Dataset.SyncCallback> defaults = DefaultSyncCallback.class;

        assertThat(defaults.getInterfaces()).containsExactly(Dataset.SyncCallback.class);
        assertThat(Dataset.SyncCallback.class.getDeclaredMethods()).isEmpty();
        assertThat(Dataset.SyncCallback.class.getInterfaces()).containsExactly(SyncCallback.class);
    }

    @Test
    void theCallbacksLeaveTheNullnessOfTheirParametersOpenAsAwssDid() {
        assertThat(List.of(SyncCallback.class, DefaultSyncCallback.class))
                .allMatch(type -> type.isAnnotationPresent(NullUnmarked.class));
    }
}
