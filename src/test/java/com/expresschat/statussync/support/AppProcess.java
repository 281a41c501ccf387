package com.expresschat.statussync.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.test.AvailablePortFinder;

/**
 * The packaged application as a real process, started like an operator does: {@code java @config/jvm.options
 * -jar target/express-chat-status-sync.jar} from the project root. Its output goes to a log file.
 */
public final class AppProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "express-chat-status-sync.jar");
    /** The product's JVM options (the class-data sharing archive made by mvn package). */
    public static final Path JVM_OPTIONS = Path.of("config", "jvm.options");
    /**
     * Users of the REST intake for prod-profile starts: the prod profile refuses an unauthenticated intake, and a users
     * file other users can read, so this is a copy of src/test/resources/test-users.properties with mode 0600 (git
     * keeps no such mode).
     */
    public static final String USERS_FILE = privateCopy(Path.of("src/test/resources/test-users.properties")).toString();
    /** Where every run's output is kept once the process has ended, for TokenLeakScanIT. */
    public static final Path RUN_LOGS = Path.of("target", "it-logs");

    private final Process process;
    private final Path log;

    /** A copy of a secrets file under target/it-secrets/ that only its owner can read, as the prod profile requires. */
    public static Path privateCopy(Path file) {
        try {
            Path copy = Path.of("target", "it-secrets", file.getFileName().toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file, e);
        }
    }

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with JVM options (e.g. -Xmx128m, -Dkey=value) and extra environment variables. */
    public static AppProcess start(List<String> jvmOptions, Map<String, String> environment, Path log)
            throws IOException {
        return start(List.of(), jvmOptions, environment, log);
    }

    /**
     * Starts the jar under a launcher, e.g. {@code setpriv --reuid=65534 ...} to run it as another user than the
     * tests' (who are root, for whom file permissions stop nothing).
     */
    public static AppProcess start(List<String> launcher, List<String> jvmOptions, Map<String, String> environment,
            Path log) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn package first");
        }
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("EXPRESS_CHAT_TOKEN");
        builder.environment().remove("EXPRESS_CHAT_TOKEN_FILE");
        // as deploy/ starts it: file names are decoded in the locale's charset (a test may set another locale)
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().putAll(environment);
        return new AppProcess(builder.start(), log);
    }

    /**
     * JVM options of a prod-profile start on loopback against {@code expressChatUrl}, with the heap capped at
     * {@code maxHeap} and the folders inbox/, done/, error/ under {@code data}.
     */
    public static List<String> prodOptions(String maxHeap, String expressChatUrl, Path data) {
        return List.of("-Xmx" + maxHeap,
                "-Dcamel.main.profile=prod", "-Dcamel.server.basicPropertiesFile=" + USERS_FILE,
                "-Dstatussync.rest.tls-terminated-upstream=true", // loopback only: plaintext is meant
                "-Dcamel.server.port=" + AvailablePortFinder.getNextAvailable(),
                "-Dstatussync.express-chat.url=" + expressChatUrl,
                "-Dstatussync.inbox-dir=" + data.resolve("inbox"), "-Dstatussync.done-dir=" + data.resolve("done"),
                "-Dstatussync.error-dir=" + data.resolve("error"));
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits until Camel reports it has started (or fails if the process dies first). */
    public AppProcess awaitStarted(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + output());
            }
            return output().contains(") started in ");
        });
        return this;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the application did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGKILL: the crash of §5. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        keepLog();
    }

    /** SIGTERM: a graceful stop; returns how long the process took to exit (it is killed after 60 s). */
    public Duration stop() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
        keepLog();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        } else {
            keepLog();
        }
    }

    private void keepLog() {
        try {
            Files.createDirectories(RUN_LOGS);
            Files.copy(log, RUN_LOGS.resolve(System.nanoTime() + "-" + log.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the application's log " + log, e);
        }
    }
}
