package com.expresschat.statussync.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets are scrubbed from stored text; secret files must be private to the service's user. */
class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void everyKnownSecretIsMaskedAndShortOrNullTextIsLeftAlone() {
        Secrets secrets = new Secrets();
        secrets.add("tok/en-123456");
        secrets.add("pw-abcdef");
        secrets.add("ab");

        assertThat(secrets.scrub("Bearer tok/en-123456 and tok\\/en-123456, pw-abcdef; ab"))
                .isEqualTo("Bearer **** and ****, ****; ab");
        assertThat(secrets.scrub(null)).isNull();
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "t");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> SecretFileCheck.requirePrivate(file, "token file"))
                .hasMessageContaining("token file " + file.toAbsolutePath())
                .hasMessageContaining("(rw-r-----)")
                .hasMessageContaining("chmod 600 " + file.toAbsolutePath());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        SecretFileCheck.requirePrivate(file, "token file");
    }
}
