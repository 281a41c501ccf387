package com.expresschat.statussync.support;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;

/** What the ITs on packaged processes read and write: inputs dropped whole, folder listings, the IDs WireMock got. */
public final class RunFolders {

    private RunFolders() {
    }

    /**
     * Drops an input of {@code count} distinct, deterministic 24-hex IDs, unique to {@code seed}, into {@code inbox}
     * at once (written beside it as a hidden file, then moved in); returns its IDs.
     */
    public static List<String> writeInput(Path inbox, String name, int count, long seed) throws IOException {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(String.format("%08x%016x", seed, (i + 1) * 0x9e3779b1L));
        }
        Path staged = Files.write(inbox.resolveSibling("." + name + ".staged"), ids);
        Files.move(staged, inbox.resolve(name));
        return ids;
    }

    /** The names of the regular files in a folder, sorted; none when it does not exist. */
    public static List<String> listFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The receipts in a folder (not their hidden part files). */
    public static List<String> receipts(Path dir) {
        return listFiles(dir).stream().filter(n -> n.endsWith(".receipt.json") && !n.startsWith(".")).toList();
    }

    /** How many times each ID reached express-chat (all DELETED), from WireMock's request journal. */
    public static Map<String, Integer> receivedIdCounts(WireMockServer expressChat) {
        Map<String, Integer> counts = new HashMap<>();
        expressChat.findAll(putRequestedFor(urlEqualTo(ExpressChatStub.PATH))).forEach(request -> {
            var body = ExpressChatStub.read(request.getBodyAsString());
            assertThat(body.path("status").asText()).isEqualTo("DELETED");
            body.get("ids").forEach(id -> counts.merge(id.asText(), 1, Integer::sum));
        });
        return counts;
    }

    /** How many dead-letter files of {@code error} hold each ID (replaying error/ sends an ID once per file). */
    public static Map<String, Integer> deadLetteredIdCounts(Path error) throws IOException {
        Map<String, Integer> files = new HashMap<>();
        try (Stream<Path> deadLetters = Files.list(error)) {
            for (Path file : deadLetters.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
                Set<String> ids = new HashSet<>();
                for (String line : Files.readAllLines(file)) {
                    ids.add(ExpressChatStub.read(line).path("id").asText());
                }
                ids.forEach(id -> files.merge(id, 1, Integer::sum));
            }
        }
        return files;
    }
}
