package com.expresschat.statussync.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.AppProcess;

/**
 * §7: the token never appears in any output. Every token the tests use starts with {@value #MARKER}; this
 * test runs last (its own failsafe execution, after the other ITs: pom.xml) and scans everything the suite
 * captured: the output of every unit and integration test class and the log of every run of the packaged jar.
 */
class TokenLeakScanIT {

    static final String MARKER = "secret-token-";

    @Test
    void noTestTokenAppearsInAnyCapturedOutput() throws IOException {
        List<Path> captured = new ArrayList<>();
        for (Path dir : List.of(Path.of("target", "surefire-reports"), Path.of("target", "failsafe-reports"),
                AppProcess.RUN_LOGS)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".log"))
                            .forEach(captured::add);
                }
            }
        }
        assertThat(captured).as("the unit tests' output and the packaged runs' logs")
                .anyMatch(f -> f.toString().endsWith("-output.txt"))
                .anyMatch(f -> f.startsWith(AppProcess.RUN_LOGS));
        long bytes = 0;
        for (Path file : captured) {
            String text = Files.readString(file);
            bytes += text.length();
            assertThat(text).as(file.toString()).doesNotContain(MARKER);
        }
        assertThat(bytes).isGreaterThan(10_000);
    }
}
