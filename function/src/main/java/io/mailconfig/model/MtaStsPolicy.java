package io.mailconfig.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An MTA-STS policy (RFC 8461 section 3.2) that mailconfig serves at
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} for the provider's domains, wherever
 * their mail servers run. Checked when read, so a policy that would lock out mail is never served:
 * {@code enforce} needs a {@code max_age} of at least a day, and every mode but {@code none} at
 * least one {@code mx} pattern.
 *
 * @param mx     MX host patterns: a host name, or {@code *.} and a host name for any single label in front of it
 * @param maxAge seconds senders may keep the policy, at most {@link #MAX_MAX_AGE}
 */
public record MtaStsPolicy(Mode mode, List<String> mx, long maxAge) {

    /** RFC 8461 allows at most a year (31557600 seconds). */
    public static final long MAX_MAX_AGE = 31_557_600;
    /** Below a day an enforced policy protects little and expires between a sender's visits. */
    public static final long MIN_ENFORCE_MAX_AGE = 86_400;
    /** One week: long enough to protect, short enough to step back from a mistake. */
    public static final long DEFAULT_MAX_AGE = 604_800;

    /** What a sending server does when a receiving MX host fails the policy. */
    public enum Mode {
        /** Deliver only to MX hosts that match and present a valid certificate. */
        ENFORCE,
        /** Deliver anyway, and report failures (TLS-RPT): the first step of a rollout. */
        TESTING,
        /** The domain has no policy any more: senders forget the one they kept. */
        NONE;

        /** The spelling of the policy file and the table: {@code enforce}, {@code testing}, {@code none}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> parse(String value) {
            for (Mode mode : values()) {
                if (mode.id().equalsIgnoreCase(value.strip())) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with the policy */
    public MtaStsPolicy {
        Objects.requireNonNull(mode, "mode");
        List<String> patterns = new ArrayList<>();
        for (String pattern : mx) {
            patterns.add(checkedPattern(pattern));
        }
        mx = List.copyOf(patterns);
        if (maxAge < 0 || maxAge > MAX_MAX_AGE) {
            throw new IllegalArgumentException("max_age must be from 0 to " + MAX_MAX_AGE + " seconds, not " + maxAge);
        }
        if (mode != Mode.NONE && mx.isEmpty()) {
            throw new IllegalArgumentException("mode " + mode.id() + " needs at least one mx pattern, e.g. mail.example.com or *.example.net");
        }
        if (mode == Mode.ENFORCE && maxAge < MIN_ENFORCE_MAX_AGE) {
            throw new IllegalArgumentException("mode enforce needs a max_age of at least " + MIN_ENFORCE_MAX_AGE
                    + " seconds (a day), not " + maxAge + "; roll out with mode testing first");
        }
    }

    private static String checkedPattern(String pattern) {
        String lower = pattern.strip().toLowerCase(Locale.ROOT);
        String host = lower.startsWith("*.") ? lower.substring(2) : lower;
        Optional<String> normal = DomainNames.normalize(host);
        if (normal.isEmpty() || !normal.get().equals(host)) {
            throw new IllegalArgumentException("mx pattern is not a host name or *. and a host name: " + pattern);
        }
        return lower;
    }

    /**
     * Whether an MX host matches one of the patterns (RFC 8461 section 4.1): exactly, or through a
     * wildcard that stands for exactly one leftmost label.
     */
    public boolean matches(String mxHost) {
        String host = mxHost.toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String pattern : mx) {
            if (pattern.startsWith("*.")) {
                int dot = host.indexOf('.');
                if (dot > 0 && host.substring(dot + 1).equals(pattern.substring(2))) {
                    return true;
                }
            } else if (pattern.equals(host)) {
                return true;
            }
        }
        return false;
    }

    /** The MX hosts no pattern matches: with {@code enforce}, mail to them would be refused. */
    public List<String> unmatched(List<String> mxHosts) {
        return mxHosts.stream().filter(host -> !matches(host)).toList();
    }
}
