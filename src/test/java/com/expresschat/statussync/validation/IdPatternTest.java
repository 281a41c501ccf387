package com.expresschat.statussync.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.junit.jupiter.api.Test;

class IdPatternTest {

    private static final Pattern REGEX = Pattern.compile(IdPattern.OBJECT_ID, Pattern.CASE_INSENSITIVE);

    private final IdPattern objectId = new IdPattern(IdPattern.OBJECT_ID);

    @Test
    void theDefaultAcceptsExactly24HexDigitsInEitherCase() {
        assertThat(objectId.matches("640f472d173951357f08edee")).isTrue();
        assertThat(objectId.matches("640F472D173951357F08EDEE")).isTrue();
        assertThat(objectId.matches("640f472d173951357f08ede")).isFalse();
        assertThat(objectId.matches("640f472d173951357f08edee0")).isFalse();
        assertThat(objectId.matches("640f472d173951357f08edeg")).isFalse();
        assertThat(objectId.matches("")).isFalse();
    }

    @Test
    void theDefaultRefusesNonAsciiDigitsAndLettersThatTheRegexRefuses() {
        // Arabic-Indic three, fullwidth A, fullwidth one: Character.digit would take them, the regex does not
        for (String odd : List.of("\u0663", "\uFF21", "\uFF11", "\u00e9", " ", "`", "@", "G", "g", ":", "/")) {
            String id = "640f472d173951357f08ede" + odd;
            assertThat(objectId.matches(id)).as(id).isEqualTo(REGEX.matcher(id).matches()).isFalse();
        }
    }

    @Test
    void theDefaultAgreesWithTheCaseInsensitiveRegexOnEveryCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String id = "0".repeat(23) + c;
            assertThat(objectId.matches(id)).as("U+%04X", (int) c).isEqualTo(REGEX.matcher(id).matches());
        }
    }

    @Test
    void theDefaultAgreesWithTheRegexOnRandomStrings() {
        Random random = new Random(42);
        String alphabet = "0123456789abcdefABCDEFgxyz -";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder();
            int length = 22 + random.nextInt(4);
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(objectId.matches(id.toString())).as(id.toString()).isEqualTo(REGEX.matcher(id).matches());
        }
    }

    @Test
    void anyOtherPatternIsARegexMatchedInFullIgnoringCase() {
        IdPattern custom = new IdPattern("usr-[0-9]{3}");
        assertThat(custom.matches("usr-123")).isTrue();
        assertThat(custom.matches("USR-123")).isTrue();
        assertThat(custom.matches("usr-1234")).isFalse();
        assertThat(custom).hasToString("usr-[0-9]{3}");
    }

    @Test
    void anInvalidPatternIsRefused() {
        assertThatThrownBy(() -> new IdPattern("[0-9")).isInstanceOf(PatternSyntaxException.class);
    }
}
