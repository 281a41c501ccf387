package com.expresschat.statussync.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.storage.AtomicFiles;
import com.expresschat.statussync.storage.Folders;

/**
 * The Kafka intake (§6, statussync.kafka.requests-enabled, statussync.kafka.requests-topic): each record of the
 * requests topic is one input, the endpoint's own JSON body (or, with a {@code content-type} record header, any
 * format of §2 by its media type, e.g. {@code application/x-ndjson}). It is stored in the inbox durably, as
 * {@code kafka-<topic>-<partition>-<offset>.<extension>} (a hidden part file, synced, then renamed), before its
 * offset is committed; from there it is an input like any dropped file: validated, delivered or
 * rejected to error/ with a report naming the reason (a record that is not JSON at all included), and it gets a
 * receipt. A record taken again after a crash gets the same name: while the first copy is still in the inbox it is
 * overwritten with the same bytes.
 */
public class KafkaRequests {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRequests.class);
    /** The record header that may name the body's media type. */
    public static final String CONTENT_TYPE = "content-type";

    private final Folders folders;

    public KafkaRequests(Folders folders) {
        this.folders = folders;
    }

    /** Stores the record's value as an input in the inbox; returns its name. */
    public String store(@Body byte[] value, @Header("kafka.TOPIC") String topic,
            @Header("kafka.PARTITION") Integer partition, @Header("kafka.OFFSET") Long offset,
            @Header(CONTENT_TYPE) Object contentType) throws IOException {
        InputFormat format = InputFormat.fromContentType(text(contentType)).orElse(InputFormat.JSON);
        // Kafka topic names are [a-zA-Z0-9._-]: a safe file name as they are
        String name = "kafka-" + topic + "-" + partition + "-" + offset + "." + format.extension();
        byte[] body = value == null ? new byte[0] : value;
        Path file = folders.inbox().resolve(name);
        AtomicFiles.writeDurably(file, out -> out.write(body));
        LOG.info("Kafka record {}-{}@{} stored for processing as {} ({} bytes)", topic, partition, offset, file,
                body.length);
        return name;
    }

    /** A record header arrives as bytes. */
    private static String text(Object header) {
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : header == null ? null : header.toString();
    }
}
