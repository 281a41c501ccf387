package com.expresschat.statussync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.expresschat.statussync.support.Samples;

class FileIntakeTest {

    @TempDir
    Path dir;

    private static Input toInput(Path file) {
        return new FileIntake(new InboxEntries(file.getParent())).toInput(file.getFileName().toString());
    }

    private static Row firstRow(Input input) throws Exception {
        try (RowReader rows = input.openRows()) {
            return rows.next();
        }
    }

    @Test
    void aRegularFileIsAnInputOfTheFormatItsNameSays() throws Exception {
        Path file = Files.writeString(dir.resolve("users.csv"), "id\n" + Samples.USER_ID + "\n");

        Input input = toInput(file);

        assertThat(input.name()).isEqualTo("users.csv");
        assertThat(input.source()).isEqualTo(FileIntake.SOURCE);
        assertThat(input.archived()).isTrue();
        assertThat(input.format()).isEqualTo(InputFormat.CSV.name());
        assertThat(input.refusal()).isNull();
        assertThat(firstRow(input).id()).isEqualTo(Samples.USER_ID);
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeverReadThrough() throws Exception {
        Path target = Files.writeString(dir.resolve("secret"), "tok-123\n");
        Path link = Files.createSymbolicLink(dir.resolve("users.txt"), target);

        Input input = toInput(link);

        assertThat(input.refusal()).isEqualTo(
                "'users.txt' is a symbolic link, which is never followed: copy or move the file itself into the inbox");
        assertThatThrownBy(() -> firstRow(input)).isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("tok-123\n");
    }
}
