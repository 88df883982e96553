package io.mailconfig.cli.doctor;

import io.mailconfig.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS listener on 127.0.0.1 with a test certificate, in front of a plain HTTP server (the local
 * mailconfig): what API Gateway's custom domain name is to the function. It presents the
 * certificate and the intermediate, as a server sends its chain.
 */
final class LoopbackTls implements AutoCloseable {

    private final SSLServerSocket server;
    private final int backendPort;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    LoopbackTls(TestCertificates.Issued certificate, TestCertificates pki, int backendPort) throws IOException {
        this.backendPort = backendPort;
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] password = "test".toCharArray();
            keys.setKeyEntry("server", certificate.keys().getPrivate(), password,
                    List.of(certificate.certificate(), pki.intermediate().certificate()).toArray(Certificate[]::new));
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with the test certificate", e);
        }
        executor.submit(() -> Connections.acceptEach(server, executor, this::relay));
    }

    /** {@code https://127.0.0.1:port}, as {@code --base-url} takes it. */
    String baseUrl() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /** Bytes both ways between the TLS client and the HTTP server, until either side closes. */
    private void relay(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            executor.submit(() -> {
                // The server's side ended: so does the client's connection.
                try (client) {
                    backend.getInputStream().transferTo(client.getOutputStream());
                }
                return null;
            });
            client.getInputStream().transferTo(backend.getOutputStream());
            backend.shutdownOutput();
        } catch (IOException e) {
            // A failed handshake (the tests' clients refuse some certificates on purpose) or a closed side.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
