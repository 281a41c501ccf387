package com.expresschat.statussync.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.simulator.ExpressChatSimulator;
import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestClient;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The README's run command: the packaged jar, started from the project root in the dev profile, delivers a
 * dropped file to the built-in simulator, and dead-letters a batch the simulator refuses.
 */
class DevProfileIT {

    @TempDir
    Path data;

    @Test
    void packagedJarDeliversADroppedFileToTheBuiltInSimulator() throws Exception {
        Path inbox = data.resolve("inbox");
        Path done = data.resolve("done");
        Path error = data.resolve("error");
        List<String> options = List.of(
                "-Dcamel.server.port=" + AvailablePortFinder.getNextAvailable(),
                "-Dstatussync.inbox-dir=" + inbox, "-Dstatussync.done-dir=" + done, "-Dstatussync.error-dir=" + error);
        try (AppProcess app = AppProcess.start(options, Map.of(), data.resolve("app.log"))) {
            app.awaitStarted(Duration.ofSeconds(60));

            Files.writeString(inbox.resolve("seed.txt"), "640f472d173951357f08edee,640f479fa79ef02edfb33dfc\n");
            Files.writeString(inbox.resolve("fault.txt"), "640f472d173951357f08edee\n" + ExpressChatSimulator.FAULT_REJECT + "\n");

            JsonNode seed = awaitReceipt(done.resolve("seed.txt.receipt.json"));
            assertThat(seed.path("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(seed.path("batches").get(0).path("response").asText()).contains("\"updated\":1");

            // the README's walk-through, step 2: isolation delivers the good ID and dead-letters only the refused one
            JsonNode fault = awaitReceipt(done.resolve("fault.txt.receipt.json"));
            assertThat(fault.path("outcome").asText()).isEqualTo("PARTIAL");
            assertThat(fault.path("batches").get(0).path("isolation").path("refused").get(0).path("id").asText())
                    .isEqualTo(ExpressChatSimulator.FAULT_REJECT);
            assertThat(Files.readAllLines(error.resolve("fault.txt.rejected.ndjson")))
                    .containsExactly("{\"id\":\"" + ExpressChatSimulator.FAULT_REJECT + "\",\"status\":\"DELETED\"}");
            // a receipt is written just before its outcome line is logged
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(app.output())
                    .contains("Input seed.txt DELIVERED")
                    .contains("Input fault.txt PARTIAL: rows=2 sent=2 delivered=1 deadLettered=1 refused=1 "
                              + "isolationRequests=2"));
        }
    }

    @Test
    void packagedJarServesTheRestIntakeToTheDocumentedDevUserOnly() throws Exception {
        String port = String.valueOf(AvailablePortFinder.getNextAvailable());
        List<String> options = List.of("-Dcamel.server.port=" + port, "-Dstatussync.inbox-dir=" + data.resolve("inbox"),
                "-Dstatussync.done-dir=" + data.resolve("done"), "-Dstatussync.error-dir=" + data.resolve("error"));
        try (AppProcess app = AppProcess.start(options, Map.of(), data.resolve("app.log"))) {
            app.awaitStarted(Duration.ofSeconds(60));
            RestClient client = new RestClient(port);
            String seed = "{\"ids\":[\"640f472d173951357f08edee\"],\"status\":\"DELETED\"}";

            HttpResponse<String> anonymous = client.send(client.anonymous(RestClient.INTAKE)
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(seed)));
            HttpResponse<String> dev = client.send(client.anonymous(RestClient.INTAKE)
                    .header("Authorization", RestClient.basic("dev", "dev-only-password"))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(seed)));

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(dev.statusCode()).as(dev.body()).isEqualTo(200);
            assertThat(ExpressChatStub.read(dev.body()).path("outcome").asText()).isEqualTo("DELIVERED");
        }
    }

    /**
     * CAMEL_SERVER_PORT, as a container sets it: the REST intake and health follow it together (in Camel 4.18 the
     * variable alone moved only the health and metrics server, and the REST intake stayed on 8080).
     */
    @Test
    void thePortFromTheEnvironmentMovesTheRestIntakeAndHealthTogether() throws Exception {
        String port = String.valueOf(AvailablePortFinder.getNextAvailable());
        List<String> options = List.of("-Dstatussync.inbox-dir=" + data.resolve("inbox"),
                "-Dstatussync.done-dir=" + data.resolve("done"), "-Dstatussync.error-dir=" + data.resolve("error"));
        try (AppProcess app = AppProcess.start(options, Map.of("CAMEL_SERVER_PORT", port), data.resolve("app.log"))) {
            app.awaitStarted(Duration.ofSeconds(60));
            RestClient client = new RestClient(port);

            HttpResponse<String> post = client.send(client.anonymous(RestClient.INTAKE)
                    .header("Authorization", RestClient.basic("dev", "dev-only-password"))
                    .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("640f472d173951357f08edee\n")));
            HttpResponse<String> ready = client.send(client.anonymous("/observe/health/ready").GET());

            assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        }
    }

    private static JsonNode awaitReceipt(Path receipt) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));
        return ExpressChatStub.read(Files.readString(receipt));
    }
}
