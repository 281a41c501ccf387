package com.expresschat.statussync.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.expresschat.statussync.model.RowReader;

class InputFormatTest {

    @ParameterizedTest
    @CsvSource({
        "users.txt, PLAIN_LIST", "users.IDS, PLAIN_LIST", "users.lst, PLAIN_LIST", "users, PLAIN_LIST",
        "users., PLAIN_LIST", "inbox/2024.05/users, PLAIN_LIST", "C:\\drop\\users.Txt, PLAIN_LIST",
        "users.csv, CSV", "USERS.CSV, CSV", "users.json, JSON", "users.ndjson, NDJSON", "users.JsonL, NDJSON",
        "users.2024.csv, CSV"
    })
    void recognisesFileNames(String name, InputFormat expected) {
        assertThat(InputFormat.fromFileName(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"users.xlsx", "users.csv.gz", "users.xml", "users.json.tmp", "users.receipt.json.bak"})
    void doesNotGuessOtherFileNames(String name) {
        assertThat(InputFormat.fromFileName(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/plain | PLAIN_LIST", "text/plain; charset=utf-8 | PLAIN_LIST", "TEXT/CSV;charset=UTF-8 | CSV",
        "application/json | JSON", " Application/JSON ; charset=iso-8859-1 | JSON", "application/x-ndjson | NDJSON"
    })
    void recognisesContentTypesIgnoringParameters(String contentType, InputFormat expected) {
        assertThat(InputFormat.fromContentType(contentType)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application/xml", "text/html", "application/octet-stream", "multipart/form-data; boundary=x"})
    void doesNotGuessOtherContentTypes(String contentType) {
        assertThat(InputFormat.fromContentType(contentType)).isEmpty();
        assertThat(InputFormat.fromContentType(null)).isEmpty();
        assertThat(InputFormat.fromFileName(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(InputFormat.class)
    void aFileNamedWithItsExtensionIsRecognisedAsItsFormat(InputFormat format) {
        assertThat(InputFormat.fromFileName("stored." + format.extension())).contains(format);
    }

    @ParameterizedTest
    @EnumSource(InputFormat.class)
    void opensAReaderOfItsFormat(InputFormat format) throws IOException {
        try (RowReader reader = format.open(new ByteArrayInputStream(new byte[0]))) {
            assertThat(reader.getClass().getSimpleName()).isEqualTo(switch (format) {
                case PLAIN_LIST -> "PlainListReader";
                case CSV -> "CsvRowReader";
                case JSON -> "JsonBodyReader";
                case NDJSON -> "NdjsonReader";
            });
        }
    }
}
