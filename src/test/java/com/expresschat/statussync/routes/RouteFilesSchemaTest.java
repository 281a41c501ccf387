package com.expresschat.statussync.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Every route file validates against the Camel 4.18 YAML DSL JSON schema, the one editors such as Kaoto and Karavan
 * use: it is read from the camel-yaml-dsl jar on the classpath, so it is always the schema of the Camel in use.
 * Besides, no plain scalar may be a YAML 1.1 boolean other than true/false ({@code OFF}, {@code yes}, ...: yamllint's
 * "truthy" rule): Camel reads YAML 1.2, where it is text, but many editors and linters read it as a boolean.
 */
class RouteFilesSchemaTest {

    private static final String SCHEMA = "/schema/camelYamlDsl.json";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** YAML 1.1's booleans, as yamllint's truthy rule lists them, less true and false. */
    private static final Pattern YAML11_TRUTHY =
            Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|True|TRUE|False|FALSE");

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = RouteFilesSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as(SCHEMA + " on the classpath (camel-yaml-dsl)").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    static Stream<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
            assertThat(found).as("route files under routes/").hasSizeGreaterThanOrEqualTo(6);
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void routeFileIsValidAgainstTheCamelYamlDslSchema(Path file) throws IOException {
        JsonNode routes = YAML.readTree(file.toFile());

        List<Error> errors = schema.validate(routes);

        assertThat(errors).as(file + " against " + SCHEMA).extracting(Error::toString).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void routeFileHasNoYaml11BooleanOtherThanTrueOrFalse(Path file) throws IOException {
        assertThat(truthyScalars(Files.readString(file))).as(file + ": quote these values").isEmpty();
    }

    @Test
    void truthyScalarsAreFoundOnlyWhenPlain() {
        assertThat(truthyScalars("a: OFF\nb: \"OFF\"\nc: [yes, 'no', true]\nd: Offline\n"))
                .containsExactly("line 1: OFF", "line 3: yes");
    }

    /** The plain scalars a YAML 1.1 reader takes for a boolean though they are not true/false. */
    private static List<String> truthyScalars(String yaml) {
        List<String> found = new ArrayList<>();
        for (Node document : new Yaml().composeAll(new StringReader(yaml))) {
            collectTruthy(document, found);
        }
        return found;
    }

    private static void collectTruthy(Node node, List<String> found) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && YAML11_TRUTHY.matcher(scalar.getValue()).matches()) {
                found.add("line " + (scalar.getStartMark().getLine() + 1) + ": " + scalar.getValue());
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(child -> collectTruthy(child, found));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                collectTruthy(tuple.getKeyNode(), found);
                collectTruthy(tuple.getValueNode(), found);
            }
        }
    }

    @Test
    void theSchemaRefusesWhatCamelWouldNotRead() throws IOException {
        // the check can fail: a misspelt option and a number where the DSL takes text are both errors
        JsonNode bad = YAML.readTree("- route:\n    id: x\n    from:\n      uri: direct:x\n      steps:\n"
                                     + "        - throttle:\n            constant: 5\n            timePeriodMillis: 1000\n"
                                     + "        - log:\n            mesage: typo\n");

        assertThat(schema.validate(bad)).extracting(Error::toString)
                .anySatisfy(e -> assertThat(e).contains("timePeriodMillis"))
                .anySatisfy(e -> assertThat(e).contains("mesage"));
    }
}
