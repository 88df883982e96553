package io.mailconfig.cli.doctor;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What the doctor asks of a certificate, a server's or a profile signer's: that its chain leads to
 * a root the JDK trusts (or, for a test installation, to whatever root it ends in), and how long it
 * has left.
 */
final class Certificates {

    /** A certificate with less left than this is reported: a renewal should long have happened. */
    static final Duration EXPIRY_MARGIN = Duration.ofDays(21);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** How a chain is trusted: by the JDK's roots, or, for test certificates, by the one it ends in. */
    enum Trust {
        JDK_ROOTS, ANY_ROOT
    }

    /** How much time a certificate has left. */
    enum Validity {
        VALID, EXPIRING, EXPIRED, NOT_YET_VALID
    }

    private Certificates() {
    }

    /**
     * Checks the chain as it was presented, leaf first. With {@link Trust#ANY_ROOT} the last
     * certificate stands in for the root: every other signature and date is still checked. The
     * leaf's own dates are {@link #validity}'s to report, so a leaf outside them is checked at the
     * last moment it was valid.
     *
     * @return why the chain does not verify; empty when it does
     */
    static Optional<String> chainProblem(List<X509Certificate> chain, Trust trust, Instant now) {
        if (chain.isEmpty()) {
            return Optional.of("no certificate was presented");
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            List<X509Certificate> path = new ArrayList<>(chain);
            if (trust == Trust.ANY_ROOT) {
                X509Certificate top = path.removeLast();
                if (path.isEmpty()) {
                    top.verify(top.getPublicKey());
                    return Optional.empty();
                }
                anchors.add(new TrustAnchor(top, null));
            } else {
                for (X509Certificate root : jdkRoots()) {
                    anchors.add(new TrustAnchor(root, null));
                }
                // A server may send the root as well; the path ends below it.
                path.removeIf(certificate -> anchors.stream().anyMatch(anchor -> anchor.getTrustedCert().equals(certificate)));
                if (path.isEmpty()) {
                    return Optional.empty();
                }
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            Instant notAfter = chain.getFirst().getNotAfter().toInstant();
            Instant notBefore = chain.getFirst().getNotBefore().toInstant();
            parameters.setDate(Date.from(now.isBefore(notBefore) ? notBefore : now.isBefore(notAfter) ? now : notAfter.minusSeconds(1)));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            String reason = e.getReason() == CertPathValidatorException.BasicReason.UNSPECIFIED && trust == Trust.JDK_ROOTS
                    ? "it does not lead to a root the JDK trusts (" + e.getMessage() + ")" : e.getMessage();
            return Optional.of(reason);
        } catch (GeneralSecurityException e) {
            return Optional.of(e.getMessage());
        }
    }

    static Validity validity(X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return Validity.NOT_YET_VALID;
        }
        if (!now.isBefore(notAfter)) {
            return Validity.EXPIRED;
        }
        return now.plus(EXPIRY_MARGIN).isBefore(notAfter) ? Validity.VALID : Validity.EXPIRING;
    }

    /** E.g. {@code CN=autoconfig.example.com, valid until 2027-03-01}. */
    static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + ", valid " + DATE.format(certificate.getNotBefore().toInstant())
                + " to " + DATE.format(certificate.getNotAfter().toInstant());
    }

    static String date(Date date) {
        return DATE.format(date.toInstant());
    }

    private static List<X509Certificate> jdkRoots() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> roots = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                roots.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return roots;
    }
}
