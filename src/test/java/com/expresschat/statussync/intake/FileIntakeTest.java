package com.expresschat.statussync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.expresschat.statussync.storage.FolderUnusableException;
import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.storage.StorageFaults;
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

    @Test
    void anInputStoppedByAStorageFaultIsHeldInItsClaimAnyOtherFailureGoesBackToTheInbox() throws Exception {
        Folders folders = new Folders(dir.resolve("inbox"), dir.resolve("done"), dir.resolve("error"),
                new StorageFaults(Clock.systemUTC(), Duration.ofSeconds(30)), 0);
        folders.prepare();
        FileIntake intake = new FileIntake(new InboxEntries(folders.claims().folder()), folders);
        // as the fold throws it: the check's fault inside, its root cause naming no file
        Exception full = new UncheckedIOException("cannot record batch 40 of users.txt",
                new FolderUnusableException(folders.done(), new IOException("only 0 bytes free")));

        assertThat(intake.failedPath("users.txt", failedWith(full)))
                .isEqualTo(folders.claims().held().resolve("users.txt").toString());
        assertThat(folders.faults().holding()).hasMessageStartingWith(folders.done() + " cannot take files");
        assertThat(intake.failedPath("users.txt", failedWith(new IllegalStateException("a bug"))))
                .isEqualTo(folders.inbox().resolve("users.txt").toString());
    }

    /** An exchange as the file consumer's rollback sees it: the failure moved to the caught-exception property. */
    private static Exchange failedWith(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }
}
