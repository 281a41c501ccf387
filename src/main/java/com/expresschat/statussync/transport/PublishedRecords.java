package com.expresschat.statussync.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

import com.expresschat.statussync.model.Batch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An input's batches as records of the batches topic, a group at a time (publish-batches' split): each group is the
 * body of one synchronous send, so the intake waits for the broker once per group instead of once per batch, and
 * every record is still acknowledged before the input is closed. Each record is a {@link PublishedBatch} as JSON with
 * its key as its only header (input run and batch number: {@link BatchPartitioner} spreads one input's batches
 * evenly over every partition). Closing the groups closes the batches (delivery.Batcher: and so the input), as the
 * splitter does when it is done.
 */
public final class PublishedRecords implements Iterator<List<Message>>, Closeable {

    private final Iterator<Batch> batches;
    private final String inputId;
    private final int groupSize;
    private final ObjectMapper json;
    private final CamelContext context;

    public PublishedRecords(Iterator<Batch> batches, String inputId, int groupSize, ObjectMapper json, CamelContext context) {
        this.batches = batches;
        this.inputId = inputId;
        this.groupSize = groupSize;
        this.json = json;
        this.context = context;
    }

    @Override
    public boolean hasNext() {
        return batches.hasNext();
    }

    @Override
    public List<Message> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<Message> group = new ArrayList<>(groupSize);
        while (group.size() < groupSize && batches.hasNext()) {
            PublishedBatch record = new PublishedBatch(inputId, batches.next());
            Message message = new DefaultMessage(context);
            try {
                message.setBody(json.writeValueAsBytes(record));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write batch " + record.key() + " as JSON", e);
            }
            message.setHeader(KafkaConstants.KEY, record.key());
            group.add(message);
        }
        return group;
    }

    @Override
    public void close() throws IOException {
        if (batches instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
