package com.expresschat.statussync.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.expresschat.statussync.intake.InputFormat;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.expresschat.statussync.validation.RowValidator;

/**
 * Parsing + validation of the product, per format (issue 6): one operation is one ID read by the format's
 * RowReader (strict UTF-8, bounded lines) and checked by the RowValidator with the default settings
 * (24-hex pattern, DELETED), so the score is IDs per second. Each invocation reads a whole in-memory input
 * of {@value #IDS} IDs (no disk), which is what the product's validation pass and batching pass each do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ParseValidateBenchmark.IDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseValidateBenchmark {

    static final int IDS = 100_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private byte[] plain;
    private byte[] csv;
    private byte[] ndjson;
    private RowValidator validator;

    @Setup
    public void setUp() {
        validator = new RowValidator("[0-9a-f]{24}", List.of("DELETED"), "DELETED");
        StringBuilder p = new StringBuilder();
        StringBuilder c = new StringBuilder("id\n");
        StringBuilder n = new StringBuilder();
        for (int i = 0; i < IDS; i++) {
            String id = id(i);
            p.append(id).append('\n');
            c.append(id).append('\n');
            n.append("{\"id\":\"").append(id).append("\"}\n");
        }
        plain = p.toString().getBytes(StandardCharsets.UTF_8);
        csv = c.toString().getBytes(StandardCharsets.UTF_8);
        ndjson = n.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public long plain() throws Exception {
        return readAndValidate(InputFormat.PLAIN_LIST, plain);
    }

    @Benchmark
    public long csv() throws Exception {
        return readAndValidate(InputFormat.CSV, csv);
    }

    @Benchmark
    public long ndjson() throws Exception {
        return readAndValidate(InputFormat.NDJSON, ndjson);
    }

    private long readAndValidate(InputFormat format, byte[] input) throws Exception {
        long valid = 0;
        try (RowReader rows = format.open(new ByteArrayInputStream(input))) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                if (validator.problemOf(row) == null) {
                    valid++;
                }
            }
        }
        if (valid != IDS) {
            throw new IllegalStateException(format + ": " + valid + " valid IDs of " + IDS);
        }
        return valid;
    }

    /** The same IDs as bench/java/GenInputs: 8 hex digits of i, 16 of splitmix64(i). */
    static String id(long i) {
        char[] line = new char[24];
        long high = i & 0xFFFF_FFFFL;
        for (int k = 7; k >= 0; k--) {
            line[k] = HEX[(int) (high & 0xF)];
            high >>>= 4;
        }
        long z = i + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        long low = z ^ (z >>> 31);
        for (int k = 23; k >= 8; k--) {
            line[k] = HEX[(int) (low & 0xF)];
            low >>>= 4;
        }
        return new String(line);
    }
}
