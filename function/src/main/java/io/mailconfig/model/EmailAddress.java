package io.mailconfig.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox address as a client sends it. The domain is canonical ({@link DomainNames}); the
 * local part is kept as given, since only the mail server may interpret it.
 */
public record EmailAddress(String localPart, String domain) {

    private static final int MAX_LOCAL_PART = 64;
    private static final String ATEXT_ASCII = "!#$%&'*+-/=?^_`{|}~.";

    public EmailAddress {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
    }

    /** Parses an address or explains, in one line fit to show a client, why it is not one. */
    public static EmailAddress parse(String value) throws InvalidAddressException {
        if (value == null || value.isBlank()) {
            throw new InvalidAddressException("missing email address");
        }
        String address = value.strip();
        int at = address.indexOf('@');
        if (at < 0) {
            throw new InvalidAddressException("email address has no @");
        }
        if (address.indexOf('@', at + 1) >= 0) {
            throw new InvalidAddressException("email address has more than one @");
        }
        String localPart = address.substring(0, at);
        if (localPart.isEmpty()) {
            throw new InvalidAddressException("email address has an empty local part");
        }
        if (localPart.length() > MAX_LOCAL_PART || !isDotAtom(localPart)) {
            throw new InvalidAddressException("email address has an invalid local part");
        }
        String domain = DomainNames.normalize(address.substring(at + 1))
                .orElseThrow(() -> new InvalidAddressException("email address domain is not a valid host name"));
        return new EmailAddress(localPart, domain);
    }

    /**
     * RFC 5322 atext and dots, plus non-ASCII characters as RFC 6531 allows. Quoted local parts
     * ({@code "john doe"@example.com}) are refused: no client sends them for account setup.
     */
    private static boolean isDotAtom(String text) {
        return text.codePoints().allMatch(c -> c < 0x80
                ? ATEXT_ASCII.indexOf(c) >= 0 || Character.isLetterOrDigit(c)
                : !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && !Character.isWhitespace(c));
    }

    /**
     * The key of this mailbox's own settings ({@code USER#<key>}): the local part with its ASCII
     * letters in lower case, every other character exactly as given, then {@code @} and the
     * canonical domain. So {@code Carol@Example.com} and {@code carol@example.com} are one mailbox,
     * while {@code \u212Aim} (Kelvin sign) is not {@code kim}, nor {@code ß} {@code ss}: mail servers
     * commonly ignore the case of ASCII letters, and no further folding is safe to assume.
     */
    public String key() {
        return foldLocalPart(localPart) + "@" + domain;
    }

    /**
     * The key of a stored mailbox address ({@code local@domain} as written after {@code USER#}) by
     * the rule of {@link #key()}, or empty when it is not an address.
     */
    public static Optional<String> keyOf(String stored) {
        int at = stored.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        return DomainNames.normalize(stored.substring(at + 1)).map(domain -> foldLocalPart(stored.substring(0, at)) + "@" + domain);
    }

    private static String foldLocalPart(String localPart) {
        StringBuilder folded = new StringBuilder(localPart.length());
        for (int i = 0; i < localPart.length(); i++) {
            char c = localPart.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }

    /** Why a string is not a usable email address; the message is safe to show a client. */
    public static final class InvalidAddressException extends Exception {
        public InvalidAddressException(String message) {
            super(message, null, false, false);
        }
    }
}
