package io.mailconfig.cli.doctor;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/** The accept loop of the tests' loopback servers: each connection on a thread of its own, until the socket closes. */
final class Connections {

    private Connections() {
    }

    static void acceptEach(ServerSocket server, ExecutorService executor, Consumer<Socket> connection) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.submit(() -> connection.accept(socket));
            } catch (IOException e) {
                // Closed.
            }
        }
    }
}
