package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;

class EmbeddedServerVertxTest {

    private final EmbeddedServerVertx vertx = new EmbeddedServerVertx(ClientAuth.REQUIRED);

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void serverOptionsGetH2cOffAndTheClientAuthenticationOfTheSettings() {
        HttpServerOptions camels = new HttpServerOptions().setPort(1234).setSsl(true);

        HttpServerOptions hardened = vertx.harden(new HttpServerOptions(camels));

        assertThat(camels.isHttp2ClearTextEnabled()).as("Vert.x's default, which Camel 4.18 keeps").isTrue();
        assertThat(hardened.isHttp2ClearTextEnabled()).isFalse();
        assertThat(hardened.getClientAuth()).isEqualTo(ClientAuth.REQUIRED);
        assertThat(hardened.getPort()).isEqualTo(1234);
        assertThat(hardened.isSsl()).isTrue();
    }
}
