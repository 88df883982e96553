package io.mailconfig.testing;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * What would be logged while open, as text with messages, stack traces and causes: mailconfig's
 * own loggers at every level, every other logger (the AWS SDK, Powertools) at the level the
 * configuration gives it. DynamoDB Local's own debug logging is not in any deployment.
 */
public final class CapturedLogs implements AutoCloseable {

    private static final String NAME = "captured";
    private static final String OURS = "io.mailconfig";

    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    public CapturedLogs() {
        Configuration configuration = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName(NAME).setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%level %logger: %msg %throwable%n").build()).build();
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, null, null);
        LoggerConfig ours = new LoggerConfig(OURS, Level.ALL, false);
        ours.addAppender(appender, null, null);
        configuration.addLogger(OURS, ours);
        context.updateLoggers();
    }

    public String text() {
        return text.toString();
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        configuration.removeLogger(OURS);
        configuration.getRootLogger().removeAppender(NAME);
        context.updateLoggers();
    }
}
