package com.expresschat.statussync.intake;

import java.nio.charset.CharacterCodingException;

/**
 * A NUL character in the text. It is valid UTF-8, but no ID list, CSV or JSON holds one: it means the input is
 * UTF-16 (every other byte of ASCII text is NUL), binary, or has a zero-filled tail, so it is no UTF-8 text at all.
 */
final class NulCharacterException extends CharacterCodingException {

    @Override
    public String getMessage() {
        return "NUL character";
    }
}
