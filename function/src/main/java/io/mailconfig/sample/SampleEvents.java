package io.mailconfig.sample;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The sample requests of every protocol: the API Gateway events of the repository's
 * {@code events/samples/}, which the build copies into the jar. Each answers 200 for the
 * {@link SampleProvider}. SnapStart priming, the benchmarks, the load and soak scripts and the
 * local server's example paths all take their requests from here, so a protocol joins all of them
 * by adding a file there.
 */
public final class SampleEvents {

    /** Where the build puts them, relative to the class path root. */
    static final String DIRECTORY = "io/mailconfig/sample/events/";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SampleEvents() {
    }

    /** The file names without {@code .json}, sorted. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(SampleEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(DIRECTORY))) {
                    files.map(file -> file.getFileName().toString()).forEach(name -> add(names, name));
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(DIRECTORY) && entry.indexOf('/', DIRECTORY.length()) < 0) {
                            add(names, entry.substring(DIRECTORY.length()));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("the sample events cannot be listed", e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no sample events in " + DIRECTORY + " (the build copies events/samples/ there)");
        }
        return names.stream().sorted().toList();
    }

    /** One sample event, a fresh copy each time. */
    public static APIGatewayV2HTTPEvent load(String name) {
        try (InputStream in = SampleEvents.class.getClassLoader().getResourceAsStream(DIRECTORY + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + name);
            }
            return JSON.readValue(in, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("sample event " + name + " cannot be read", e);
        }
    }

    private static void add(List<String> names, String file) {
        if (file.endsWith(".json")) {
            names.add(file.substring(0, file.length() - ".json".length()));
        }
    }
}
