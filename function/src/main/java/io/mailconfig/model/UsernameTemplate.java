package io.mailconfig.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The placeholders of Mozilla Autoconfig, understood by every protocol, in login names and in the
 * paths of DAV URLs. Autodiscover, Apple profiles and the setup page receive them expanded for one
 * address; Autoconfig passes {@code %EMAILLOCALPART%} to the client and writes the domain itself
 * ({@link #forDomain}).
 *
 * <p>Expansion is one pass over the template: each placeholder is replaced where it stands, and
 * what it is replaced with is never read again, so a local part such as
 * {@code %EMAILDOMAIN%%EMAILDOMAIN%} stays exactly what the client typed.
 */
public final class UsernameTemplate {

    public static final String EMAIL_ADDRESS = "%EMAILADDRESS%";
    public static final String EMAIL_LOCALPART = "%EMAILLOCALPART%";
    public static final String EMAIL_DOMAIN = "%EMAILDOMAIN%";
    private static final List<String> PLACEHOLDERS = List.of(EMAIL_ADDRESS, EMAIL_LOCALPART, EMAIL_DOMAIN);
    /** An address to check templates with: what a real address gives, checks accept too. */
    static final EmailAddress SAMPLE = new EmailAddress("mailbox", "example.com");
    /** The characters a URL path segment may hold as they are (RFC 3986 pchar without '%'). */
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@";

    private UsernameTemplate() {
    }

    public static String expand(String template, EmailAddress address) {
        return replace(template, placeholder -> valueOf(placeholder, address));
    }

    /** The template with each placeholder's value percent-encoded, so nothing of an address can leave the URL's path. */
    public static String expandInUrl(String template, EmailAddress address) {
        return replace(template, placeholder -> percentEncoded(valueOf(placeholder, address)));
    }

    /**
     * The template for a client that fills in the local part itself: the domain of the mailbox is
     * written out ({@code %EMAILADDRESS%} becomes {@code %EMAILLOCALPART%@example.com}), so every
     * client logs in with the canonical domain (or the alias target) whatever it was typed as.
     */
    public static String forDomain(String template, String domain) {
        return replace(template, placeholder -> switch (placeholder) {
            case EMAIL_ADDRESS -> EMAIL_LOCALPART + "@" + domain;
            case EMAIL_LOCALPART -> EMAIL_LOCALPART;
            default -> domain;
        });
    }

    public static boolean hasPlaceholder(String text) {
        return PLACEHOLDERS.stream().anyMatch(text::contains);
    }

    private static String replace(String template, UnaryOperator<String> value) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            String placeholder = template.charAt(i) == '%' ? placeholderAt(template, i) : null;
            if (placeholder == null) {
                out.append(template.charAt(i));
                i++;
            } else {
                out.append(value.apply(placeholder));
                i += placeholder.length();
            }
        }
        return out.toString();
    }

    private static String placeholderAt(String template, int index) {
        for (String placeholder : PLACEHOLDERS) {
            if (template.startsWith(placeholder, index)) {
                return placeholder;
            }
        }
        return null;
    }

    private static String valueOf(String placeholder, EmailAddress address) {
        return switch (placeholder) {
            case EMAIL_ADDRESS -> address.toString();
            case EMAIL_LOCALPART -> address.localPart();
            default -> address.domain();
        };
    }

    private static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PATH_SAFE.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
