package com.expresschat.statussync.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * An answer body read up to a limit: past it the stream ends, and closing it discards the connection instead of
 * reading (draining) the rest, so neither a huge answer nor an endless one costs memory or time. Closing also ends
 * the attempt's deadline.
 */
final class LimitedBody extends InputStream {

    private final InputStream in;
    private final AttemptDeadline attempt;
    private final ExecRuntime runtime;
    private long remaining;
    private boolean cut;

    private LimitedBody(InputStream in, int limit, AttemptDeadline attempt, ExecRuntime runtime) {
        this.in = in;
        this.remaining = limit;
        this.attempt = attempt;
        this.runtime = runtime;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            if (remaining == 0) {
                // not one byte more: the rest may never come (an endless answer)
                cut = true;
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        } catch (IOException e) {
            throw attempt.explain(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (cut) {
                runtime.discardEndpoint();
            }
            in.close();
        } catch (IOException e) {
            if (!cut) {
                throw attempt.explain(e);
            }
            // the rest of a cut answer is of no interest; its connection is gone
        } finally {
            attempt.disarm();
        }
    }

    /** The entity whose content is one {@link LimitedBody} (camel-http asks for the content more than once). */
    static final class Entity extends HttpEntityWrapper {

        private final LimitedBody body;

        Entity(HttpEntity wrapped, int limit, AttemptDeadline attempt, ExecRuntime runtime) throws IOException {
            super(wrapped);
            InputStream content = wrapped.getContent();
            this.body = content == null ? null : new LimitedBody(content, limit, attempt, runtime);
            if (body == null) {
                attempt.disarm();
            }
        }

        @Override
        public InputStream getContent() {
            return body;
        }

        @Override
        public long getContentLength() {
            // camel-http sizes its buffer from this: never more than what is read
            long length = super.getContentLength();
            return length < 0 || body == null ? length : Math.min(length, body.remaining + 0L);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (body != null) {
                body.transferTo(out);
            }
        }

        @Override
        public void close() throws IOException {
            if (body != null) {
                body.close();
            }
        }
    }
}
