package io.mailconfig.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** Checks a signed profile as a device would: the signature, and a chain from the signer to a trusted root. */
public final class SignedProfiles {

    private SignedProfiles() {
    }

    /** Verifies {@code der} with BouncyCastle and the JDK's PKIX validator; returns the signed content. */
    public static byte[] verify(byte[] der, X509Certificate root) throws Exception {
        CMSSignedData signed = new CMSSignedData(der);
        assertThat(signed.getSignedContent()).as("content attached").isNotNull();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> included = new ArrayList<>();
        for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
            included.add(converter.getCertificate(holder));
        }
        assertThat(signed.getSignerInfos().getSigners()).hasSize(1);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder signerHolder = (X509CertificateHolder) signed.getCertificates()
                .getMatches(signer.getSID()).iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerHolder))).isTrue();

        X509Certificate signerCertificate = converter.getCertificate(signerHolder);
        List<X509Certificate> path = new ArrayList<>();
        path.add(signerCertificate);
        included.stream().filter(c -> !c.equals(signerCertificate) && !c.equals(root)).forEach(path::add);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        return (byte[]) signed.getSignedContent().getContent();
    }

    /** Whether this machine has an openssl command to check with. */
    public static boolean opensslAvailable() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code openssl cms -verify -CAfile root.pem -inform DER}: returns the content openssl extracted. */
    public static byte[] verifyWithOpenssl(byte[] der, X509Certificate root, Path directory) throws Exception {
        Path profile = directory.resolve("profile.der");
        Path rootPem = directory.resolve("root.pem");
        Path content = directory.resolve("content.plist");
        Files.write(profile, der);
        Files.writeString(rootPem, TestCertificates.pem(root), StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder("openssl", "cms", "-verify", "-CAfile", rootPem.toString(), "-inform", "DER",
                "-in", profile.toString(), "-out", content.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl cms -verify said: %s", output).isZero();
        assertThat(output).contains("Verification successful");
        return Files.readAllBytes(content);
    }
}
