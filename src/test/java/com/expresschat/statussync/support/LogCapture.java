package com.expresschat.statussync.support;

import java.io.StringWriter;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Captures everything this test JVM logs, so that tests can assert on log lines (and on what never appears). */
public final class LogCapture {

    private static final StringWriter CAPTURED = new StringWriter();
    private static boolean installed;

    private LogCapture() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config)
                .withPattern("%-5level %c{1} - %msg%n%throwable").build();
        WriterAppender appender = WriterAppender.createAppender(layout, null, CAPTURED, "capture", false, true);
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        installed = true;
    }

    public static synchronized String text() {
        return CAPTURED.toString();
    }
}
