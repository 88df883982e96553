package io.mailconfig.protocol.setup;

import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every server of the address's provider, to type in by hand: each incoming server a person may
 * choose (IMAP and POP3, a later one of the same kind marked as a backup), each outgoing server,
 * CalDAV and CardDAV, each with the method and login name every protocol gives
 * (docs/client-settings.md). The terms are the ones mail programs show; the values to copy are
 * {@code <code>} that one tap selects whole.
 */
final class SettingsHtml {

    static final String ID = "settings";

    private SettingsHtml() {
    }

    static String section(Texts texts, DomainConfig config, EmailAddress address) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<section id=\"").append(ID).append("\" aria-labelledby=\"settings-heading\">\n")
                .append("<h2 id=\"settings-heading\">").append(texts.html("settings.heading")).append("</h2>\n")
                .append("<p>").append(texts.html("settings.password")).append("</p>\n");
        List<MailServer> incoming = config.provider().incomingServers();
        html.append("<h3>").append(texts.html("settings.incoming")).append("</h3>\n");
        if (incoming.stream().map(MailServer::type).distinct().count() > 1) {
            html.append("<p class=\"note\">").append(texts.html("settings.imapOrPop")).append("</p>\n");
        }
        servers(html, texts, config, address, incoming);
        html.append("<h3>").append(texts.html("settings.outgoing")).append("</h3>\n");
        servers(html, texts, config, address, config.provider().outgoingServers());
        config.provider().davServer(DavType.CALDAV).ifPresent(dav -> dav(html, texts, "caldav", "settings.caldav", config, address, dav));
        config.provider().davServer(DavType.CARDDAV).ifPresent(dav -> dav(html, texts, "carddav", "settings.carddav", config, address, dav));
        return html.append("</section>\n").toString();
    }

    /** The servers in priority order; the second and later of one kind are backups, and say so. */
    private static void servers(StringBuilder html, Texts texts, DomainConfig config, EmailAddress address,
            List<MailServer> servers) {
        Map<ServerType, Integer> seen = new EnumMap<>(ServerType.class);
        for (MailServer server : servers) {
            int before = seen.merge(server.type(), 1, Integer::sum) - 1;
            String id = listId(server.type(), before);
            html.append("<h4>").append(server.type().name());
            if (before > 0) {
                html.append(" – ").append(texts.html("settings.backup"));
            }
            html.append("</h4>\n");
            if (before > 0) {
                html.append("<p class=\"note\">").append(texts.html("settings.backupNote")).append("</p>\n");
            }
            html.append("<dl id=\"").append(id).append("\">\n");
            copyable(html, texts.html("settings.server"), server.hostname());
            copyable(html, texts.html("settings.port"), Integer.toString(server.port()));
            entry(html, texts.html("settings.security"), server.socketType() == SocketType.SSL ? "SSL/TLS" : "STARTTLS");
            entry(html, texts.html("settings.authentication"), authentication(texts, server.method(Authentication.ALL).orElseThrow()));
            copyable(html, texts.html("settings.username"), config.loginName(server, address));
            html.append("</dl>\n");
        }
    }

    private static void dav(StringBuilder html, Texts texts, String id, String title, DomainConfig config,
            EmailAddress address, DavServer dav) {
        html.append("<h3>").append(texts.html(title)).append("</h3>\n<dl id=\"").append(id).append("\">\n");
        copyable(html, texts.html("settings.url"), config.davUrl(dav, address).toString());
        copyable(html, texts.html("settings.username"), config.loginName(dav, address));
        html.append("</dl>\n");
    }

    /** A value a person copies into a form: one tap selects all of it. */
    private static void copyable(StringBuilder html, String term, String value) {
        html.append("<dt>").append(term).append("</dt><dd><code>").append(Html.escape(value)).append("</code></dd>\n");
    }

    /** A value a person picks from a list in the mail program; {@code value} is already HTML. */
    private static void entry(StringBuilder html, String term, String value) {
        html.append("<dt>").append(term).append("</dt><dd>").append(value).append("</dd>\n");
    }

    /** As Thunderbird and Thunderbird for Android name the methods in their own settings. */
    private static String authentication(Texts texts, Authentication method) {
        return switch (method) {
            case PASSWORD_CLEARTEXT -> texts.html("settings.auth.password");
            case PASSWORD_ENCRYPTED -> texts.html("settings.auth.encrypted");
            case OAUTH2 -> "OAuth2";
            case TLS_CLIENT_CERT -> texts.html("settings.auth.certificate");
            case NTLM -> "NTLM";
            case GSSAPI -> "Kerberos / GSSAPI";
            case NONE, CLIENT_IP_ADDRESS -> texts.html("settings.auth.none");
        };
    }

    /** The id of a server's list: {@code imap}, then {@code imap-backup}, {@code imap-backup-2}, ... */
    static String listId(ServerType type, int backupsBefore) {
        return type.id() + (backupsBefore == 0 ? "" : "-backup" + (backupsBefore == 1 ? "" : "-" + backupsBefore));
    }
}
