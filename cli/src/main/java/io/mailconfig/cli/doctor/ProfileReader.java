package io.mailconfig.cli.doctor;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import io.mailconfig.cli.doctor.ClientSetting.Security;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Reads an Apple configuration profile as a device does before it offers to install it: the CMS
 * signature when it is signed, then the property list with the keys and types of Apple's
 * device-management schema (apple/device-management, {@code mdm/profiles}: TopLevel,
 * com.apple.mail.managed, com.apple.caldav.account, com.apple.carddav.account).
 */
final class ProfileReader {

    private static final Set<String> ACCOUNT_TYPES = Set.of("EmailTypeIMAP", "EmailTypePOP");
    private static final Set<String> AUTHENTICATION = Set.of("EmailAuthNone", "EmailAuthPassword", "EmailAuthCRAMMD5",
            "EmailAuthNTLM", "EmailAuthHTTPMD5");
    private static final Set<String> PASSWORD_KEYS = Set.of("IncomingPassword", "OutgoingPassword", "CalDAVPassword", "CardDAVPassword");

    /**
     * @param signature       the signer and its chain when signed, leaf first
     * @param signatureProblem why a signature does not verify
     * @param problems        what keeps a device from installing it, or what it must not hold
     * @param servers         the incoming and the outgoing server it installs
     */
    record Profile(Optional<List<X509Certificate>> signature, Optional<String> signatureProblem, List<String> problems,
            List<ClientSetting> servers) {
    }

    private ProfileReader() {
    }

    static Profile read(byte[] body, String address) {
        Optional<List<X509Certificate>> signature = Optional.empty();
        Optional<String> signatureProblem = Optional.empty();
        byte[] plist = body;
        if (body.length > 0 && body[0] == 0x30) {
            try {
                CMSSignedData signed = new CMSSignedData(body);
                if (signed.getSignedContent() == null) {
                    return new Profile(Optional.empty(), Optional.of("the CMS signature carries no content"), List.of(), List.of());
                }
                plist = (byte[]) signed.getSignedContent().getContent();
                signature = Optional.of(List.of());
                List<SignerInformation> signers = new ArrayList<>(signed.getSignerInfos().getSigners());
                if (signers.size() != 1) {
                    signatureProblem = Optional.of(signers.size() + " signers instead of one");
                } else {
                    SignerInformation signer = signers.getFirst();
                    @SuppressWarnings("unchecked")
                    List<X509CertificateHolder> matching = new ArrayList<>(signed.getCertificates().getMatches(signer.getSID()));
                    if (matching.isEmpty()) {
                        signatureProblem = Optional.of("the signer's certificate is not included");
                    } else {
                        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                        X509Certificate signerCertificate = converter.getCertificate(matching.getFirst());
                        // By the key alone: the signer's dates are reported on their own, not as a broken signature.
                        if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate.getPublicKey()))) {
                            signatureProblem = Optional.of("the signature does not match the profile");
                        }
                        List<X509Certificate> chain = new ArrayList<>();
                        chain.add(signerCertificate);
                        @SuppressWarnings("unchecked")
                        List<X509CertificateHolder> all = new ArrayList<>(signed.getCertificates().getMatches(null));
                        for (X509CertificateHolder holder : all) {
                            X509Certificate certificate = converter.getCertificate(holder);
                            if (!chain.contains(certificate)) {
                                chain.add(certificate);
                            }
                        }
                        signature = Optional.of(List.copyOf(chain));
                    }
                }
            } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
                return new Profile(Optional.empty(), Optional.of("not a CMS signature a device can read: " + e.getMessage()), List.of(),
                        List.of());
            }
        }
        List<String> problems = new ArrayList<>();
        List<ClientSetting> servers = new ArrayList<>();
        NSObject parsed;
        try {
            parsed = PropertyListParser.parse(plist);
        } catch (Exception e) {
            // dd-plist reports every kind of malformed input with its own exception type.
            problems.add("not a property list: " + e.getMessage());
            return new Profile(signature, signatureProblem, problems, servers);
        }
        if (!(parsed instanceof NSDictionary top)) {
            problems.add("the property list is not a dictionary");
            return new Profile(signature, signatureProblem, problems, servers);
        }
        common(top, "the profile", problems);
        expect(top, "PayloadType", "Configuration", problems, "the profile");
        Optional<NSArray> content = typed(top, "PayloadContent", NSArray.class, problems, "the profile");
        for (NSObject item : content.map(NSArray::getArray).orElse(new NSObject[0])) {
            if (!(item instanceof NSDictionary payload)) {
                problems.add("PayloadContent holds a " + item.getClass().getSimpleName() + ", not a dictionary");
                continue;
            }
            String type = string(payload, "PayloadType").orElse("");
            common(payload, type, problems);
            PASSWORD_KEYS.stream().filter(payload::containsKey).forEach(key -> problems.add(type + " holds a password (" + key + ")"));
            switch (type) {
                case "com.apple.mail.managed" -> mail(payload, address, problems, servers);
                case "com.apple.caldav.account" -> dav(payload, "CalDAV", problems);
                case "com.apple.carddav.account" -> dav(payload, "CardDAV", problems);
                default -> { }
            }
        }
        if (servers.isEmpty() && problems.isEmpty()) {
            problems.add("no com.apple.mail.managed payload");
        }
        return new Profile(signature, signatureProblem, problems, servers);
    }

    private static void common(NSDictionary payload, String where, List<String> problems) {
        for (String key : List.of("PayloadIdentifier", "PayloadUUID", "PayloadType")) {
            typed(payload, key, NSString.class, problems, where);
        }
        typed(payload, "PayloadVersion", NSNumber.class, problems, where)
                .filter(number -> number.type() != NSNumber.INTEGER)
                .ifPresent(number -> problems.add(where + ": PayloadVersion is not an integer"));
    }

    private static void mail(NSDictionary payload, String address, List<String> problems, List<ClientSetting> servers) {
        String where = "com.apple.mail.managed";
        Optional<String> accountType = string(payload, "EmailAccountType");
        if (accountType.isEmpty() || !ACCOUNT_TYPES.contains(accountType.get())) {
            problems.add(where + ": EmailAccountType is " + accountType.map(t -> "\"" + t + "\"").orElse("missing")
                    + ", not EmailTypeIMAP or EmailTypePOP");
        }
        for (String direction : List.of("Incoming", "Outgoing")) {
            String prefix = direction + "MailServer";
            Optional<NSString> host = typed(payload, prefix + "HostName", NSString.class, problems, where);
            Optional<String> authentication = typed(payload, prefix + "Authentication", NSString.class, problems, where)
                    .map(NSString::getContent);
            if (authentication.isPresent() && !AUTHENTICATION.contains(authentication.get())) {
                problems.add(where + ": " + prefix + "Authentication \"" + authentication.get() + "\" is not one of " + AUTHENTICATION);
            }
            Optional<NSNumber> port = optional(payload, prefix + "PortNumber", NSNumber.class, problems, where);
            Optional<NSNumber> ssl = optional(payload, prefix + "UseSSL", NSNumber.class, problems, where);
            port.filter(n -> n.type() != NSNumber.INTEGER).ifPresent(n -> problems.add(where + ": " + prefix + "PortNumber is not an integer"));
            ssl.filter(n -> n.type() != NSNumber.BOOLEAN).ifPresent(n -> problems.add(where + ": " + prefix + "UseSSL is not a boolean"));
            Optional<String> username = optional(payload, prefix + "Username", NSString.class, problems, where).map(NSString::getContent);
            if (host.isPresent() && port.isPresent()) {
                String type = direction.equals("Outgoing") ? "smtp" : accountType.filter("EmailTypePOP"::equals).isPresent() ? "pop3" : "imap";
                // UseSSL false lets Mail try STARTTLS; a profile cannot insist on it.
                Security security = ssl.map(NSNumber::boolValue).orElse(false) ? Security.SSL : Security.STARTTLS;
                servers.add(new ClientSetting(type, host.get().getContent(), port.get().intValue(), security, username.orElse(address)));
            } else if (host.isPresent()) {
                problems.add(where + ": " + prefix + "PortNumber is missing: the device guesses the port");
            }
        }
    }

    private static void dav(NSDictionary payload, String prefix, List<String> problems) {
        String where = "com.apple." + prefix.toLowerCase(java.util.Locale.ROOT) + ".account";
        typed(payload, prefix + "HostName", NSString.class, problems, where);
        optional(payload, prefix + "Port", NSNumber.class, problems, where)
                .filter(n -> n.type() != NSNumber.INTEGER).ifPresent(n -> problems.add(where + ": " + prefix + "Port is not an integer"));
        optional(payload, prefix + "UseSSL", NSNumber.class, problems, where)
                .filter(n -> n.type() != NSNumber.BOOLEAN).ifPresent(n -> problems.add(where + ": " + prefix + "UseSSL is not a boolean"));
    }

    private static void expect(NSDictionary payload, String key, String value, List<String> problems, String where) {
        string(payload, key).filter(found -> !found.equals(value))
                .ifPresent(found -> problems.add(where + ": " + key + " is \"" + found + "\", not " + value));
    }

    private static Optional<String> string(NSDictionary payload, String key) {
        return payload.get(key) instanceof NSString text ? Optional.of(text.getContent()) : Optional.empty();
    }

    /** A required key of this type; a problem when it is missing or of another type. */
    private static <T extends NSObject> Optional<T> typed(NSDictionary payload, String key, Class<T> type, List<String> problems,
            String where) {
        if (!payload.containsKey(key)) {
            problems.add(where + ": " + key + " is missing");
            return Optional.empty();
        }
        return optional(payload, key, type, problems, where);
    }

    /** An optional key; a problem only when it is there with another type. */
    private static <T extends NSObject> Optional<T> optional(NSDictionary payload, String key, Class<T> type, List<String> problems,
            String where) {
        NSObject value = payload.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            problems.add(where + ": " + key + " is " + NAMES.getOrDefault(value.getClass(), value.getClass().getSimpleName())
                    + ", not " + NAMES.get(type));
            return Optional.empty();
        }
        return Optional.of(type.cast(value));
    }

    private static final Map<Class<?>, String> NAMES = Map.of(NSString.class, "a string", NSNumber.class, "a number",
            NSArray.class, "an array", NSDictionary.class, "a dictionary");
}
