package io.mailconfig.bench;

import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing one Apple profile (8 KB, the size of the largest one) with each kind of signing key:
 * what a signed {@code /mobileconfig} costs on top of the unsigned answer (docs/apple-profiles.md).
 * {@code ./dev bench SigningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SigningBenchmark {

    /** {@code ec} (P-256), {@code rsa} (2048) or {@code rsa-4096}, as {@link TestCertificates#named} issues them. */
    @Param({"ec", "rsa", "rsa-4096"})
    public String key;

    private ProfileSigner signer;
    private byte[] profile;

    @Setup(Level.Trial)
    public void setUp() {
        TestCertificates pki = TestCertificates.named(key);
        signer = ProfileSigner.fromPem(pki.signer().certificatePem(), pki.signer().privateKeyPem(), pki.intermediate().certificatePem());
        profile = ("<?xml version=\"1.0\"?><plist>" + "x".repeat(8 * 1024) + "</plist>").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] sign() {
        return signer.sign(profile);
    }
}
