package io.mailconfig.local;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A provider's logo on an https loopback server, as the table's {@code logoUrl} names one: the
 * browser test checks the page's policy lets exactly this image in. The certificate is made with
 * the JDK's keytool; the browser is told to accept it.
 */
final class LogoServer implements AutoCloseable {

    private static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"32\">"
            + "<rect width=\"96\" height=\"32\" fill=\"#1a6b3c\"/></svg>").getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD = "logo-server".toCharArray();

    private final HttpsServer server;

    private LogoServer(HttpsServer server) {
        this.server = server;
    }

    static LogoServer start(Path directory) throws IOException, GeneralSecurityException, InterruptedException {
        Path keyStore = directory.resolve("logo-server.p12");
        if (!Files.exists(keyStore)) {
            Files.createDirectories(directory);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
                    "-alias", "logo", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("keytool.log").toFile()).start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed; see " + directory.resolve("keytool.log"));
            }
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/logo.svg", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/svg+xml");
            exchange.sendResponseHeaders(200, SVG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(SVG);
            }
        });
        server.start();
        return new LogoServer(server);
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/logo.svg";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
