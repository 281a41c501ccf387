package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAccessCheckTest {

    @ParameterizedTest
    @CsvSource({
        "/api/*, true", "/*, true", "/api/v1/*, true", "/api/v1/status-updates, true", "/api*, true",
        "/observe/*, false", "/api/v2/*, false", "/api, false", ", false"
    })
    void anAuthenticationPathCoversTheIntakeLikeAVertxRoutePath(String routePath, boolean covers) {
        assertThat(ApiAccessCheck.covers(routePath, ApiAccessCheck.API_PATH)).isEqualTo(covers);
    }
}
