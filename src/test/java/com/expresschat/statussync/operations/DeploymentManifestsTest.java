package com.expresschat.statussync.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The deployment examples in deploy/ stay true: the Kubernetes manifests parse, and every setting, port and
 * health path they (and the systemd unit) name is one the application really has.
 */
class DeploymentManifestsTest {

    static final Path KUBERNETES = Path.of("deploy", "kubernetes", "deployment.yaml");
    static final Path SYSTEMD = Path.of("deploy", "systemd", "express-chat-status-sync.service");
    /** Variables the product reads by name rather than as a setting (§7). */
    static final Set<String> TOKEN_VARIABLES = Set.of("EXPRESS_CHAT_TOKEN", "EXPRESS_CHAT_TOKEN_FILE");
    /** Variables the JVM reads: the locale, whose charset decodes file names (docs/security.md "File names"). */
    static final Set<String> JVM_VARIABLES = Set.of("LC_ALL");

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesManifestsParseAndReferenceRealSettingsPortAndHealthPaths() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(KUBERNETES))
                .forEach(d -> documents.add((Map<String, Object>) d));
        assertThat(documents).extracting(d -> d.get("kind")).contains("Deployment", "Service");

        Map<String, Object> deployment = documents.stream().filter(d -> "Deployment".equals(d.get("kind")))
                .findFirst().orElseThrow();
        Map<String, Object> container = ((List<Map<String, Object>>) path(deployment, "spec", "template", "spec",
                "containers")).get(0);
        List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
        for (Map<String, Object> variable : env) {
            assertThat(isSetting((String) variable.get("name"))).as((String) variable.get("name")).isTrue();
        }
        String port = String.valueOf(((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort"));
        // camel.server.port is {{env:CAMEL_SERVER_PORT:default}}: the port the container's environment gives it
        Matcher fromEnv = Pattern.compile("\\{\\{env:([A-Z_]+):([0-9]+)}}")
                .matcher(settings().getProperty("camel.server.port"));
        assertThat(fromEnv.matches()).as("camel.server.port names its environment variable").isTrue();
        String served = env.stream().filter(v -> fromEnv.group(1).equals(v.get("name")))
                .map(v -> String.valueOf(v.get("value"))).findFirst().orElse(fromEnv.group(2));
        assertThat(port).isEqualTo(served);
        assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/observe/health/live");
        assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/observe/health/ready");
        assertThat(String.join(" ", (List<String>) container.get("command")))
                .contains("-Dcamel.main.profile=prod").contains("target/express-chat-status-sync.jar");
    }

    @Test
    void theSystemdUnitNamesRealSettings() throws IOException {
        Matcher variables = Pattern.compile("Environment=([A-Z_]+)=").matcher(Files.readString(SYSTEMD));
        int found = 0;
        while (variables.find()) {
            assertThat(isSetting(variables.group(1))).as(variables.group(1)).isTrue();
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }

    /** An environment variable overrides a setting whose name, upper-cased with . and - as _, is the same. */
    private static boolean isSetting(String variable) throws IOException {
        if (TOKEN_VARIABLES.contains(variable) || JVM_VARIABLES.contains(variable)) {
            return true;
        }
        Set<String> keys = settings().stringPropertyNames().stream()
                .map(k -> k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))
                .collect(Collectors.toSet());
        return keys.contains(variable);
    }

    /** The settings of config/application.properties, including those documented unset ({@code #key=value}). */
    private static Properties settings() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("config", "application.properties"))) {
            settings.load(in);
        }
        Matcher unset = Pattern.compile("(?m)^#([a-z][\\w.-]+)=")
                .matcher(Files.readString(Path.of("config", "application.properties")));
        while (unset.find()) {
            settings.putIfAbsent(unset.group(1), "");
        }
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }
}
