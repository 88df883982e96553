package io.mailconfig.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI for signing tests: a root CA, an intermediate CA and a profile-signing
 * certificate issued by the intermediate, as a real signing certificate comes from a CA; the
 * intermediate issues more ({@link #leaf}), e.g. a server's certificate for TLS tests.
 */
public record TestCertificates(Issued root, Issued intermediate, Issued signer) {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public record Issued(X509Certificate certificate, KeyPair keys) {
        public String certificatePem() {
            return pem(certificate);
        }

        /** PKCS#8 ("PRIVATE KEY"), as {@code openssl genpkey} writes it. */
        public String privateKeyPem() {
            try {
                return pem(new JcaPKCS8Generator(keys.getPrivate(), null));
            } catch (PemGenerationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The older "RSA PRIVATE KEY" form. */
        public String traditionalPrivateKeyPem() {
            return pem(keys.getPrivate());
        }
    }

    /** RSA 2048 throughout. */
    public static TestCertificates rsa() {
        return create("RSA", 2048);
    }

    /** RSA 2048 CAs and an RSA 4096 signing key, as some public CAs issue them. */
    public static TestCertificates rsa4096() {
        return create("RSA", 4096);
    }

    /** EC P-256 throughout. */
    public static TestCertificates ec() {
        return create("EC", 256);
    }

    /** The signing certificate by its key: {@code rsa}, {@code rsa-4096} or {@code ec}. */
    public static TestCertificates named(String kind) {
        return switch (kind) {
            case "rsa" -> rsa();
            case "rsa-4096" -> rsa4096();
            case "ec" -> ec();
            default -> throw new IllegalArgumentException("unknown kind of key: " + kind);
        };
    }

    private static TestCertificates create(String algorithm, int signerKeySize) {
        try {
            Issued root = issue("CN=mailconfig test root", keys(algorithm, 0), null, true);
            Issued intermediate = issue("CN=mailconfig test intermediate", keys(algorithm, 0), root, true);
            Issued signer = issue("CN=profiles.example.com", keys(algorithm, signerKeySize), intermediate, false);
            return new TestCertificates(root, intermediate, signer);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate issued by this PKI's intermediate, as a CA issues one to a server or a signer:
     * with these DNS names (for TLS; none for a signer) and these dates.
     */
    public Issued leaf(String subject, List<String> dnsNames, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = keys(signer.keys().getPrivate().getAlgorithm(), 0);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded()),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), new X500Name(subject),
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(intermediate.certificate()));
            if (!dnsNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                        .map(name -> new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new)));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            String algorithm = intermediate.keys().getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(intermediate.keys().getPrivate())));
            return new Issued(certificate, keys);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param rsaSize the RSA key size, 0 for 2048 */
    private static KeyPair keys(String algorithm, int rsaSize) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(rsaSize == 0 ? 2048 : rsaSize);
        }
        return generator.generateKeyPair();
    }

    private static Issued issue(String subject, KeyPair keys, Issued issuer, boolean ca)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        X500Name issuerName = issuer == null ? new X500Name(subject)
                : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        KeyPair signing = issuer == null ? keys : issuer.keys();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(ca
                        ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        if (issuer != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuer.certificate()));
        }
        String algorithm = signing.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).build(signing.getPrivate())));
        return new Issued(certificate, keys);
    }

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
