package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A null value in {@code putAll} removes its key, as in AWS's client, and the parameter's type says so: Kotlin passes
 * a {@code Map<String, String?>} only where the map's values are declared nullable (AWS's unannotated Java took it).
 */
@ExtendWith(EmulatorsExtension.class)
class PutAllNullValueTest {

    @Test
    void aNullValueRemovesItsKey(Emulators emulators) {
        try (World world = new World(emulators, Backend.COGNITO)) {
            Dataset profile = world.newDevice().openOrCreateDataset("profile");
            profile.put("nickname", "ada");
            Map<String, @Nullable String> values = new HashMap<>();
            values.put("nickname", null);
            values.put("theme", "dark");

            profile.putAll(values);

            assertThat(profile.getAll()).isEqualTo(Map.of("theme", "dark"));
            assertThat(profile.getRecord("nickname")).extracting(Record::isDeleted).isEqualTo(true);
        }
    }

    @Test
    void theValuesOfTheMapAreDeclaredNullable() throws NoSuchMethodException {
        var values = (AnnotatedParameterizedType) Dataset.class.getMethod("putAll", Map.class)
                .getAnnotatedParameterTypes()[0];

        assertThat(values.getAnnotatedActualTypeArguments()[1]).isInstanceOfSatisfying(AnnotatedWildcardType.class,
                value -> assertThat(value.getAnnotatedUpperBounds()[0].isAnnotationPresent(Nullable.class)).isTrue());
    }
}
