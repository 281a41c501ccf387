package com.expresschat.statussync.intake;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/** Turns a file picked up from the inbox into an {@link Input}. */
public class FileIntake {

    public static final String SOURCE = "file";

    public Input toInput(Exchange exchange) {
        GenericFile<?> file = exchange.getMessage().getBody(GenericFile.class);
        Path path = Path.of(file.getAbsoluteFilePath());
        String name = file.getRelativeFilePath();
        return new Input(name, SOURCE, InputFormat.fromFileName(name).orElse(null), () -> Files.newInputStream(path));
    }
}
