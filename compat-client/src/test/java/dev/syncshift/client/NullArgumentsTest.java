package dev.syncshift.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Null arguments are {@code IllegalArgumentException}" (README): every public method and constructor of the API,
 * found by reflection so that a new one is swept too, called with each of its reference parameters null in turn
 * (the others given), refuses with {@code "<parameter> can't be null"}. A parameter the API documents null as
 * meaningful for ({@code put}'s value removes, a record's dates default to now) is annotated {@link Nullable} and
 * passed over. Nothing here reaches the network.
 */
@ExtendWith(EmulatorsExtension.class)
class NullArgumentsTest {

    private static final Record RECORD = new Record.Builder("k").build();
    /** The enum's own {@code valueOf}, and {@code equals}, whose null argument is meaningful. */
    private static final Set<String> PASSED_OVER = Set.of("valueOf", "equals");
    /** The arguments given beside the null one, by type: add one when a new method needs it. */
    private static final Map<Class<?>, Object> SAMPLES = Map.of(String.class, "k", Record.class, RECORD,
            Date.class, new Date(), long.class, 0L);

    private static CognitoSyncManager manager;

    @BeforeAll
    static void start(Emulators emulators) {
        manager = emulators.device(Backend.COGNITO).build();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @TestFactory
    Stream<DynamicTest> eachNullArgumentOfThePublicApiIsRefusedNamingItsParameter() {
        Map<Class<?>, Object> targets = Map.of(CognitoSyncManager.class, manager,
                CognitoSyncManagerBuilder.class, CognitoSyncManager.builder(),
                Dataset.class, manager.openOrCreateDataset("nulls"),
                SyncConflict.class, new SyncConflict(RECORD, RECORD), Record.class, RECORD,
                Record.Builder.class, new Record.Builder("k"),
                DatasetMetadata.class, new DatasetMetadata("nulls", new Date(), new Date(), null, 0, 0),
                Backend.class, Backend.COGNITO);
        return targets.entrySet().stream()
                .flatMap(target -> publicApi(target.getKey()).flatMap(e -> nullCases(e, target.getValue())));
    }

    private static Stream<Executable> publicApi(Class<?> type) {
        Stream<Method> methods = Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() == type && !PASSED_OVER.contains(m.getName()));
        Stream<Constructor<?>> constructors = Arrays.stream(type.getConstructors());
        return Stream.concat(methods, constructors);
    }

    /** One test for each parameter of {@code executable} that may not be null. */
    private static Stream<DynamicTest> nullCases(Executable executable, Object target) {
        Class<?>[] types = executable.getParameterTypes();
        return IntStream.range(0, types.length)
                .filter(i -> !types[i].isPrimitive()
                        && !executable.getAnnotatedParameterTypes()[i].isAnnotationPresent(Nullable.class))
                .mapToObj(i -> DynamicTest.dynamicTest(name(executable, i), () -> {
                    Object[] arguments = new Object[types.length];
                    for (int j = 0; j < types.length; j++) {
                        arguments[j] = j == i ? null : sample(types[j]);
                    }
                    assertThat(call(executable, target, arguments)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage(executable.getParameters()[i].getName() + " can't be null");
                }));
    }

    private static String name(Executable executable, int nullParameter) {
        String owner = executable.getDeclaringClass().getSimpleName();
        String called = executable instanceof Constructor ? "new " + owner : owner + "." + executable.getName();
        return called + "(" + executable.getParameters()[nullParameter].getName() + " = null)";
    }

    private static Object sample(Class<?> type) {
        Object sample = SAMPLES.get(type);
        assertThat(sample).as("a sample %s for the sweep", type.getName()).isNotNull();
        return sample;
    }

    /** What calling {@code executable} threw; fails when it returned. */
    private static Throwable call(Executable executable, Object target, Object[] arguments) throws Exception {
        try {
            if (executable instanceof Method method) {
                method.invoke(Modifier.isStatic(method.getModifiers()) ? null : target, arguments);
            } else {
                ((Constructor<?>) executable).newInstance(arguments);
            }
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
        throw new AssertionError(executable + " took a null argument");
    }

    /** A null inside a collection argument is refused too, naming the argument. */
    @Test
    void aNullInsideLoginsOrRecordsIsRefusedNamingTheArgument() {
        Map<String, String> nullToken = new HashMap<>();
        nullToken.put("login.compat", null);
        Dataset dataset = manager.openOrCreateDataset("nulls");

        assertThatThrownBy(() -> manager.setLogins(nullToken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logins can't hold null");
        assertThatThrownBy(() -> CognitoSyncManager.builder().logins(nullToken))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("logins can't hold null");
        assertThatThrownBy(() -> dataset.resolve(Collections.singletonList(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("records can't hold null");
    }
}
