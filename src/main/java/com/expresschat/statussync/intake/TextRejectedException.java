package com.expresschat.statussync.intake;

import com.expresschat.statussync.model.InputRejectedException;

import java.io.IOException;

/**
 * Carries an {@link InputRejectedException} reason through a library (Commons CSV) that only lets
 * IOExceptions pass; the reader on the other side turns it back into a rejection.
 */
final class TextRejectedException extends IOException {

    TextRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
