package io.mailconfig.protocol.autoconfig;

import io.mailconfig.xml.XmlWriter;
import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.ProviderConfig;
import java.util.Optional;

/**
 * Renders config-v1.1.xml as Thunderbird's readFromXML and K-9's autoconfig parser read it:
 * an emailProvider whose id is a host name, the one domain asked about, servers in priority order
 * with the method every protocol names first, login names left for the client to complete with
 * the local part (unless the mailbox has a login name of its own), then the address book and
 * calendar in the form of the Thunderbird wiki, their URLs completed the same way.
 */
final class AutoconfigXml {

    private AutoconfigXml() {
    }

    /**
     * @param address the address asked about, or empty when the client sent none (the answer then
     *                holds only templates)
     */
    static byte[] render(DomainConfig config, Optional<EmailAddress> address) {
        ProviderConfig provider = config.provider();
        XmlWriter xml = new XmlWriter();
        xml.start("clientConfig", "version", "1.1");
        xml.start("emailProvider", "id", config.domain().name());
        // Only the domain asked about: the answer must not grow with the provider, nor list its customers.
        xml.element("domain", config.domain().name());
        xml.element("displayName", provider.provider().name());
        xml.element("displayShortName", provider.provider().shortName());
        for (MailServer server : provider.incomingServers()) {
            server(xml, "incomingServer", server, config, address);
        }
        for (MailServer server : provider.outgoingServers()) {
            server(xml, "outgoingServer", server, config, address);
        }
        provider.provider().documentationUrl().ifPresent(url -> {
            xml.start("documentation", "url", url.toString());
            xml.element("descr", "Setup instructions from " + provider.provider().name(), "lang", "en");
            xml.end();
        });
        xml.end();
        provider.davServer(DavType.CARDDAV).ifPresent(dav -> dav(xml, "addressBook", dav, config, address));
        provider.davServer(DavType.CALDAV).ifPresent(dav -> dav(xml, "calendar", dav, config, address));
        return xml.toBytes();
    }

    private static void server(XmlWriter xml, String element, MailServer server, DomainConfig config,
            Optional<EmailAddress> address) {
        xml.start(element, "type", server.type().id());
        xml.element("hostname", server.hostname());
        xml.element("port", Integer.toString(server.port()));
        xml.element("socketType", server.socketType().name());
        for (Authentication method : server.methodsInOrder()) {
            xml.element("authentication", method.id());
        }
        xml.element("username", config.loginTemplate(server.username(), address));
        xml.end();
    }

    private static void dav(XmlWriter xml, String element, DavServer dav, DomainConfig config,
            Optional<EmailAddress> address) {
        xml.start(element, "type", dav.type().id());
        xml.element("username", config.loginTemplate(dav.username(), address));
        xml.element("authentication", "http-basic");
        xml.element("serverURL", config.autoconfigTemplate(dav.url(), address));
        xml.end();
    }
}
