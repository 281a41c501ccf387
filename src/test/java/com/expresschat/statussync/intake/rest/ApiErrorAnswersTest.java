package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorAnswersTest {

    @Test
    void aRoutePathMatchesThePathsItServes() {
        assertThat(ApiErrorAnswers.template("/api/v1/status-updates").matcher("/api/v1/status-updates").matches()).isTrue();
        assertThat(ApiErrorAnswers.template("/api/v1/status-updates").matcher("/api/v1/status-updates/x").matches()).isFalse();
        assertThat(ApiErrorAnswers.template("/api/v1/status-updates/:name").matcher("/api/v1/status-updates/a.txt").matches())
                .isTrue();
        assertThat(ApiErrorAnswers.template("/api/v1/status-updates/:name").matcher("/api/v1/status-updates/a/b").matches())
                .isFalse();
        assertThat(ApiErrorAnswers.template("/api/v1.0/x").matcher("/api/v1x0/x").matches()).as("dots are literal").isFalse();
        assertThat(ApiErrorAnswers.template("/api/*").matcher("/api/anything/at/all").matches()).isTrue();
    }

    @Test
    void aMalformedCredentialIsChallengedWithTheSchemeInForce() {
        assertThat(new ApiAuthentication(ApiAuthentication.Scheme.BASIC, "r").challenge()).isEqualTo("Basic realm=\"r\"");
        assertThat(new ApiAuthentication(ApiAuthentication.Scheme.JWT, "r").challenge()).isEqualTo("Bearer realm=\"r\"");
    }
}
