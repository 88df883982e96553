package io.mailconfig.cli.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.cli.doctor.Certificates.Trust;
import io.mailconfig.cli.doctor.WebClient.Answer;
import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.model.MtaStsPolicy;
import io.mailconfig.protocol.mtasts.MtaSts;
import io.mailconfig.protocol.pacc.Pacc;
import io.mailconfig.protocol.pacc.PaccRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.core5.http.ContentType;

/**
 * Every answer a client asks for, asked as that client asks and read the way its strictest reader
 * reads it: Autoconfig with and without the address on both paths, Autodiscover POX by POST and by
 * GET, both forms of autodiscover.json, the Apple profile and the setup page; where the domain
 * publishes them, the PACC document against its digest in DNS and the MTA-STS policy against the
 * domain's MX hosts. What each protocol would set up is kept for {@link Consistency}.
 */
final class AnswerChecks {

    static final String AUTOCONFIG = "autoconfig";
    static final String AUTODISCOVER = "autodiscover";
    static final String PROFILE = "profile";
    static final String SETUP = "setup";
    static final String PACC = "pacc";
    static final String MTA_STS = "mta-sts";

    /** The label of the answer every other is compared with: what Thunderbird sets up. */
    static final String REFERENCE = "Autoconfig (Thunderbird)";
    static final String WELL_KNOWN = "Autoconfig on the well-known path";
    static final String WITHOUT_ADDRESS = "Autoconfig without address (Thunderbird for Android)";
    static final String POX = "Autodiscover POX (Outlook)";
    static final String POX_GET = "Autodiscover POX by GET";
    static final String APPLE = "Apple profile";

    private static final String AUTOCONFIG_PATH = "/mail/config-v1.1.xml";
    private static final String WELL_KNOWN_PATH = "/.well-known/autoconfig/mail/config-v1.1.xml";
    private static final String POX_PATH = "/autodiscover/autodiscover.xml";
    private static final String JSON_PATH = "/autodiscover/autodiscover.json";
    private static final Set<String> XML_TYPES = Set.of("application/xml", "text/xml");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param settings what each protocol sets up, by label, in the order asked */
    record Result(List<Finding> findings, Map<String, List<ClientSetting>> settings) {
    }

    private final WebClient web;
    private final DnsClient dns;
    private final Target target;
    private final Deadline deadline;
    private final Trust trust;
    private final Set<String> refusedHosts;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<ClientSetting>> settings = Collections.synchronizedMap(new LinkedHashMap<>());

    /** @param refusedHosts hosts whose TLS a client refuses: nothing is asked there */
    AnswerChecks(WebClient web, DnsClient dns, Target target, Deadline deadline, Trust trust, Set<String> refusedHosts) {
        this.web = web;
        this.dns = dns;
        this.target = target;
        this.deadline = deadline;
        this.trust = trust;
        this.refusedHosts = refusedHosts;
    }

    Result run() {
        String address = target.address().toString();
        String query = "?emailaddress=" + encode(address);
        String autoconfig = target.autoconfigHost();
        String autodiscover = target.autodiscoverHost();
        if (usable(AUTOCONFIG, autoconfig)) {
            autoconfig(REFERENCE, autoconfig, AUTOCONFIG_PATH + query);
            autoconfig(WELL_KNOWN, autoconfig, WELL_KNOWN_PATH + query);
            autoconfig(WITHOUT_ADDRESS, autoconfig, AUTOCONFIG_PATH);
            autoconfig(WITHOUT_ADDRESS + ", well-known path", autoconfig, WELL_KNOWN_PATH);
        }
        if (usable(AUTODISCOVER, autodiscover)) {
            pox(POX, autodiscover, true);
            pox(POX_GET, autodiscover, false);
            // Outlook asks autodiscover.json only on the domain's own hosts; through the shared hosts it comes by SRV and POX.
            if (!target.shared()) {
                json(autodiscover, JSON_PATH + "?Email=" + encode(address) + "&Protocol=AutodiscoverV1");
                json(autodiscover, JSON_PATH + "/v1.0/" + encode(address) + "?Protocol=AutodiscoverV1");
            }
        }
        if (usable(PROFILE, autoconfig)) {
            profile(autoconfig, "/mobileconfig" + query);
            setup(autoconfig, "/");
            setup(autoconfig, "/" + query);
        }
        String paccHost = Pacc.HOST_PREFIX + target.domain();
        if (target.tableRecords().contains(TableRecords.Kind.PACC) && usable(PACC, paccHost)) {
            pacc(paccHost);
        }
        String mtaStsHost = MtaSts.HOST_PREFIX + target.domain();
        if (target.tableRecords().contains(TableRecords.Kind.MTA_STS) && usable(MTA_STS, mtaStsHost)) {
            mtaSts(mtaStsHost);
        }
        synchronized (settings) {
            return new Result(List.copyOf(findings), Collections.unmodifiableMap(new LinkedHashMap<>(settings)));
        }
    }

    private boolean usable(String check, String host) {
        if (!refusedHosts.contains(host)) {
            return true;
        }
        findings.add(Finding.fail(check, "https://" + host, "not asked: clients refuse its TLS (see the tls lines)",
                "mend the certificate of " + host + " first"));
        return false;
    }

    private void autoconfig(String label, String host, String path) {
        String asked = label + ": GET https://" + host + path;
        findings.addAll(checked(AUTOCONFIG, asked, () -> {
            Answer answer = fetch(AUTOCONFIG, asked, () -> web.get(host, path), mediaType(XML_TYPES, ""));
            AutoconfigReader.Reading reading;
            try {
                reading = AutoconfigReader.read(answer.body(), target.address());
            } catch (IllegalArgumentException e) {
                return List.of(Finding.fail(AUTOCONFIG, asked, "both Thunderbirds refuse it: " + e.getMessage(), CODE_FIX));
            }
            List<Finding> found = new ArrayList<>();
            reading.androidRejection().ifPresent(reason -> found.add(Finding.fail(AUTOCONFIG, asked,
                    "Thunderbird for Android refuses the whole file: " + reason, fixFor(reason))));
            reading.thunderbirdRejection().ifPresent(reason -> found.add(Finding.fail(AUTOCONFIG, asked,
                    "Thunderbird refuses the file: " + reason, fixFor(reason))));
            if (!reading.plain().isEmpty()) {
                found.add(Finding.fail(AUTOCONFIG, asked, "socketType plain (the password would cross the network readable): "
                        + reading.plain(), "offer these servers with SSL or STARTTLS only"));
            }
            if (!reading.skipped().isEmpty()) {
                found.add(Finding.warn(AUTOCONFIG, asked, "Thunderbird leaves out " + reading.skipped(),
                        "give each server a host name, port, username, SSL or STARTTLS and a password authentication"));
            }
            if (found.isEmpty()) {
                found.add(Finding.pass(AUTOCONFIG, asked, "200, both Thunderbirds read it: " + summary(reading.servers())));
            }
            settings.put(label, reading.servers());
            return found;
        }));
    }

    private static final String CODE_FIX = "mailconfig never writes this: check that the host serves mailconfig (./dev cli dns) and no other server answers";

    private static String fixFor(String reason) {
        if (reason.contains("authentication")) {
            return "give the server item a method Thunderbird for Android can use: password-cleartext, password-encrypted or OAuth2";
        }
        if (reason.contains("it reads no other kind")) {
            return "Thunderbird for Android sets up IMAP and SMTP only: add an IMAP server (and an SMTP server) to the provider";
        }
        return CODE_FIX;
    }

    private void pox(String label, String host, boolean post) {
        String address = target.address().toString();
        String asked = label + ": " + (post ? "POST" : "GET") + " https://" + host + POX_PATH + (post ? "" : "?emailaddress=" + encode(address));
        findings.addAll(checked(AUTODISCOVER, asked, () -> {
            Answer answer = fetch(AUTODISCOVER, asked, post
                    ? () -> web.post(host, POX_PATH, ContentType.create("text/xml", StandardCharsets.UTF_8),
                            AutodiscoverReader.request(address).getBytes(StandardCharsets.UTF_8))
                    : () -> web.get(host, POX_PATH + "?emailaddress=" + encode(address)), mediaType(XML_TYPES, ""));
            AutodiscoverReader.Pox pox;
            try {
                pox = AutodiscoverReader.pox(answer.body(), address);
            } catch (IllegalArgumentException e) {
                return List.of(Finding.fail(AUTODISCOVER, asked, "Outlook cannot read it: " + e.getMessage(), CODE_FIX));
            }
            if (pox.error().isPresent()) {
                return List.of(Finding.fail(AUTODISCOVER, asked, "an Autodiscover error: " + pox.error().get(), TABLE_FIX));
            }
            if (pox.redirect().isPresent()) {
                return List.of(Finding.pass(AUTODISCOVER, asked, "redirectAddr to " + pox.redirect().get()
                        + " (an alias domain): clients ask again for that address"));
            }
            settings.put(label, pox.servers());
            List<Finding> found = new ArrayList<>();
            pox.warnings().forEach(warning -> found.add(Finding.warn(AUTODISCOVER, asked, warning,
                    "use the standard ports (993, 995 and 465 for SSL; 143, 110 and 587 for STARTTLS), which every client reads alike")));
            found.add(pox.servers().isEmpty()
                    ? Finding.fail(AUTODISCOVER, asked, "no IMAP, POP3 or SMTP Protocol", TABLE_FIX)
                    : Finding.pass(AUTODISCOVER, asked, "200: " + summary(pox.servers())));
            return found;
        }));
    }

    private void json(String host, String pathAndQuery) {
        String asked = "autodiscover.json: GET https://" + host + pathAndQuery;
        findings.addAll(checked(AUTODISCOVER, asked, () -> {
            Answer answer = fetch(AUTODISCOVER, asked, () -> web.get(host, pathAndQuery), mediaType(Set.of("application/json"), ""));
            AutodiscoverReader.Json json;
            try {
                json = AutodiscoverReader.json(answer.body());
            } catch (IllegalArgumentException e) {
                return List.of(Finding.fail(AUTODISCOVER, asked, "Outlook cannot read it: " + e.getMessage(), CODE_FIX));
            }
            if (json.error().isPresent()) {
                return List.of(Finding.fail(AUTODISCOVER, asked, "an error: " + json.error().get(), TABLE_FIX));
            }
            Optional<URI> url = json.url();
            boolean pointsHere = url.isPresent() && "https".equals(url.get().getScheme()) && host.equalsIgnoreCase(url.get().getHost())
                    && POX_PATH.equalsIgnoreCase(url.get().getPath());
            if (!json.protocol().filter("AutodiscoverV1"::equalsIgnoreCase).isPresent() || !pointsHere) {
                return List.of(Finding.fail(AUTODISCOVER, asked, "Protocol " + json.protocol().orElse("missing") + ", Url "
                                + url.map(URI::toString).orElse("missing") + ": Outlook follows it elsewhere than https://" + host + POX_PATH,
                        CODE_FIX));
            }
            return List.of(Finding.pass(AUTODISCOVER, asked, "200: AutodiscoverV1 at " + url.get()));
        }));
    }

    private void profile(String host, String pathAndQuery) {
        String asked = "GET https://" + host + pathAndQuery;
        findings.addAll(checked(PROFILE, asked, () -> {
            Answer answer = fetch(PROFILE, asked, () -> web.get(host, pathAndQuery), mediaType(Set.of("application/x-apple-aspen-config"),
                    " (Safari installs nothing else)"));
            ProfileReader.Profile profile = ProfileReader.read(answer.body(), target.address().toString());
            List<Finding> found = new ArrayList<>();
            String signing = "sign the profiles: signingSecretArn in infra/mailconfig.json (docs/apple-profiles.md)";
            if (profile.signatureProblem().isPresent()) {
                found.add(Finding.fail(PROFILE, asked + " signature", profile.signatureProblem().get() + ": devices refuse it", signing));
            } else if (profile.signature().isEmpty()) {
                found.add(Finding.warn(PROFILE, asked + " signature", "unsigned: devices show it in red as Unsigned", signing));
            } else {
                List<X509Certificate> chain = profile.signature().get();
                X509Certificate signer = chain.getFirst();
                found.add(TlsCheck.expiryFinding(PROFILE, asked + " signer", signer, Instant.now(),
                        "renew the signing certificate and update the secret: after it expires devices show the profile as Unverified"));
                Optional<String> problem = Certificates.chainProblem(chain, trust, Instant.now());
                found.add(problem.isEmpty()
                        ? Finding.pass(PROFILE, asked + " signature", "verifies, signed by " + signer.getSubjectX500Principal().getName()
                                + (trust == Trust.ANY_ROOT ? " (any root: --insecure-tls)" : ""))
                        : Finding.fail(PROFILE, asked + " signature", "the signer's chain does not verify: " + problem.get()
                                + "; devices show Not Verified", "include the intermediate certificates (\"chain\" in the secret)"));
            }
            if (!profile.problems().isEmpty()) {
                found.add(Finding.fail(PROFILE, asked, "devices refuse or mistrust it: " + String.join("; ", profile.problems()), CODE_FIX));
            } else if (profile.signatureProblem().isEmpty()) {
                settings.put(APPLE, profile.servers());
                found.add(Finding.pass(PROFILE, asked, "a well-formed profile: " + summary(profile.servers())));
            }
            return found;
        }));
    }

    private void setup(String host, String pathAndQuery) {
        String asked = "GET https://" + host + pathAndQuery;
        findings.addAll(checked(SETUP, asked, () -> {
            Answer answer = fetch(SETUP, asked, () -> web.get(host, pathAndQuery), mediaType(Set.of("text/html"), ""));
            String page = new String(answer.body(), StandardCharsets.UTF_8);
            if (!page.toLowerCase(Locale.ROOT).contains("<form")) {
                return List.of(Finding.fail(SETUP, asked, "200, but a page without the address form: " + answer.excerpt(), CODE_FIX));
            }
            return List.of(Finding.pass(SETUP, asked, "200, the setup page (" + answer.body().length + " bytes)"));
        }));
    }

    /** The document's digest must be in a {@code _ua-auto-config} TXT record, or PACC clients refuse it. */
    private void pacc(String host) {
        String asked = "PACC: GET https://" + host + Pacc.PATH;
        findings.addAll(checked(PACC, asked, () -> {
            Answer answer = fetch(PACC, asked, () -> web.get(host, Pacc.PATH), mediaType(Set.of("application/json"), ""));
            try {
                JSON.readTree(answer.body());
            } catch (IOException e) {
                return List.of(Finding.fail(PACC, asked, "PACC clients cannot read it: not JSON", CODE_FIX));
            }
            String digest = PaccRecord.txt(answer.body());
            String name = PaccRecord.name(target.domain());
            List<String> published;
            try {
                published = dns.texts(name);
            } catch (DnsClient.DnsException e) {
                return List.of(Finding.fail(PACC, asked, e.getMessage(), "check --resolver, or the domain's name servers"));
            }
            if (published.contains(digest)) {
                return List.of(Finding.pass(PACC, asked, "200, " + answer.body().length + " bytes whose digest is in TXT " + name
                        + ": PACC clients accept it"));
            }
            return List.of(Finding.fail(PACC, asked, "the digest of the " + answer.body().length + " bytes served (" + digest
                    + ") is in no TXT record of " + name + " (" + (published.isEmpty() ? "none" : String.join("; ", published))
                    + "): PACC clients refuse the document", recordFix()));
        }));
    }

    /** The policy as a sending server reads it, and the domain's MX hosts against its patterns. */
    private void mtaSts(String host) {
        String asked = "MTA-STS policy: GET https://" + host + MtaSts.PATH;
        findings.addAll(checked(MTA_STS, asked, () -> {
            Answer answer = fetch(MTA_STS, asked, () -> web.get(host, MtaSts.PATH),
                    mediaType(Set.of("text/plain"), " (RFC 8461: senders use nothing else)"));
            MtaStsPolicy policy;
            try {
                policy = PolicyFileReader.read(answer.body());
            } catch (IllegalArgumentException e) {
                return List.of(Finding.fail(MTA_STS, asked, "senders ignore it: " + e.getMessage(), CODE_FIX));
            }
            List<String> mx;
            try {
                mx = dns.mxHosts(target.domain());
            } catch (DnsClient.DnsException e) {
                return List.of(Finding.fail(MTA_STS, asked, e.getMessage(), "check --resolver, or the domain's name servers"));
            }
            String got = "mode " + policy.mode().id() + ", mx " + String.join(" ", policy.mx()) + ", max_age " + policy.maxAge();
            List<String> unmatched = policy.unmatched(mx);
            String fix = "give the provider's mtaStsMx a pattern for each MX host, or point the MX records at the hosts it names (docs/mta-sts.md)";
            if (policy.mode() == MtaStsPolicy.Mode.NONE) {
                return List.of(Finding.pass(MTA_STS, asked, got + ": senders forget the policy they kept"));
            }
            if (mx.isEmpty()) {
                return List.of(Finding.warn(MTA_STS, asked, got + ", but " + target.domain() + " has no MX record: no sender delivers to it",
                        "publish the domain's MX records"));
            }
            if (unmatched.isEmpty()) {
                return List.of(Finding.pass(MTA_STS, asked, got + ": every MX host matches (" + String.join(", ", mx) + ")"));
            }
            String hosts = (unmatched.size() == 1 ? "the MX host " : "the MX hosts ") + String.join(", ", unmatched)
                    + (unmatched.size() == 1 ? " matches" : " match") + " no mx pattern";
            return List.of(policy.mode() == MtaStsPolicy.Mode.ENFORCE
                    ? Finding.fail(MTA_STS, asked, got + ": " + hosts + ": senders refuse to deliver there", fix)
                    : Finding.warn(MTA_STS, asked, got + ": " + hosts + ": under mode enforce senders would refuse to deliver there "
                            + "(now they only report it)", fix));
        }));
    }

    private String recordFix() {
        return target.route53()
                ? "the DNS updater writes it as the table changes: read its log group in the MailconfigDnsUpdater stack"
                : "publish the TXT record ./dev cli dns prints, beside the old one until cached documents have expired (docs/pacc.md)";
    }

    private static final String TABLE_FIX = "add the domain's DOMAIN# item to its provider (./dev cli add-domain), then ./dev cli validate";

    /** What may be wrong with an answer beyond its status. */
    private interface Expectation {
        Optional<String> problem(Answer answer);
    }

    private interface Request {
        Answer send() throws IOException;
    }

    /** @param why appended to the problem, e.g. what a client does with another type */
    private static Expectation mediaType(Set<String> accepted, String why) {
        String expected = String.join(" or ", accepted.stream().sorted().toList());
        return answer -> accepted.contains(answer.mediaType()) ? Optional.empty()
                : Optional.of("Content-Type " + answer.contentType().orElse("none") + ", not " + expected + why);
    }

    /** A check that ends in one FAIL before its answer could be read. */
    private static final class Refused extends Exception {
        private final Finding finding;

        Refused(Finding finding) {
            super(finding.got(), null, false, false);
            this.finding = finding;
        }
    }

    private interface Check {
        List<Finding> run() throws Refused;
    }

    /** The check within the deadline; a refused answer is its one finding. */
    private List<Finding> checked(String check, String asked, Check work) {
        return deadline.run(check, asked, () -> {
            try {
                return work.run();
            } catch (Refused refused) {
                return List.of(refused.finding);
            }
        });
    }

    /** The answer when it is a 200 of the right type. */
    private Answer fetch(String check, String asked, Request request, Expectation expectation) throws Refused {
        Answer answer;
        try {
            answer = request.send();
        } catch (IOException e) {
            throw new Refused(Finding.fail(check, asked, "no answer: " + e, "check that the host resolves and serves HTTPS (see the dns and tls lines)"));
        }
        if (answer.status() != 200) {
            throw new Refused(Finding.fail(check, asked, "HTTP " + answer.status() + " " + answer.excerpt(), statusFix(answer.status(), asked)));
        }
        Optional<String> problem = expectation.problem(answer);
        if (problem.isPresent()) {
            throw new Refused(Finding.fail(check, asked, problem.get(), CODE_FIX));
        }
        return answer;
    }

    private String statusFix(int status, String asked) {
        return switch (status) {
            case 400 -> asked.contains("without address")
                    ? "the answer without an address comes from the Host header: make sure the host's requests reach mailconfig with it"
                    : "mailconfig refused the request: check --address";
            case 404 -> asked.contains("without address") && target.shared()
                    ? "put the shared domain " + target.hosts().domain() + " into the table, in the provider whose servers the customers use"
                    : TABLE_FIX;
            case 503 -> "the function cannot read the table: check the function's logs and the table";
            default -> "check the function's and the API's logs";
        };
    }

    static String summary(List<ClientSetting> servers) {
        return String.join("; ", servers.stream().map(ClientSetting::toString).toList());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
