package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDevUsersFileNamesTheDocumentedDevUser() throws IOException {
        Path dev = Path.of("config/dev-users.properties");

        assertThat(UsersFile.problemOf(dev)).isNull();
        assertThat(Files.readAllLines(dev)).contains("user.dev=dev-only-password");
    }

    @Test
    void aFileWithUsersAndRolesIsFine() throws IOException {
        assertThat(UsersFile.problemOf(write("# users\nuser.a=secret\nuser.b = other , intake\nrole.intake=*\n"))).isNull();
    }

    @Test
    void aMissingFileIsAProblem() {
        assertThat(UsersFile.problemOf(dir.resolve("missing.properties"))).contains("cannot be read");
    }

    @Test
    void aFileWithoutUsersIsAProblem() throws IOException {
        assertThat(UsersFile.problemOf(write("# nobody\nrole.intake=*\n"))).contains("names no user");
    }

    @Test
    void aUserWithoutPasswordIsAProblem() throws IOException {
        assertThat(UsersFile.problemOf(write("user.a=secret\nuser.b=\n"))).contains("'b'").contains("no password");
        assertThat(UsersFile.problemOf(write("user.c= ,intake\n"))).contains("'c'");
        assertThat(UsersFile.problemOf(write("user.d\n"))).contains("'d'");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "users", ".properties"), content);
    }
}
