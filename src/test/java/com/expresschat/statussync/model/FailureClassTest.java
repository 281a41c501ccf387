package com.expresschat.statussync.model;


import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The failure classes of §4 by HTTP status, and which of them are retried. */
class FailureClassTest {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
            "400, REJECTED", "404, REJECTED", "409, REJECTED", "422, REJECTED",
            "401, AUTH", "403, AUTH",
            "429, THROTTLED",
            "408, TRANSIENT", "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT",
            // camel-http does not follow redirects: the batch was not taken, and retrying will not change that
            "301, REJECTED", "302, REJECTED", "307, REJECTED" })
    void classifiesAnHttpStatus(int status, FailureClass expected) {
        assertThat(FailureClass.ofHttpStatus(status)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} retryable: {1}")
    @CsvSource({ "TRANSIENT, true", "THROTTLED, true", "REJECTED, false", "AUTH, false" })
    void retriesOnlyTransientAndThrottled(FailureClass failureClass, boolean retryable) {
        assertThat(failureClass.retryable()).isEqualTo(retryable);
    }
}
