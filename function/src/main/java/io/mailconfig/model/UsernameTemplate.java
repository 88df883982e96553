package io.mailconfig.model;

/**
 * The placeholders of Mozilla Autoconfig, understood by every protocol. Autoconfig passes them to
 * the client unchanged; Autodiscover and Apple profiles receive them expanded for one address.
 */
public final class UsernameTemplate {

    public static final String EMAIL_ADDRESS = "%EMAILADDRESS%";
    public static final String EMAIL_LOCALPART = "%EMAILLOCALPART%";
    public static final String EMAIL_DOMAIN = "%EMAILDOMAIN%";

    private UsernameTemplate() {
    }

    public static String expand(String template, EmailAddress address) {
        return template
                .replace(EMAIL_ADDRESS, address.toString())
                .replace(EMAIL_LOCALPART, address.localPart())
                .replace(EMAIL_DOMAIN, address.domain());
    }
}
