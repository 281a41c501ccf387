package com.expresschat.statussync.intake.rest;

import java.util.Locale;
import java.util.Optional;

import org.apache.camel.spi.PropertiesComponent;

/** Settings that may be unset: a blank value counts as unset, values are trimmed. */
final class OptionalSettings {

    private final PropertiesComponent properties;

    OptionalSettings(PropertiesComponent properties) {
        this.properties = properties;
    }

    /** The setting {@code name}. */
    Optional<String> get(String name) {
        return properties.resolveProperty(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** camel.server.{@code name}, written camelCase (as in config/) or kebab-case, as Camel Main takes both. */
    Optional<String> camelServer(String name) {
        String kebab = name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        return get("camel.server." + name).or(() -> get("camel.server." + kebab));
    }
}
