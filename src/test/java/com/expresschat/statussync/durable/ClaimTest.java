package com.expresschat.statussync.durable;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.storage.Claims;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * §5 "an input is claimed when taken": whatever happens to the dropped name while the input is being delivered
 * (truncated, rewritten, a new file renamed over it, deleted), what is sent is exactly what validation read, every
 * validated ID is delivered, the receipt names an archived file that holds those very bytes, and a file that appears
 * under the name later is an input of its own. express-chat answers each PUT after 150 ms, so that the input (20
 * batches of 10, two at a time) is mid-delivery when the dropped name is touched; then at once.
 */
class ClaimTest extends StatusSyncTestSupport {

    static final int IDS = 200;
    static final String NAME = "users.txt";

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "10");
        p.setProperty("statussync.delivery.concurrency", "2");
    }

    @BeforeEach
    void slowExpressChat() {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(150)));
    }

    @Test
    void truncatedWhileDeliveredStillDeliversWhatWasValidatedAndTheEmptyFileIsAnInputOfItsOwn() throws Exception {
        String original = ids(IDS, 1);
        dropComplete(NAME, original);

        // what `: > users.txt` does: the name is opened for writing, truncated (here: created, the input is claimed)
        whileMidDelivery(() -> Files.write(inbox().resolve(NAME), new byte[0]));

        assertDeliveredAsDropped(NAME, original);
        JsonNode empty = awaitRejected(NAME);
        assertThat(empty.path("reason").asText()).contains("no user IDs");
        assertThat(Set.copyOf(expressChat.receivedIds())).isEqualTo(idSet(original));
    }

    @Test
    void rewrittenWhileDeliveredSendsNothingOfTheNewContentBeforeItIsValidated() throws Exception {
        String original = ids(IDS, 1);
        dropComplete(NAME, original);

        // rewritten in place by name: other IDs and one invalid row; as an input of its own it is REJECTED
        String rewritten = ids(50, 10_000) + "not-an-id\n";
        whileMidDelivery(() -> Files.writeString(inbox().resolve(NAME), rewritten));

        assertDeliveredAsDropped(NAME, original);
        JsonNode rejected = awaitRejected(NAME);
        assertThat(rejected.path("counts").path("invalid").asInt()).isEqualTo(1);
        assertThat(Files.readString(error().resolve(NAME))).isEqualTo(rewritten);
        assertThat(Set.copyOf(expressChat.receivedIds())).as("nothing that was not validated is sent")
                .isEqualTo(idSet(original));
    }

    @Test
    void aFileRenamedOverTheNameIsProcessedAsItsOwnInput() throws Exception {
        String original = ids(IDS, 1);
        dropComplete(NAME, original);

        String newer = ids(IDS, 5_000);
        Path staged = Files.writeString(data().resolve(".staged"), newer);
        whileMidDelivery(() -> Files.move(staged, inbox().resolve(NAME), StandardCopyOption.ATOMIC_MOVE));

        assertDeliveredAsDropped(NAME, original);
        // the newcomer is archived beside it under a free name, with every one of its IDs delivered
        JsonNode second = awaitDone("users-2.txt");
        assertThat(second.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(second.path("counts").path("delivered").asInt()).isEqualTo(IDS);
        assertThat(Files.readString(done().resolve("users-2.txt"))).isEqualTo(newer);
        Set<String> both = new HashSet<>(idSet(original));
        both.addAll(idSet(newer));
        assertThat(Set.copyOf(expressChat.receivedIds())).isEqualTo(both);
    }

    @Test
    void deletedWhileDeliveredLeavesAReceiptNamingAnArchivedFileThatExists() throws Exception {
        String original = ids(IDS, 1);
        dropComplete(NAME, original);

        // the dropped name is gone already: the input was claimed when taken
        whileMidDelivery(() -> {
            assertThat(Files.deleteIfExists(inbox().resolve(NAME))).isFalse();
            assertThat(inbox().resolve(Claims.FOLDER).resolve(NAME)).exists();
        });

        assertDeliveredAsDropped(NAME, original);
        assertThat(Set.copyOf(expressChat.receivedIds())).isEqualTo(idSet(original));
    }

    /** What a test does to the dropped name. */
    @FunctionalInterface
    private interface Touch {
        void run() throws Exception;
    }

    /**
     * Touches the dropped name while some batches of the input are sent and others are not yet; from then on
     * express-chat answers at once (how fast the rest is delivered is not what is tested).
     */
    private void whileMidDelivery(Touch touch) throws Exception {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> expressChat.requests().size() >= 3);
        assertThat(expressChat.requests().size()).as("PUTs when the name is touched").isLessThan(IDS / 10);
        touch.run();
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{\"updated\":true}")));
    }

    /** DELIVERED with every validated ID; the receipt's archived file exists and holds the bytes dropped. */
    private void assertDeliveredAsDropped(String name, String content) throws Exception {
        JsonNode receipt = awaitReceipt(done(), name);
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("counts").path("rows").asInt()).isEqualTo(IDS);
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(IDS);
        Path archived = Path.of(receipt.path("archivedAs").asText());
        assertThat(archived).exists();
        assertThat(Files.readString(archived)).isEqualTo(content);
        // nothing left claimed, no journal left behind
        await().atMost(Duration.ofSeconds(5)).until(() -> listClaimed().isEmpty());
    }

    private List<String> listClaimed() throws Exception {
        try (var files = Files.list(inbox().resolve(Claims.FOLDER))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Set<String> idSet(String lines) {
        return Set.copyOf(lines.lines().filter(l -> l.matches("[0-9a-f]{24}")).toList());
    }
}
