package com.expresschat.statussync.packaged;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A {@link ProdRun} on a fresh data folder for each test, everything it started stopped after the test. */
abstract class ProdRunSupport {

    @TempDir
    Path root;

    ProdRun run;
    Path inbox;
    Path done;
    Path error;

    @BeforeEach
    void prodRun() throws IOException {
        run = new ProdRun(root);
        inbox = run.inbox();
        done = run.done();
        error = run.error();
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        run.close();
    }
}
