package com.expresschat.statussync.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;

/**
 * What one attempt to call express-chat may cost, enforced inside HttpClient's exec chain (first link):
 * <ul>
 *   <li>time: connect plus response timeout for the whole attempt, answer included. HttpClient's own timeouts are per
 *       read, so an answer that trickles in a byte at a time would otherwise hold its batch for ever; past the
 *       deadline the connection is cut and the attempt fails as a timeout (TRANSIENT, retried as usual).</li>
 *   <li>memory: an answer body is read up to {@code maxBodyBytes} (more than the receipt keeps), the rest is
 *       not read at all: the connection is discarded instead (see {@link LimitedBody}).</li>
 * </ul>
 */
public class AttemptLimits implements ExecChainHandler {

    /** Bytes of an answer that are read: far more than a receipt keeps (2,000 chars), far less than a heap. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Duration deadline;
    private final int maxBodyBytes;
    private final ScheduledExecutorService timer;

    public AttemptLimits(Duration deadline, int maxBodyBytes, ScheduledExecutorService timer) {
        this.deadline = deadline;
        this.maxBodyBytes = maxBodyBytes;
        this.timer = timer;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        AttemptDeadline attempt = AttemptDeadline.start(scope, deadline, timer);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException e) {
            attempt.disarm();
            throw attempt.explain(e);
        } catch (HttpException | RuntimeException e) {
            attempt.disarm();
            throw e;
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            attempt.disarm();
        } else {
            // the deadline stays armed while camel-http reads the body, and ends when the body is closed
            response.setEntity(new LimitedBody.Entity(entity, maxBodyBytes, attempt, scope.execRuntime));
        }
        return response;
    }

    public Duration deadline() {
        return deadline;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }
}
