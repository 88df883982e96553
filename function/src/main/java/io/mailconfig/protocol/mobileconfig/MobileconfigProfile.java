package io.mailconfig.protocol.mobileconfig;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import io.mailconfig.xml.XmlWriter;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.ServerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the configuration profile of one address: a Configuration payload holding a
 * com.apple.mail.managed payload and, when the provider has them, CalDAV and CardDAV payloads,
 * with the keys of Apple's device-management schema. No passwords: the device asks for one.
 */
final class MobileconfigProfile {

    private MobileconfigProfile() {
    }

    /** The profile as an XML property list; the caller has checked that {@code account} fits the provider. */
    static byte[] render(DomainConfig config, EmailAddress address, AppleMailAccount account, Optional<String> personName) {
        ProfileIdentifiers ids = ProfileIdentifiers.of(address);
        String organization = config.provider().provider().name();
        List<NSDictionary> payloads = new ArrayList<>();
        payloads.add(mail(config, address, account, personName, ids, organization));
        config.provider().davServer(DavType.CALDAV)
                .ifPresent(dav -> payloads.add(dav(config, address, dav, "CalDAV", "com.apple.caldav.account", ids, organization)));
        config.provider().davServer(DavType.CARDDAV)
                .ifPresent(dav -> payloads.add(dav(config, address, dav, "CardDAV", "com.apple.carddav.account", ids, organization)));

        NSDictionary profile = new NSDictionary();
        profile.put("PayloadContent", new NSArray(payloads.toArray(NSDictionary[]::new)));
        profile.put("PayloadDescription", text("Mail" + (payloads.size() > 1 ? ", calendar and contacts" : "")
                + " for " + address + " from " + organization + ". The device asks for the password."));
        profile.put("PayloadDisplayName", text(organization + ": " + address));
        profile.put("PayloadIdentifier", text(ids.profileIdentifier()));
        profile.put("PayloadOrganization", text(organization));
        profile.put("PayloadRemovalDisallowed", new NSNumber(false));
        profile.put("PayloadScope", text("User"));
        profile.put("PayloadType", text("Configuration"));
        profile.put("PayloadUUID", text(ids.profileUuid().toString().toUpperCase(Locale.ROOT)));
        profile.put("PayloadVersion", new NSNumber(1));
        return profile.toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    private static NSDictionary mail(DomainConfig config, EmailAddress address, AppleMailAccount account,
            Optional<String> personName, ProfileIdentifiers ids, String organization) {
        NSDictionary mail = payload("com.apple.mail.managed", "mail", organization + " mail", ids, organization);
        mail.put("EmailAccountDescription", text(organization + " (" + address + ")"));
        personName.ifPresent(name -> mail.put("EmailAccountName", text(name)));
        mail.put("EmailAccountType", text(account.incoming().type() == ServerType.IMAP ? "EmailTypeIMAP" : "EmailTypePOP"));
        mail.put("EmailAddress", text(address.toString()));
        server(mail, "Incoming", config, address, account.incoming(), account.incomingAuthentication());
        server(mail, "Outgoing", config, address, account.outgoing(), account.outgoingAuthentication());
        mail.put("OutgoingPasswordSameAsIncomingPassword", new NSNumber(true));
        return mail;
    }

    private static void server(NSDictionary mail, String direction, DomainConfig config, EmailAddress address,
            MailServer server, String authentication) {
        String prefix = direction + "MailServer";
        mail.put(prefix + "Authentication", text(authentication));
        mail.put(prefix + "HostName", text(server.hostname()));
        mail.put(prefix + "PortNumber", new NSNumber(server.port()));
        // True for STARTTLS too: Mail then insists on TLS, and never sends the password in the clear (docs/apple-profiles.md).
        mail.put(prefix + "UseSSL", new NSNumber(true));
        mail.put(prefix + "Username", text(config.loginName(server, address)));
    }

    private static NSDictionary dav(DomainConfig config, EmailAddress address, DavServer dav, String prefix,
            String type, ProfileIdentifiers ids, String organization) {
        String what = prefix.equals("CalDAV") ? "calendar" : "contacts";
        NSDictionary payload = payload(type, prefix.toLowerCase(Locale.ROOT), organization + " " + what, ids, organization);
        payload.put(prefix + "AccountDescription", text(organization + " " + what + " (" + address + ")"));
        payload.put(prefix + "HostName", text(dav.host()));
        payload.put(prefix + "Port", new NSNumber(dav.port()));
        payload.put(prefix + "PrincipalURL", text(config.davUrl(dav, address).toString()));
        payload.put(prefix + "UseSSL", new NSNumber(true));
        payload.put(prefix + "Username", text(config.loginName(dav, address)));
        return payload;
    }

    private static NSDictionary payload(String type, String kind, String displayName, ProfileIdentifiers ids,
            String organization) {
        NSDictionary payload = new NSDictionary();
        payload.put("PayloadDisplayName", text(displayName));
        payload.put("PayloadIdentifier", text(ids.payloadIdentifier(kind)));
        payload.put("PayloadOrganization", text(organization));
        payload.put("PayloadType", text(type));
        payload.put("PayloadUUID", text(ids.payloadUuid(kind).toString().toUpperCase(Locale.ROOT)));
        payload.put("PayloadVersion", new NSNumber(1));
        return payload;
    }

    /** A plist string without the characters XML cannot carry (a console edit may hold any). */
    private static NSString text(String value) {
        return new NSString(XmlWriter.clean(value));
    }
}
