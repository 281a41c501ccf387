package com.expresschat.statussync.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Makes the meters Camel registers follow Prometheus' conventions, as the product's own do (promtool check metrics):
 * label names in snake_case ({@code camelContext} becomes {@code camel_context}), and help text for the meters that
 * camel-micrometer registers without a description (the route event notifier's gauges and {@code app.info}).
 */
public final class CamelMeterConventions implements MeterFilter {

    /** Help text for Camel's meters that have none of their own, by meter name. */
    static final Map<String, String> HELP = Map.of(
            "app.info", "Versions of Camel and its runtime, as labels (the value is always 1)",
            "camel.routes.added", "Routes added to the Camel context",
            "camel.routes.running", "Routes of the Camel context that are running",
            "camel.routes.reloaded", "Routes of the Camel context reloaded since the start");

    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z0-9])([A-Z])");

    @Override
    public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            tags.add(Tag.of(snakeCase(tag.getKey()), tag.getValue()));
        }
        String description = id.getDescription() != null ? id.getDescription() : HELP.get(id.getName());
        return new Meter.Id(id.getName(), Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    /** {@code camelContext} -> {@code camel_context}; a name already in snake_case is left as it is. */
    static String snakeCase(String name) {
        return LOWER_THEN_UPPER.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }
}
