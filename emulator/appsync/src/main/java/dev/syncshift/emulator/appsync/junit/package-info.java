/** JUnit 5 support: an extension that starts one emulator on port 0 and hands it to tests. */
@NullMarked
package dev.syncshift.emulator.appsync.junit;

import org.jspecify.annotations.NullMarked;
