package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreloaderTest {

    @Test
    void everyCallOfARunIsMadeOnceAgainstTheInMemoryClientAndNothingElseIsCalled() throws Exception {
        // Its clients aim at a closed port: a call that did not go to the in-memory client would fail here.
        assertThat(Preloader.preload(true)).isEqualTo(8);
    }
}
