package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.expresschat.statussync.intake.InputFormat;

class RestInputNamesTest {

    @ParameterizedTest
    @EnumSource(InputFormat.class)
    void aNewNameIsIssuedAndRecognisedAsItsFormat(InputFormat format) {
        String name = RestInputNames.newName(format);

        assertThat(RestInputNames.isIssued(name)).isTrue();
        assertThat(InputFormat.fromFileName(name)).contains(format);
        assertThat(RestInputNames.newName(format)).isNotEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "seed.txt", "../rest-00000000-0000-0000-0000-000000000000.txt",
            "rest-00000000-0000-0000-0000-000000000000.txt/..", "rest-00000000-0000-0000-0000-000000000000.txt.receipt.json",
            "rest-00000000-0000-0000-0000-000000000000.TXT", "rest-00000000-0000-0000-0000-000000000000.exe",
            "/tmp/rest-00000000-0000-0000-0000-000000000000.txt" })
    void anyOtherNameIsNotIssued(String name) {
        assertThat(RestInputNames.isIssued(name)).isFalse();
    }
}
