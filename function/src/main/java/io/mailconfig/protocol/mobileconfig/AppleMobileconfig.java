package io.mailconfig.protocol.mobileconfig;

import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Route;
import io.mailconfig.internal.XmlWriter;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.EmailAddress.InvalidAddressException;
import io.mailconfig.model.UserSettings;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
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
public final class AppleMobileconfig {

    public static final String PROTOCOL = "mobileconfig";
    public static final String PATH = "/mobileconfig";
    static final String CONTENT_TYPE = "application/x-apple-aspen-config";
    static final String RETRY_AFTER_SECONDS = "30";
    /** Longer names are cut: a display name, not a document. */
    private static final int MAX_NAME_LENGTH = 128;

    private final ConfigStore store;
    private final Optional<ProfileSigner> signer;

    public AppleMobileconfig(ConfigStore store, Optional<ProfileSigner> signer) {
        this.store = store;
        this.signer = signer;
    }

    public List<Route> routes() {
        return List.of(Route.get(PROTOCOL, PATH, this::handle), Route.get(PROTOCOL, PATH + "/", this::handle));
    }

    /** The link a person follows to download the profile, relative to the host. */
    public static String link(EmailAddress address, Optional<String> personName) {
        return PATH + "?emailaddress=" + URLEncoder.encode(address.toString(), StandardCharsets.UTF_8)
                + personName.map(name -> "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).orElse("");
    }

    Response handle(Request request) {
        Optional<String> parameter = request.queryParameter("emailaddress").filter(value -> !value.isBlank());
        if (parameter.isEmpty()) {
            return Response.text(400, "missing emailaddress parameter");
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(parameter.get());
        } catch (InvalidAddressException e) {
            return Response.text(400, e.getMessage());
        }
        Optional<DomainConfig> config;
        try {
            config = store.find(address.domain());
        } catch (StoreUnavailableException e) {
            return Response.text(503, "configuration temporarily unavailable").withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (config.isEmpty()) {
            return Response.text(404, "no configuration for this domain");
        }
        Optional<AppleMailAccount> account = AppleMailAccount.choose(config.get().provider());
        if (account.isEmpty()) {
            return Response.text(404, "no mail server of this domain can be set up on an Apple device");
        }
        byte[] profile = MobileconfigProfile.render(config.get(), address, account.get(),
                personName(request, config.get(), address));
        byte[] body = signer.map(s -> s.sign(profile)).orElse(profile);
        return Response.of(200, CONTENT_TYPE, body)
                .withHeader("Content-Disposition", "attachment; filename=\"" + fileName(address) + "\"")
                .withHeader("Cache-Control", "no-store");
    }

    /** The {@code name} parameter, else the mailbox's own display name, else none. */
    public static Optional<String> personName(Request request, DomainConfig config, EmailAddress address) {
        return request.queryParameter("name").map(AppleMobileconfig::cleanName).filter(name -> !name.isEmpty())
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
