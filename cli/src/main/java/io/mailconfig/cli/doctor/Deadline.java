package io.mailconfig.cli.doctor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds each check in time, so a dead host or a silent name server costs a few seconds, never a
 * hung run. Every network call also has its own timeout; this catches what several of them add up
 * to, and anything that does not honour one.
 */
final class Deadline implements AutoCloseable {

    private final Duration limit;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    Deadline(Duration limit) {
        this.limit = limit;
    }

    /** The check's findings, or one FAIL saying it did not finish (or what it threw) in time. */
    List<Finding> run(String check, String asked, Callable<List<Finding>> work) {
        Future<List<Finding>> future = executor.submit(work);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return List.of(Finding.fail(check, asked, "no answer within " + seconds(limit),
                    "the host or name server does not answer: check that it is up and reachable (or give a longer --timeout)"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return List.of(Finding.fail(check, asked, "could not be checked: " + cause, "report this: the doctor itself failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return List.of(Finding.fail(check, asked, "interrupted", "run the doctor again"));
        }
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
