package com.frontline.platform.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Every log event of the whole app while open, at the levels the app logs at (as in production). */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    public List<ILoggingEvent> errors() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
    }

    /** Each event as written: the formatted message plus its exception's messages. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : events()) {
            all.append(e.getLevel()).append(' ').append(e.getFormattedMessage()).append('\n');
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
