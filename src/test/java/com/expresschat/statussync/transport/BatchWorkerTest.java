package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outcome a worker publishes: its input run's key, the instance that delivered it, no delivered ID again. */
class BatchWorkerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BatchWorker worker = new BatchWorker("instance-b", new TransportMetrics(registry));
    private final String inputId = UUID.randomUUID().toString();

    @Test
    void aDeliveredBatchIsPublishedWithItsCountAndWithoutItsRows() throws Exception {
        BatchOutcome delivered = Samples.delivered(4, 100);

        InputEvent event = worker.outcome(delivered, inputId);
        String record = new ObjectMapper().writeValueAsString(event);

        assertThat(worker.keyOf(event)).isEqualTo(inputId);
        assertThat(event.outcome().deliveredBy()).isEqualTo("instance-b");
        assertThat(event.outcome().batch().size()).isEqualTo(100);
        assertThat(event.outcome().record()).isEqualTo(delivered.record().deliveredBy("instance-b"));
        assertThat(record).doesNotContain(Samples.userId(1)).hasSizeLessThan(600);
    }

    @Test
    void aDeadLetteredBatchIsPublishedWithItsRowsForTheDeadLetterFile() {
        BatchOutcome deadLettered = Samples.deadLettered(5, 3);

        InputEvent event = worker.outcome(deadLettered, inputId);

        assertThat(event.outcome().batch().rows()).isEqualTo(deadLettered.batch().rows());
    }
}
