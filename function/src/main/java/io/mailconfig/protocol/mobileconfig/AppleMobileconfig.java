package io.mailconfig.protocol.mobileconfig;

import io.mailconfig.http.CacheControl;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UserSettings;
import io.mailconfig.protocol.Lookup;
import io.mailconfig.xml.XmlWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Apple configuration profiles (iPhone, iPad, Mac): {@code GET /mobileconfig?emailaddress=...&name=...}.
 *
 * <p>Apple devices look nothing up: a person downloads the profile in Safari and installs it. The
 * profile is signed when a signing certificate is configured, so the device shows "Verified".
 * Errors are a status code and one line of plain text.
 */
public final class AppleMobileconfig implements ProfileDownloads {

    public static final String PROTOCOL = "mobileconfig";
    public static final String PATH = "/mobileconfig";
    static final String CONTENT_TYPE = "application/x-apple-aspen-config";
    /** Longer names are cut: a display name, not a document. */
    private static final int MAX_NAME_LENGTH = 128;

    private final Lookup lookup;
    private final Optional<ProfileSigner> signer;

    public AppleMobileconfig(Lookup lookup, Optional<ProfileSigner> signer) {
        this.lookup = lookup;
        this.signer = signer;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle), Route.get(PROTOCOL, PATH + "/", this::handle));
    }

    @Override
    public Optional<ProfileDownload> download(DomainConfig config, EmailAddress address, Optional<String> requestedName) {
        return AppleMailAccount.choose(config.provider()).map(account -> new ProfileDownload(
                link(address, personName(requestedName, config, address)), account.incoming(), account.outgoing()));
    }

    Response handle(Request request) {
        Optional<String> parameter = request.queryParameter("emailaddress").filter(value -> !value.isBlank());
        if (parameter.isEmpty()) {
            return Response.text(Outcome.BAD_REQUEST, 400, "missing emailaddress parameter");
        }
        return Lookup.inPlainText(lookup.address(parameter.get()),
                found -> profile(found.config(), found.address().orElseThrow(), request.queryParameter("name")));
    }

    private Response profile(DomainConfig config, EmailAddress address, Optional<String> requestedName) {
        Optional<AppleMailAccount> account = AppleMailAccount.choose(config.provider());
        if (account.isEmpty()) {
            return Response.text(Outcome.UNKNOWN_DOMAIN, 404, "no mail server of this domain can be set up on an Apple device");
        }
        byte[] profile = MobileconfigProfile.render(config, address, account.get(), personName(requestedName, config, address));
        byte[] body = signer.map(s -> s.sign(profile)).orElse(profile);
        return Response.of(Outcome.FOUND, 200, CONTENT_TYPE, body)
                .withHeader("Content-Disposition", "attachment; filename=\"" + fileName(address) + "\"")
                .withHeader("Cache-Control", CacheControl.NO_STORE);
    }

    /** The link a person follows to download the profile, relative to the host. */
    static String link(EmailAddress address, Optional<String> personName) {
        return PATH + "?emailaddress=" + URLEncoder.encode(address.toString(), StandardCharsets.UTF_8)
                + personName.map(name -> "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).orElse("");
    }

    /** The requested name, cleaned, else the mailbox's own display name, else none. */
    static Optional<String> personName(Optional<String> requested, DomainConfig config, EmailAddress address) {
        return requested.map(AppleMobileconfig::cleanName).filter(name -> !name.isEmpty())
                .or(() -> config.user(address).flatMap(UserSettings::displayName));
    }

    private static String cleanName(String name) {
        String kept = XmlWriter.clean(name).replaceAll("\\p{Cntrl}", " ").strip();
        return kept.codePointCount(0, kept.length()) <= MAX_NAME_LENGTH
                ? kept : kept.substring(0, kept.offsetByCodePoints(0, MAX_NAME_LENGTH)).strip();
    }

    /** ASCII letters, digits, dot, dash and underscore only: safe in any file system and header. */
    static String fileName(EmailAddress address) {
        String local = address.localPart().replaceAll("[^A-Za-z0-9._-]", "_");
        return (local + "-" + address.domain()).replaceAll("[^A-Za-z0-9._-]", "_") + ".mobileconfig";
    }
}
