package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * §6 "a file name is data, never a path" (issue 10): whatever a dropped file's name holds, only that file is read,
 * and outputs go only into done/ and error/. On Linux a backslash is an ordinary character of a name, but Camel's
 * file component turns it into a separator in the paths it locks, reads and moves; such a name, and any other the
 * file intake cannot take as it is (control characters, too long for its reports), is REJECTED into error/ under a
 * safe name, with the original name in its reports. Each case drops a real file.
 */
class FileNameDropTest extends StatusSyncTestSupport {

    @Test
    void backslashNamesAreRejectedAndNothingOutsideTheInboxIsReadOrWritten() throws Exception {
        expressChat.acceptAll();
        // decoys with valid IDs where the names point: outside the inbox, and in a sub-folder of the inbox
        Path outside = data().resolve("outside").resolve("decoy.txt");
        Path inSubFolder = inbox().resolve(data().toString().substring(1)).resolve("outside").resolve("abs.txt");
        writeDecoy(outside, ids(3, 900));
        writeDecoy(inSubFolder, ids(3, 950));
        String relativeEscape = "a\\..\\..\\outside\\decoy.txt";
        String absolute = data().toString().replace('/', '\\') + "\\outside\\abs.txt";
        String plain = "a\\b.txt";
        drop(relativeEscape, ids(2, 1));
        drop(absolute, ids(2, 10));
        drop(plain, ids(2, 20));
        Map<String, String> before = tree();

        JsonNode escape = awaitRejectedAs("a%5C..%5C..%5Coutside%5Cdecoy.txt");
        JsonNode abs = awaitRejectedAs(absolute.replace("\\", "%5C"));
        JsonNode simple = awaitRejectedAs("a%5Cb.txt");

        for (JsonNode receipt : new JsonNode[] { escape, abs, simple }) {
            assertThat(receipt.path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(receipt.path("reason").asText()).contains("contains a backslash");
        }
        assertThat(escape.path("input").asText()).isEqualTo("a\\\\..\\\\..\\\\outside\\\\decoy.txt");
        assertThat(escape.path("reason").asText()).contains("'a\\\\..\\\\..\\\\outside\\\\decoy.txt'");
        assertThat(Files.readString(error().resolve("a%5Cb.txt"))).isEqualTo(ids(2, 20));
        JsonNode report = ExpressChatStub.read(Files.readString(error().resolve("a%5Cb.txt.error.json")));
        assertThat(report.path("input").asText()).isEqualTo("a\\\\b.txt");

        // nothing was sent: neither the dropped files (rejected) nor the decoys (never read)
        assertThat(expressChat.requests()).isEmpty();
        assertThat(Files.readString(outside)).isEqualTo(ids(3, 900));
        assertThat(Files.readString(inSubFolder)).isEqualTo(ids(3, 950));
        // the whole tree: the dropped files left the inbox, everything new is in error/, nothing else changed
        Map<String, String> after = tree();
        Map<String, String> changed = new TreeMap<>(after);
        before.forEach((path, state) -> {
            if (state.equals(after.get(path))) {
                changed.remove(path);
            }
        });
        assertThat(changed.keySet()).as("changed or new paths").allMatch(path -> path.startsWith("error/"));
        assertThat(before.keySet()).filteredOn(path -> !after.containsKey(path))
                .containsExactlyInAnyOrder("inbox/" + relativeEscape, "inbox/" + absolute, "inbox/" + plain);
    }

    @Test
    void aNameWithANewlineIsRejectedAndLoggedAsOneEscapedLine() throws Exception {
        expressChat.acceptAll();
        dropComplete("forged\nERROR fake line.txt", ids(2, 1));

        JsonNode receipt = awaitRejectedAs("forged%0AERROR fake line.txt");

        assertThat(receipt.path("reason").asText()).contains("control character");
        assertThat(receipt.path("input").asText()).isEqualTo("forged\\nERROR fake line.txt");
        await().atMost(Duration.ofSeconds(5)).until(() -> LogCapture.text().contains("forged\\nERROR fake line.txt"));
        assertThat(LogCapture.text().lines()).noneMatch(line -> line.startsWith("ERROR fake line"));
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void aNameTooLongForItsReportsIsRejectedUnderAShorterName() throws Exception {
        expressChat.acceptAll();
        String name = "x".repeat(236) + ".txt"; // 240 bytes: its .receipt.json would pass the 255-byte limit
        dropComplete(name, ids(2, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(inbox().resolve(name)));
        try (Stream<Path> files = Files.list(error())) {
            Path rejected = files.filter(f -> f.getFileName().toString().endsWith(".txt")).findFirst().orElseThrow();
            String safe = rejected.getFileName().toString();
            assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
            assertThat(Files.readString(rejected)).isEqualTo(ids(2, 1));
            JsonNode receipt = awaitRejectedAs(safe);
            assertThat(receipt.path("input").asText()).isEqualTo(name);
            assertThat(receipt.path("reason").asText()).contains("240 bytes");
        }
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void aLongNameThatFitsIsDelivered() throws Exception {
        expressChat.acceptAll();
        String name = "y".repeat(200) + ".txt";
        dropComplete(name, ids(2, 1));

        assertThat(awaitDone(name).path("outcome").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aFifoNeverBlocksTheIntakeAndIsRejected() throws Exception {
        expressChat.acceptAll();
        Files.createDirectories(inbox());
        run("mkfifo", inbox().resolve("pipe.txt").toString());
        dropComplete("after-the-fifo.txt", ids(2, 1));

        assertThat(awaitDone("after-the-fifo.txt").path("outcome").asText()).isEqualTo("DELIVERED");
        JsonNode receipt = awaitRejectedAs("pipe.txt");
        assertThat(receipt.path("reason").asText()).contains("not a regular file");
        assertThat(Files.readAttributes(error().resolve("pipe.txt"), "unix:mode", LinkOption.NOFOLLOW_LINKS))
                .isNotEmpty();
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1), objectId(2));
    }

    @Test
    void aNameThatIsNotValidUtf8IsRejectedUnderAnEscapedName() throws Exception {
        expressChat.acceptAll();
        Files.createDirectories(inbox());
        // Java cannot write this name itself (its names are strings): the shell writes byte 0xFF
        run("sh", "-c", "printf '" + ids(1, 1).trim() + "\\n' > \"$(printf '%s/bad\\377name.txt' \"$1\")\"", "sh",
                inbox().toString());

        JsonNode receipt = awaitRejectedAs("bad%FFname.txt");

        assertThat(receipt.path("reason").asText()).contains("not valid");
        assertThat(receipt.path("input").asText()).isEqualTo("bad\\xffname.txt");
        try (Stream<Path> left = Files.list(inbox())) {
            assertThat(left.filter(f -> !f.getFileName().toString().startsWith("."))).isEmpty();
        }
        assertThat(expressChat.requests()).isEmpty();
    }

    /** The receipt of a rejected entry, by the safe name it was given in error/. */
    private JsonNode awaitRejectedAs(String safeName) throws IOException {
        Path receipt = error().resolve(safeName + ".receipt.json");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> Files.exists(receipt));
        return ExpressChatStub.read(Files.readString(receipt));
    }

    private static void writeDecoy(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_000L));
    }

    /** Every path under the test's folder with its type, size and time stamp. */
    private Map<String, String> tree() throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(data())) {
            for (Path path : paths.toList()) {
                String state = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.size(path) + "@" + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
                tree.put(data().relativize(path).toString(), state);
            }
        }
        return tree;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
