package com.expresschat.statussync.intake;

import static com.expresschat.statussync.intake.InputFormat.CSV;
import static com.expresschat.statussync.intake.InputFormat.JSON;
import static com.expresschat.statussync.intake.InputFormat.NDJSON;
import static com.expresschat.statussync.intake.InputFormat.PLAIN_LIST;
import static com.expresschat.statussync.intake.Rows.ID_1;
import static com.expresschat.statussync.intake.Rows.ID_2;
import static com.expresschat.statussync.intake.Rows.bytes;
import static com.expresschat.statussync.intake.Rows.concat;
import static com.expresschat.statussync.intake.Rows.read;
import static com.expresschat.statussync.intake.Rows.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.expresschat.statussync.model.InputRejectedException;

/**
 * What every RowReader promises (§2), whatever its format: invalid UTF-8 rejects the input naming where, a line
 * past the limit rejects it without reading on, and a big input is read as a stream. One case per format.
 */
class RowReaderContractTest {

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                arguments(PLAIN_LIST, concat(utf8(ID_1 + "\n"), bytes(0xFF, 0xFF), utf8("\n")), "near line 2"),
                // a multi-byte sequence cut at the very end
                arguments(PLAIN_LIST, concat(utf8(ID_1 + "\n" + ID_2), bytes(0xE2, 0x82)), "near line 2"),
                arguments(CSV, concat(utf8("id\n" + ID_1 + "\n"), bytes(0x80), utf8(ID_2 + "\n")), "near line 3"),
                arguments(NDJSON, concat(utf8("{\"id\": \"" + ID_1 + "\"}\n{\"id\": \""), bytes(0xFF), utf8("\"}\n")),
                        "near line 2"),
                arguments(JSON, concat(utf8("{\"ids\": [\n\""), bytes(0xC3), utf8("\"]}")), "near line 2"));
    }

    @ParameterizedTest(name = "{0} near {2}")
    @MethodSource("invalidUtf8")
    void rejectsInvalidUtf8NamingWhere(InputFormat format, byte[] input, String where) {
        assertThatThrownBy(() -> read(format, input))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("not valid UTF-8 (" + where + ")");
    }

    static Stream<Arguments> millionCharacterLine() {
        return Stream.of(
                arguments(PLAIN_LIST, (Supplier<GeneratedInput>) () -> GeneratedInput.repeat(ID_1 + "\n", "x", 1_000_000,
                        "\n"), "line 2 is longer than 65536 characters", 100_000),
                arguments(CSV, (Supplier<GeneratedInput>) () -> GeneratedInput.repeat("id,name\n" + ID_1 + ",Ann\n", "x",
                        1_000_000, "\n"), "line 3 is longer than 65536 characters", 100_000),
                arguments(NDJSON, (Supplier<GeneratedInput>) () -> GeneratedInput.repeat("{\"id\": \"", "x", 1_000_000,
                        "\"}\n"), "line 1 is longer than 65536 characters", 100_000),
                // the limit is named, not Jackson's partial count
                arguments(JSON, (Supplier<GeneratedInput>) () -> GeneratedInput.repeat("{\"ids\": [\"", "x", 1_000_000,
                        "\"]}"), "a JSON string near line 1 is longer than 65536 characters", 200_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("millionCharacterLine")
    void rejectsAMillionCharacterLineWithoutReadingOn(InputFormat format, Supplier<GeneratedInput> generated,
            String reason, long maxBytesRead) {
        GeneratedInput input = generated.get();
        assertThatThrownBy(() -> read(format, input))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage(reason);
        assertThat(input.bytesRead()).isLessThan(maxBytesRead);
    }

    static Stream<Arguments> twoHundredThousandRows() {
        return Stream.of(
                arguments(PLAIN_LIST, (Supplier<GeneratedInput>) () -> new GeneratedInput("# generated\n", 200_000,
                        i -> String.format("%024x,%024x\n", i, i + 1), "")),
                arguments(CSV, (Supplier<GeneratedInput>) () -> new GeneratedInput("id,subscriberId,status\r\n", 200_000,
                        i -> String.format("%024x,\"%024x\",DELETED\r\n", i, i + 1), "")),
                arguments(NDJSON, (Supplier<GeneratedInput>) () -> new GeneratedInput("", 200_000,
                        i -> String.format("{\"id\":\"%024x\",\"subscriberId\":\"%024x\",\"status\":\"DELETED\"}\n", i, i),
                        "")),
                // 2,000 bodies of 100 IDs, read one body at a time
                arguments(JSON, (Supplier<GeneratedInput>) () -> new GeneratedInput("[", 2_000, body -> {
                    StringBuilder ids = new StringBuilder(body == 0 ? "" : ",").append("{\"ids\":[");
                    for (int i = 0; i < 100; i++) {
                        ids.append(i == 0 ? "" : ",").append(String.format("\"%024x\"", body * 100 + i));
                    }
                    return ids.append("],\"status\":\"DELETED\"}\n").toString();
                }, "]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoHundredThousandRows")
    void streamsTwoHundredThousandRows(InputFormat format, Supplier<GeneratedInput> generated) throws Exception {
        assertThat(Rows.countStreaming(format, generated.get(), 64 * 1024)).isEqualTo(200_000);
    }
}
