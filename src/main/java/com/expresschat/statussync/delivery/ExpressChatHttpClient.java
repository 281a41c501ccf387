package com.expresschat.statussync.delivery;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * camel-http's client for express-chat ({@code camel.component.http.http-client-configurer}): its timeouts and
 * disabled retries come from config/application.properties; this adds the per-attempt limits.
 */
public class ExpressChatHttpClient implements HttpClientConfigurer {

    private final AttemptLimits limits;

    public ExpressChatHttpClient(AttemptLimits limits) {
        this.limits = limits;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorFirst("statussync-attempt-limits", limits);
    }
}
