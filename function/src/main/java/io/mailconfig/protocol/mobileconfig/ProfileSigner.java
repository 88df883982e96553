package io.mailconfig.protocol.mobileconfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs profiles as CMS SignedData (DER, content attached, signer certificate and chain included),
 * which iOS and macOS show as "Verified". BouncyCastle builds the CMS structure; the RSA or ECDSA
 * signature and the digests come from the JDK's own providers, so BouncyCastle's provider is never
 * registered and never loaded.
 *
 * <p>Built once at init from PEM text; safe to share between threads.
 */
public final class ProfileSigner {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileSigner.class);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final String algorithm;

    private ProfileSigner(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
        this.key = key;
        this.certificate = certificate;
        this.chain = List.copyOf(chain);
        this.algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("the signing key must be RSA or EC, not " + key.getAlgorithm());
        };
        if (!belongTogether(key, certificate, algorithm)) {
            throw new IllegalArgumentException("the signing key does not belong to the signing certificate");
        }
        try {
            certificate.checkValidity();
        } catch (CertificateException e) {
            // Still sign: devices show "Unverified", which says more than a profile without signature.
            LOG.warn("the profile signing certificate is not valid now: {}", e.getMessage());
        }
    }

    private static boolean belongTogether(PrivateKey key, X509Certificate certificate, String algorithm) {
        try {
            byte[] probe = "mailconfig".getBytes(StandardCharsets.US_ASCII);
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(probe);
            byte[] signed = signature.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * @param certificatePem the signing certificate
     * @param keyPem         its private key: PKCS#8 ("PRIVATE KEY"), "RSA PRIVATE KEY" or "EC PRIVATE KEY"
     * @param chainPem       the intermediate certificates, may be empty; a root in it does no harm
     */
    public static ProfileSigner fromPem(String certificatePem, String keyPem, String chainPem) {
        List<X509Certificate> certificates = certificates(certificatePem, "signing certificate");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the signing certificate PEM holds no certificate");
        }
        List<X509Certificate> chain = new ArrayList<>(certificates.subList(1, certificates.size()));
        chain.addAll(certificates(chainPem == null ? "" : chainPem, "certificate chain"));
        return new ProfileSigner(privateKey(keyPem), certificates.getFirst(), chain);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CMS SignedData, DER-encoded, with {@code content} inside. */
    public byte[] sign(byte[] content) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(signer, certificate));
            List<X509Certificate> all = new ArrayList<>();
            all.add(certificate);
            all.addAll(chain);
            generator.addCertificates(new JcaCertStore(all));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign the profile: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(String pem, String what) {
        if (pem.isBlank()) {
            return List.of();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : factory.generateCertificates(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the " + what + " is not PEM X.509: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IllegalArgumentException("the signing key PEM holds no unencrypted private key");
        } catch (IOException e) {
            throw new IllegalArgumentException("the signing key is not readable PEM: " + e.getMessage(), e);
        }
    }
}
