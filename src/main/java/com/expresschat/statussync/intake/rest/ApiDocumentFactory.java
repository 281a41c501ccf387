package com.expresschat.statussync.intake.rest;

import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.openapi.OpenApiRestApiProcessorFactory;
import org.apache.camel.spi.RestApiProcessorFactory;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Serves the OpenAPI document of the REST intake: camel-openapi-java generates it from the REST DSL and the model
 * types, {@link ApiDocumentEdits} says what the DSL cannot, and it is answered as JSON, or as YAML to a client
 * whose {@code Accept} asks for YAML (and not JSON). Camel takes this factory because it is the one in the registry.
 */
public final class ApiDocumentFactory implements RestApiProcessorFactory {

    static final String YAML = "text/yaml";

    private final ApiDocumentEdits edits;
    private final ObjectMapper json;
    private final YAMLMapper yaml = new YAMLMapper();

    public ApiDocumentFactory(ApiDocumentEdits edits, ObjectMapper json) {
        this.edits = edits;
        this.json = json;
    }

    @Override
    public Processor createApiProcessor(CamelContext context, String contextPath, RestConfiguration configuration,
            Map<String, Object> parameters) throws Exception {
        Processor generator = new OpenApiRestApiProcessorFactory().createApiProcessor(context, contextPath,
                configuration, parameters);
        CamelContextAware.trySetCamelContext(generator, context);
        return new EditedDocument(generator);
    }

    /** Camel's document processor, its answer edited; its lifecycle is passed on. */
    private final class EditedDocument extends ServiceSupport implements Processor {

        private final Processor generator;

        EditedDocument(Processor generator) {
            this.generator = generator;
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            String accept = exchange.getIn().getHeader("Accept", String.class);
            generator.process(exchange);
            Message answer = exchange.getMessage();
            Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            if (status != null && status != 200) {
                return;
            }
            ObjectNode document = edits.apply((ObjectNode) json.readTree(answer.getBody(byte[].class)));
            answer.removeHeader("Accept");
            if (wantsYaml(accept)) {
                answer.setHeader(Exchange.CONTENT_TYPE, YAML);
                answer.setBody(yaml.writeValueAsBytes(document));
            } else {
                answer.setHeader(Exchange.CONTENT_TYPE, ApiDocumentEdits.JSON);
                answer.setBody(json.writeValueAsBytes(document));
            }
        }

        @Override
        protected void doInit() throws Exception {
            ServiceHelper.initService(generator);
        }

        @Override
        protected void doStart() throws Exception {
            ServiceHelper.startService(generator);
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(generator);
        }
    }

    static boolean wantsYaml(String accept) {
        String types = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return types.contains("yaml") && !types.contains("json");
    }
}
