package com.expresschat.statussync.configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the settings live. Camel Main looks for profile files on the classpath; this product keeps
 * them in {@code config/} beside {@code routes/} so that an operator can read and edit them, so the
 * locations are computed here (the first location that defines a key wins).
 */
public final class ConfigLocations {

    public static final Path CONFIG_DIR = Path.of("config");
    static final String PROFILE_KEY = "camel.main.profile";
    static final String DEFAULT_PROFILE = "dev";

    private ConfigLocations() {
    }

    /** The profile from -Dcamel.main.profile, CAMEL_MAIN_PROFILE, config/application.properties, else dev. */
    public static String activeProfile() {
        return Optional.ofNullable(System.getProperty(PROFILE_KEY))
                .or(() -> Optional.ofNullable(System.getenv("CAMEL_MAIN_PROFILE")))
                .or(ConfigLocations::profileInConfigFile)
                .filter(p -> !p.isBlank())
                .orElse(DEFAULT_PROFILE);
    }

    /** Property locations for a profile: its own file first (it overrides), then the base file. */
    public static String forProfile(String profile) {
        return "file:" + CONFIG_DIR.resolve("application-" + profile + ".properties") + ";optional=true,"
               + "file:" + CONFIG_DIR.resolve("application.properties");
    }

    private static Optional<String> profileInConfigFile() {
        Path base = CONFIG_DIR.resolve("application.properties");
        if (!Files.isReadable(base)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(base)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty(PROFILE_KEY));
    }
}
