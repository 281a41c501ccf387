package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;

class EmbeddedServerVertxTest {

    private final EmbeddedServerVertx vertx = new EmbeddedServerVertx(ClientAuth.REQUIRED, 7);

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

    @Test
    void theWorkerPoolHasTheSizeOfTheSettings() throws Exception {
        java.util.Set<String> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch allBusy = new java.util.concurrent.CountDownLatch(7);
        for (int i = 0; i < 20; i++) {
            vertx.executeBlocking(() -> {
                workers.add(Thread.currentThread().getName());
                allBusy.countDown();
                allBusy.await(5, java.util.concurrent.TimeUnit.SECONDS);
                return null;
            }, false);
        }

        assertThat(allBusy.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("7 blocking tasks at once").isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> workers.size() >= 7);
        assertThat(workers).hasSize(7);
    }
}
