package dev.syncshift.emulator.cognitosync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes {@link CognitoSyncEmulatorExtension} start the test class's emulator with {@code --strict-auth}, accepting
 * {@link CognitoSyncEmulatorExtension#DEVELOPER} as the developer key, on an injectable {@link MutableClock}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface StrictAuth {
}
