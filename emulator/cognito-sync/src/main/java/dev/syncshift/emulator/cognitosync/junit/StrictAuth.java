package dev.syncshift.emulator.cognitosync.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes {@link CognitoSyncEmulatorExtension} start the annotated test class's emulator with strict auth (every
 * SigV4 signature verified) on a {@link MutableClock} that tests can have injected. The injected clients sign with
 * the emulator's first developer key at that clock's time, so they keep working when a test moves it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StrictAuth {
}
