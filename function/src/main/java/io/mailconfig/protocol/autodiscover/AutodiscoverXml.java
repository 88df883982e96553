package io.mailconfig.protocol.autodiscover;

import io.mailconfig.xml.XmlWriter;
import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import io.mailconfig.model.UserSettings;
import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders POX Autodiscover answers: the Outlook schema (responseschema/2006a) as Outlook and
 * Thunderbird's Exchange reader read it, the MobileSync schema for ActiveSync clients, and the
 * protocol's error form.
 */
final class AutodiscoverXml {

    private static final DateTimeFormatter ERROR_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS", Locale.ROOT);

    private AutodiscoverXml() {
    }

    /**
     * What a Protocol entry can say of authentication: a password (SPA off: on means NTLM to
     * Outlook but a challenge-response password to Thunderbird) or none (AuthRequired off).
     */
    static final Set<Authentication> EXPRESSIBLE = Set.of(Authentication.PASSWORD_CLEARTEXT, Authentication.NONE,
            Authentication.CLIENT_IP_ADDRESS);

    /**
     * The settings of every server it can express, primary first, with login names filled in for
     * this address, then the provider's CalDAV and CardDAV servers as automx2 and eM Client have them.
     */
    static byte[] outlookSettings(DomainConfig config, EmailAddress address) {
        XmlWriter xml = outlookResponse();
        user(xml, config, address);
        xml.start("Account");
        xml.element("AccountType", "email");
        xml.element("Action", "settings");
        for (MailServer server : config.provider().incomingServers()) {
            protocol(xml, server, config, address);
        }
        for (MailServer server : config.provider().outgoingServers()) {
            protocol(xml, server, config, address);
        }
        config.provider().davServer(DavType.CALDAV).ifPresent(dav -> dav(xml, "CalDAV", dav, config, address));
        config.provider().davServer(DavType.CARDDAV).ifPresent(dav -> dav(xml, "CardDAV", dav, config, address));
        return xml.toBytes();
    }

    /** Tells the client to ask again for another address (the domain is an alias of another). */
    static byte[] outlookRedirect(EmailAddress target) {
        XmlWriter xml = outlookResponse();
        xml.start("Account");
        xml.element("AccountType", "email");
        xml.element("Action", "redirectAddr");
        xml.element("RedirectAddr", target.toString());
        return xml.toBytes();
    }

    static byte[] mobileSyncSettings(DomainConfig config, EmailAddress address, URI activeSyncUrl) {
        XmlWriter xml = mobileSyncResponse(config, address);
        xml.start("Action");
        xml.start("Settings");
        xml.start("Server");
        xml.element("Type", "MobileSync");
        xml.element("Url", activeSyncUrl.toString());
        xml.element("Name", activeSyncUrl.toString());
        return xml.toBytes();
    }

    static byte[] mobileSyncRedirect(DomainConfig config, EmailAddress address, EmailAddress target) {
        XmlWriter xml = mobileSyncResponse(config, address);
        xml.start("Action");
        xml.element("Redirect", target.toString());
        return xml.toBytes();
    }

    /**
     * The protocol's error form. {@code debugData} is a reason of our own, never raw request text;
     * it is escaped like everything else.
     */
    static byte[] error(AutodiscoverError error, String id, LocalTime time, String debugData) {
        XmlWriter xml = new XmlWriter();
        xml.startWithNamespace(ResponseSchema.AUTODISCOVER_NAMESPACE, "Autodiscover");
        xml.start("Response");
        xml.start("Error", "Time", ERROR_TIME.format(time), "Id", id);
        xml.element("ErrorCode", Integer.toString(error.code()));
        xml.element("Message", error.message());
        xml.element("DebugData", debugData);
        return xml.toBytes();
    }

    static LocalTime now() {
        return LocalTime.now(ZoneOffset.UTC);
    }

    private static XmlWriter outlookResponse() {
        XmlWriter xml = new XmlWriter();
        xml.startWithNamespace(ResponseSchema.AUTODISCOVER_NAMESPACE, "Autodiscover");
        xml.startWithNamespace(ResponseSchema.OUTLOOK.namespace(), "Response");
        return xml;
    }

    private static XmlWriter mobileSyncResponse(DomainConfig config, EmailAddress address) {
        XmlWriter xml = new XmlWriter();
        xml.startWithNamespace(ResponseSchema.AUTODISCOVER_NAMESPACE, "Autodiscover");
        xml.startWithNamespace(ResponseSchema.MOBILESYNC.namespace(), "Response");
        xml.element("Culture", "en:us");
        xml.start("User");
        displayName(config, address).ifPresent(name -> xml.element("DisplayName", name));
        xml.element("EMailAddress", address.toString());
        xml.end();
        return xml;
    }

    private static void user(XmlWriter xml, DomainConfig config, EmailAddress address) {
        xml.start("User");
        displayName(config, address).ifPresent(name -> xml.element("DisplayName", name));
        xml.element("AutoDiscoverSMTPAddress", address.toString());
        xml.end();
    }

    private static Optional<String> displayName(DomainConfig config, EmailAddress address) {
        return config.user(address).flatMap(UserSettings::displayName);
    }

    /**
     * SSL stays on for both kinds of TLS (Thunderbird reads SSL off as a plain connection);
     * Encryption, which overrides SSL, says which kind. SPA defaults to on and would make Outlook
     * try NTLM, so it is written off.
     */
    private static void protocol(XmlWriter xml, MailServer server, DomainConfig config, EmailAddress address) {
        Optional<Authentication> method = server.method(EXPRESSIBLE);
        if (method.isEmpty()) {
            return;
        }
        xml.start("Protocol");
        xml.element("Type", type(server.type()));
        xml.element("Server", server.hostname());
        xml.element("Port", Integer.toString(server.port()));
        xml.element("LoginName", config.loginName(server, address));
        xml.element("DomainRequired", "off");
        xml.element("SPA", "off");
        xml.element("SSL", "on");
        xml.element("Encryption", server.socketType() == SocketType.SSL ? "SSL" : "TLS");
        xml.element("AuthRequired", method.get() == Authentication.PASSWORD_CLEARTEXT ? "on" : "off");
        xml.element("TTL", Long.toString(MicrosoftAutodiscover.CLIENT_TTL.toHours()));
        xml.end();
    }

    /** A DAV server: Server is its URL for this address, as eM Client reads it. */
    private static void dav(XmlWriter xml, String type, DavServer dav, DomainConfig config, EmailAddress address) {
        xml.start("Protocol");
        xml.element("Type", type);
        xml.element("Server", config.davUrl(dav, address).toString());
        xml.element("Port", Integer.toString(dav.port()));
        xml.element("SSL", "on");
        xml.element("DomainRequired", "off");
        xml.element("LoginName", config.loginName(dav, address));
        xml.end();
    }

    private static String type(ServerType type) {
        return switch (type) {
            case IMAP -> "IMAP";
            case POP3 -> "POP3";
            case SMTP -> "SMTP";
        };
    }
}
