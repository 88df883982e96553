package io.mailconfig.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.sample.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample requests as the load and soak scripts send them, and as ./dev run prints them. */
class SampleRequestsTest {

    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SampleServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theListsHoldEverySampleOnceGroupedByTheProtocolThatAnswersIt(@TempDir Path directory) throws Exception {
        List<String> protocols = SampleRequests.writeLists(directory);

        assertThat(protocols).containsExactlyInAnyOrder("autoconfig", "autodiscover", "autodiscover-json", "mobileconfig", "setup", "pacc", "mta-sts");
        assertThat(Files.readAllLines(directory.resolve("all.txt"))).hasSize(SampleEvents.names().size());
        long perProtocol = 0;
        for (String protocol : protocols) {
            perProtocol += Files.readAllLines(directory.resolve(protocol + ".txt")).size();
        }
        assertThat(perProtocol).isEqualTo(SampleEvents.names().size());
    }

    @Test
    void everyListedRequestAnswers200OverHttp(@TempDir Path directory) throws Exception {
        SampleRequests.writeLists(directory);

        for (String line : Files.readAllLines(directory.resolve("all.txt"))) {
            assertThat(statusOf(line, directory)).as(line).isEqualTo(200);
        }
    }

    @Test
    void theCommandsPrintedAtStartNameTheLocalServer() {
        List<String> commands = SampleRequests.curlCommands(server.baseUrl());

        assertThat(commands).isNotEmpty().allSatisfy(command -> assertThat(command).startsWith("curl ")
                .contains("'" + server.baseUrl() + "/"));
        assertThat(commands).anySatisfy(command -> assertThat(command).contains("/mail/config-v1.1.xml?emailaddress="));
    }

    /** Sends one line of the list (METHOD, target, Name:value headers, @body) as raw HTTP/1.1. */
    private static int statusOf(String line, Path directory) throws IOException {
        String[] fields = line.split("\t");
        byte[] body = new byte[0];
        List<String> headers = new ArrayList<>();
        for (int i = 2; i < fields.length; i++) {
            if (fields[i].startsWith("@")) {
                body = Files.readAllBytes(directory.resolve(fields[i].substring(1)));
            } else {
                int colon = fields[i].indexOf(':');
                headers.add(fields[i].substring(0, colon) + ": " + fields[i].substring(colon + 1));
            }
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(fields[0] + " " + fields[1] + " HTTP/1.1\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                statusLine.write(c);
            }
            return Integer.parseInt(statusLine.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }
}
