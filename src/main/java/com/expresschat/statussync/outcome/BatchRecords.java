package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.storage.AtomicFiles;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SequenceWriter;

/**
 * The batch records of one input, for its receipt (§5 lists every batch), in memory that does not grow with the
 * input (§2): at most {@code runSize} records are held; each full run is sorted by batch number and written to a
 * hidden part file in the folder the input will be archived in, and reading merges the runs (an external sort),
 * so the receipt still lists every batch in batch order. Without a spill folder (a REST input, whose receipt is
 * the answer's body and whose size the body limit bounds) everything stays in memory. Part files a crash leaves
 * are removed at the next start, like any other part file (Folders#prepare). It is a collection, so that what
 * describes a receipt (Jackson, the OpenAPI document) sees the array it is.
 */
public final class BatchRecords extends AbstractCollection<BatchRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRecords.class);
    private static final Comparator<BatchRecord> BY_NUMBER = Comparator.comparingInt(BatchRecord::number);

    /** Records held in memory before a run is written: about 1.5 MB. */
    public static final int RUN_SIZE = 5_000;

    private final Path spillFolder;
    private final ObjectMapper json;
    private final int runSize;
    private final List<Path> runs = new ArrayList<>();
    private List<BatchRecord> buffer = new ArrayList<>();
    private int size;
    private boolean spillFailed;

    /** Records that stay in memory. */
    public BatchRecords() {
        this(null, null, Integer.MAX_VALUE);
    }

    /** Records that spill to {@code spillFolder} every {@code runSize} records. */
    public BatchRecords(Path spillFolder, ObjectMapper json, int runSize) {
        this.spillFolder = spillFolder;
        this.json = json;
        this.runSize = runSize;
    }

    @Override
    public synchronized boolean add(BatchRecord record) {
        buffer.add(record);
        size++;
        if (spillFolder != null && !spillFailed && buffer.size() >= runSize) {
            spill();
        }
        return true;
    }

    @Override
    public synchronized int size() {
        return size;
    }

    /** Every record in batch order: the runs on disk merged with the records in memory. */
    @Override
    public synchronized Iterator<BatchRecord> iterator() {
        List<Iterator<BatchRecord>> sources = new ArrayList<>();
        ObjectReader reader = runs.isEmpty() ? null
                : json.readerFor(BatchRecord.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Path run : runs) {
            try {
                sources.add(reader.readValues(run.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the batch records in " + run, e);
            }
        }
        List<BatchRecord> inMemory = new ArrayList<>(buffer);
        inMemory.sort(BY_NUMBER);
        sources.add(inMemory.iterator());
        return new Merge(sources);
    }

    /** Removes the part files once the receipt is written (the records in memory stay readable). */
    public synchronized void discard() {
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                LOG.warn("Could not remove {} (it is removed at the next start): {}", run, e.getMessage());
            }
        }
        runs.clear();
    }

    private void spill() {
        buffer.sort(BY_NUMBER);
        Path run = null;
        try {
            run = Files.createTempFile(spillFolder, ".batches-", AtomicFiles.PART_SUFFIX);
            try (SequenceWriter out = json.writerFor(BatchRecord.class).writeValues(run.toFile())) {
                out.writeAll(buffer);
            }
            runs.add(run);
            buffer = new ArrayList<>();
        } catch (IOException | RuntimeException e) {
            // a delivered batch must not fail for its receipt line: keep the records in memory instead
            spillFailed = true;
            LOG.warn("Cannot write batch records to {} ({}); keeping them in memory", spillFolder, e.getMessage());
            if (run != null) {
                try {
                    Files.deleteIfExists(run);
                } catch (IOException ignored) {
                    // removed at the next start
                }
            }
        }
    }

    /** A k-way merge of sources that are each in batch order. */
    private static final class Merge implements Iterator<BatchRecord> {

        private record Head(BatchRecord record, Iterator<BatchRecord> rest) {
        }

        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::record, BY_NUMBER));

        Merge(List<Iterator<BatchRecord>> sources) {
            sources.forEach(this::advance);
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public BatchRecord next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.rest());
            return head.record();
        }

        private void advance(Iterator<BatchRecord> source) {
            if (source.hasNext()) {
                heads.add(new Head(source.next(), source));
            } else if (source instanceof MappingIterator<?> run) {
                try {
                    run.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
