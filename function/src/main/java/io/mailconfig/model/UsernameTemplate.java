package io.mailconfig.model;

import java.util.List;

/**
 * The placeholders of Mozilla Autoconfig, understood by every protocol. Autoconfig passes them to
 * the client unchanged; Autodiscover and Apple profiles receive them expanded for one address.
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

    private UsernameTemplate() {
    }

    public static String expand(String template, EmailAddress address) {
        StringBuilder out = new StringBuilder(template.length() + address.toString().length());
        int i = 0;
        while (i < template.length()) {
            String placeholder = template.charAt(i) == '%' ? placeholderAt(template, i) : null;
            if (placeholder == null) {
                out.append(template.charAt(i));
                i++;
            } else {
                out.append(valueOf(placeholder, address));
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
}
