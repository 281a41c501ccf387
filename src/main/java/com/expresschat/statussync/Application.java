package com.expresschat.statussync;

import org.apache.camel.main.Main;

import com.expresschat.statussync.configuration.ConfigLocations;
import com.expresschat.statussync.configuration.StatusSyncConfiguration;

/**
 * Starts express-chat-status-sync on Camel Main, from the project root: routes come from
 * {@code routes/*.camel.yaml}, settings from {@code config/application.properties} and the
 * active profile's {@code config/application-<profile>.properties}.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        // the one configuration class named, rather than found by scanning the package (a slower start)
        Main main = new Main();
        main.configure().addConfiguration(StatusSyncConfiguration.class);
        main.setPropertyPlaceholderLocations(ConfigLocations.forProfile(ConfigLocations.activeProfile()));
        main.run(args);
    }
}
