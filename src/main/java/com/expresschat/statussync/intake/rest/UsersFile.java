package com.expresschat.statussync.intake.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the HTTP Basic users file of the embedded server ({@code camel.server.basicPropertiesFile}), read by
 * Vert.x as lines {@code user.<name>=<password>[,<role>...]}: a missing or unreadable file, a file without users
 * or a user without a password is refused at start-up, with a message that says which.
 */
final class UsersFile {

    private UsersFile() {
    }

    /** The passwords of the file's users (none when it cannot be read). */
    static List<String> passwordsOf(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("user.") && line.indexOf('=') > 0)
                    .map(line -> line.substring(line.indexOf('=') + 1).split(",", 2)[0].trim())
                    .filter(password -> !password.isEmpty())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** What is wrong with the file, or null when it names at least one user, each with a password. */
    static String problemOf(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "the users file " + file.toAbsolutePath() + " cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        int users = 0;
        for (String line : lines) {
            if (!line.startsWith("user.")) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line.substring(5).trim() : line.substring(5, equals).trim();
            String password = equals < 0 ? "" : line.substring(equals + 1).split(",", 2)[0].trim();
            if (password.isEmpty()) {
                return "user '" + name + "' in the users file " + file + " has no password";
            }
            users++;
        }
        return users == 0 ? "the users file " + file + " names no user (lines user.<name>=<password>)" : null;
    }
}
