package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestRequestReaderTest {

    @ParameterizedTest
    @ValueSource(strings = { "respond-async", "Respond-Async", "wait=10, respond-async", "respond-async; foo=bar",
            " handling=lenient ,respond-async " })
    void respondAsyncIsFoundAmongPreferences(String prefer) {
        assertThat(RestRequestReader.respondAsync(prefer)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "wait=10", "return=minimal", "respond-asynchronously", "x=respond-async" })
    void otherPreferencesAreNotRespondAsync(String prefer) {
        assertThat(RestRequestReader.respondAsync(prefer)).isFalse();
    }
}
