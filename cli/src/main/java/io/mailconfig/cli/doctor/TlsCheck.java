package io.mailconfig.cli.doctor;

import io.mailconfig.cli.doctor.Certificates.Trust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;

/**
 * One host's TLS as a mail client meets it: a handshake with the host's name (SNI) to the address
 * a client would reach, then the four things a client holds against a server: the protocol (TLS
 * 1.2 or newer), the name (the certificate must cover it), the dates (not expiring within 21 days)
 * and the chain (it must lead to a trusted root).
 */
final class TlsCheck {

    static final String CHECK = "tls";
    private static final Set<String> MODERN = Set.of("TLSv1.2", "TLSv1.3");

    private final WebClient web;
    private final Trust trust;
    private final Duration timeout;

    TlsCheck(WebClient web, Trust trust, Duration timeout) {
        this.web = web;
        this.trust = trust;
        this.timeout = timeout;
    }

    /** The findings for one host; a failed handshake is one FAIL. */
    List<Finding> check(String host) {
        HttpHost target;
        try {
            target = web.connection(host);
        } catch (IOException e) {
            return List.of(Finding.fail(CHECK, host, "not reached: " + e.getMessage(), "make " + host + " resolve first (see the dns lines)"));
        }
        String asked = host + " at " + target.getAddress().getHostAddress() + ":" + target.getPort();
        Handshake session;
        try {
            session = handshake(target, host);
        } catch (IOException e) {
            return List.of(Finding.fail(CHECK, asked, "no TLS handshake: " + e.getMessage(),
                    "serve " + host + " over HTTPS with a certificate for it (an API Gateway custom domain name, see docs/deploy.md)"));
        }
        List<X509Certificate> chain = session.chain();
        if (chain.isEmpty()) {
            return List.of(Finding.fail(CHECK, asked, "no certificate presented", "serve a certificate for " + host));
        }
        List<Finding> findings = new ArrayList<>();
        String protocol = session.protocol();
        findings.add(MODERN.contains(protocol) ? Finding.pass(CHECK, asked + " protocol", protocol)
                : Finding.fail(CHECK, asked + " protocol", protocol + ", older than TLS 1.2, which current clients refuse",
                        "allow TLS 1.2 and 1.3 only (API Gateway custom domain names: security policy TLS_1_2)"));
        X509Certificate leaf = chain.getFirst();
        findings.add(nameFinding(host, asked, leaf));
        findings.add(expiryFinding(CHECK, asked + " certificate dates", leaf, Instant.now(),
                "ACM renews a certificate while its DNS validation records are in place: recreate the ones ./dev cli dns prints"));
        Optional<String> chainProblem = Certificates.chainProblem(chain, trust, Instant.now());
        String issuers = chain.size() + " certificate" + (chain.size() == 1 ? "" : "s") + " up to "
                + chain.getLast().getIssuerX500Principal().getName();
        findings.add(chainProblem.isEmpty()
                ? Finding.pass(CHECK, asked + " chain", "verifies: " + issuers + (trust == Trust.ANY_ROOT ? " (any root: --insecure-tls)" : ""))
                : Finding.fail(CHECK, asked + " chain", "does not verify: " + chainProblem.get(),
                        "serve the intermediate certificates with the certificate, from a CA clients trust (ACM's are)"));
        return findings;
    }

    private static Finding nameFinding(String host, String asked, X509Certificate leaf) {
        try {
            new DefaultHostnameVerifier().verify(host, leaf);
            return Finding.pass(CHECK, asked + " name", "the certificate covers " + host);
        } catch (SSLException e) {
            return Finding.fail(CHECK, asked + " name", "the certificate (" + leaf.getSubjectX500Principal().getName()
                            + ") does not cover " + host + ": " + e.getMessage(),
                    "use a certificate whose names include " + host + " (the installation's certificate covers autoconfig. and autodiscover.)");
        }
    }

    /** The dates of a certificate: a FAIL when it is not valid now, a WARN within {@link Certificates#EXPIRY_MARGIN}. */
    static Finding expiryFinding(String check, String asked, X509Certificate certificate, Instant now, String fix) {
        String dates = Certificates.describe(certificate);
        return switch (Certificates.validity(certificate, now)) {
            case VALID -> Finding.pass(check, asked, dates);
            case EXPIRING -> Finding.warn(check, asked, "expires within " + Certificates.EXPIRY_MARGIN.toDays() + " days: " + dates, fix);
            case EXPIRED -> Finding.fail(check, asked, "expired on " + Certificates.date(certificate.getNotAfter()) + ": " + dates, fix);
            case NOT_YET_VALID -> Finding.fail(check, asked, "not valid before " + Certificates.date(certificate.getNotBefore()) + ": " + dates,
                    fix);
        };
    }

    /** What a handshake settled: the protocol and the certificates presented, leaf first. */
    private record Handshake(String protocol, List<X509Certificate> chain) {
    }

    /** A handshake that accepts whatever is presented: judging it is this class's work, not the JDK's. */
    private Handshake handshake(HttpHost target, String host) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAll()}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has TLS", e);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        try (socket) {
            socket.connect(new InetSocketAddress(target.getAddress(), target.getPort()), millis);
            socket.setSoTimeout(millis);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            SSLSession session = socket.getSession();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
            return new Handshake(session.getProtocol(), chain);
        }
    }

    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
