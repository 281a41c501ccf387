package com.expresschat.statussync.intake;

import java.io.IOException;

import com.expresschat.statussync.model.InputRejectedException;

/**
 * Carries an {@link InputRejectedException} reason through a library (Commons CSV) that only lets
 * IOExceptions pass; the reader on the other side turns it back into a rejection.
 */
final class TextRejectedException extends IOException {

    TextRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
