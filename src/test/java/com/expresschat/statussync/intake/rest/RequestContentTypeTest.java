package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.expresschat.statussync.intake.InputFormat;

class RequestContentTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text/plain | PLAIN_LIST", "text/csv; charset=utf-8 | CSV", "application/json;charset=\"UTF-8\" | JSON",
        "application/x-ndjson; charset=utf8 | NDJSON"
    })
    void namesTheFormatOfUtf8Bodies(String contentType, InputFormat format) {
        assertThat(RequestContentType.formatOf(contentType)).isEqualTo(format);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "application/xml", "text/plain; charset=iso-8859-1", "application/json; charset=utf-16" })
    void refusesOtherTypesAndCharsetsWith415(String contentType) {
        assertThatThrownBy(() -> RequestContentType.formatOf(contentType))
                .isInstanceOfSatisfying(RestProblem.class, p -> assertThat(p.problem().status()).isEqualTo(415));
    }
}
