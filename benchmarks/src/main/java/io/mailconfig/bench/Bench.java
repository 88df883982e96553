package io.mailconfig.bench;

import io.mailconfig.sample.SampleEvents;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./dev bench}: JMH's own command line, with {@link HandlerBenchmark} run for every sample
 * request unless {@code -p event=...} names some.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions command = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(command);
        if (command.getIncludes().isEmpty()) {
            options.include(HandlerBenchmark.class.getSimpleName());
        }
        if (!command.getParameter("event").hasValue()) {
            options.param("event", SampleEvents.names().toArray(String[]::new));
        }
        new Runner(options.build()).run();
    }
}
