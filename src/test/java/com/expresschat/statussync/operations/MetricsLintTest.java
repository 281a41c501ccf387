package com.expresschat.statussync.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestTestSupport;

/**
 * What /observe/metrics serves passes Prometheus' own conventions (as {@code promtool check metrics} checks them):
 * every family has help text, and every label name is snake_case. Read with a Prometheus text-format parser, after
 * an input that makes every product family appear (deliveries, a dead letter, retries).
 */
class MetricsLintTest extends RestTestSupport {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z_][a-z0-9_]*");

    @Test
    void everyFamilyHasHelpAndSnakeCaseNames() throws Exception {
        expressChat.acceptAll();
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withRequestBody(containing(objectId(3)))
                .willReturn(aResponse().withStatus(422)));
        dropComplete("three.txt", ids(3, 1));
        awaitDone("three.txt");

        List<MetricFamily> families = parse(rest().get("/observe/metrics").body());

        assertThat(families).extracting(MetricFamily::getName)
                .contains("app_info", "camel_routes_running_routes", "statussync_inputs_total", "statussync_ids_total",
                        "statussync_express_chat_request_seconds", "statussync_intake_paused");
        assertThat(lintProblems(families)).isEmpty();
    }

    @Test
    void theLintFindsAFamilyWithoutHelpAndACamelCaseLabel() throws Exception {
        String camelBefore = "# HELP camel_routes_running_routes  \n# TYPE camel_routes_running_routes gauge\n"
                             + "camel_routes_running_routes{camelContext=\"x\",eventType=\"RouteEvent\"} 10.0\n"
                             + "# TYPE no_help gauge\nno_help 1\n";

        assertThat(lintProblems(parse(camelBefore))).containsExactly(
                "camel_routes_running_routes: no help text",
                "camel_routes_running_routes: label 'camelContext' is not snake_case",
                "camel_routes_running_routes: label 'eventType' is not snake_case",
                "no_help: no help text");
    }

    private static List<MetricFamily> parse(String text) throws IOException {
        List<MetricFamily> families = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(in);
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                families.add(family);
            }
        }
        return families;
    }

    private static List<String> lintProblems(List<MetricFamily> families) {
        List<String> problems = new ArrayList<>();
        for (MetricFamily family : families) {
            if (!SNAKE_CASE.matcher(family.getName()).matches()) {
                problems.add(family.getName() + ": name is not snake_case");
            }
            if (family.getHelp() == null || family.getHelp().isBlank()) {
                problems.add(family.getName() + ": no help text");
            }
            family.getMetrics().stream().map(Metric::getLabels).flatMap(labels -> labels.keySet().stream())
                    .distinct().filter(label -> !SNAKE_CASE.matcher(label).matches())
                    .forEach(label -> problems.add(family.getName() + ": label '" + label + "' is not snake_case"));
        }
        return problems;
    }
}
