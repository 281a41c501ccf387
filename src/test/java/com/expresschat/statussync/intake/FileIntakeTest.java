package com.expresschat.statussync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIntakeTest {

    @TempDir
    Path dir;

    private static Input toInput(Path file) {
        GenericFile<File> picked = new GenericFile<>();
        picked.setAbsoluteFilePath(file.toAbsolutePath().toString());
        picked.setRelativeFilePath(file.getFileName().toString());
        picked.setFileNameOnly(file.getFileName().toString());
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(picked);
        return new FileIntake(new InboxEntries(file.getParent())).toInput(exchange);
    }

    private static byte[] read(Input input) throws IOException {
        try (InputStream in = input.content().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aRegularFileIsAnInputOfTheFormatItsNameSays() throws Exception {
        Path file = Files.writeString(dir.resolve("users.csv"), "id\n");

        Input input = toInput(file);

        assertThat(input.name()).isEqualTo("users.csv");
        assertThat(input.source()).isEqualTo(FileIntake.SOURCE);
        assertThat(input.format()).isEqualTo(InputFormat.CSV);
        assertThat(input.refusal()).isNull();
        assertThat(read(input)).isEqualTo("id\n".getBytes());
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeverReadThrough() throws Exception {
        Path target = Files.writeString(dir.resolve("secret"), "tok-123\n");
        Path link = Files.createSymbolicLink(dir.resolve("users.txt"), target);

        Input input = toInput(link);

        assertThat(input.refusal()).isEqualTo(
                "'users.txt' is a symbolic link, which is never followed: copy or move the file itself into the inbox");
        assertThatThrownBy(() -> read(input)).isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("tok-123\n");
    }
}
