package com.expresschat.statussync.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {

    @TempDir
    Path root;

    @Test
    void anIdentitySurvivesARenameButNotANewFileOfTheSameName() throws Exception {
        Path file = Files.writeString(root.resolve("a.txt"), "x\n");
        String identity = Claims.identityOf(file);
        Path moved = Files.move(file, root.resolve("b.txt"));
        assertThat(Claims.identityOf(moved)).isEqualTo(identity);

        Path newer = Files.writeString(root.resolve("a.txt"), "x\n");
        Files.setLastModifiedTime(newer, FileTime.fromMillis(Files.getLastModifiedTime(moved).toMillis() + 1000));
        assertThat(Claims.identityOf(newer)).isNotEqualTo(identity);
    }

    @Test
    void aStartPutsClaimedInputsBackKeepsTheirJournalsAndRemovesOrphanJournals() throws Exception {
        Folders folders = new Folders(root.resolve("inbox"), root.resolve("done"), root.resolve("error"));
        folders.prepare();
        Claims claims = folders.claims();
        Files.createDirectories(claims.folder());
        Path claimed = Files.writeString(claims.claimed("users.txt"), "x\n");
        Path journal = Files.writeString(Claims.journalBeside(claimed, Claims.identityOf(claimed)), "{}\n");
        Path orphan = Files.writeString(Claims.journalBeside(claimed, "0123456789abcdef"), "{}\n");
        // a newer file of the same name was dropped while the process was down: it is not overwritten
        Files.writeString(folders.inbox().resolve("users.txt"), "newer\n");

        assertThat(claims.putBackUnfinished(folders)).isEqualTo(1);

        assertThat(Files.readString(folders.inbox().resolve("users.txt"))).isEqualTo("newer\n");
        assertThat(Files.readString(folders.inbox().resolve("users-2.txt"))).isEqualTo("x\n");
        assertThat(claimed).doesNotExist();
        assertThat(journal).as("kept: the put-back input resumes from it").exists();
        assertThat(Claims.journalBeside(claimed, Claims.identityOf(folders.inbox().resolve("users-2.txt"))))
                .isEqualTo(journal);
        assertThat(orphan).as("its input is gone").doesNotExist();
    }
}
