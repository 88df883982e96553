package io.mailconfig.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.Protocols;
import io.mailconfig.http.Response;
import io.mailconfig.http.Router;
import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.Provider;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import io.mailconfig.model.UsernameTemplate;
import io.mailconfig.store.ConfigStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda takes the snapshot, replay sample API Gateway events through the
 * router against a sample provider held in memory, so the classes of every protocol are loaded and
 * their code has run (and been compiled) once; restored functions then answer without that work.
 *
 * <p>The events are the files listed in {@value #INDEX}, one name a line. Adding one is dropping a
 * file next to it and adding its name. Each must answer 200 for {@value #SAMPLE_DOMAIN}.
 */
public final class Priming implements Resource {

    static final String INDEX = "priming/index.txt";
    static final String SAMPLE_DOMAIN = "example.com";
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** The global context holds its resources weakly: this keeps the registered one reachable. */
    private static volatile Priming registered;

    private final Router router = Protocols.router(sampleStore());
    private final Runnable warmUp;

    /** @param warmUp runs once more before the snapshot, e.g. a real read to warm the SDK; failures are ignored */
    Priming(Runnable warmUp) {
        this.warmUp = warmUp;
    }

    /** Registers priming with the CRaC runtime; without SnapStart the hook simply never runs. */
    static void register(Runnable warmUp) {
        Priming priming = new Priming(warmUp);
        Core.getGlobalContext().register(priming);
        registered = priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Map<String, Integer> answers = run();
        LOG.info("primed {} events: {}", answers.size(), answers);
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            LOG.info("warm-up read failed, the snapshot is taken anyway: {}", e.toString());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the DynamoDB client reads credentials from the environment per request.
    }

    /** Replays every listed event and returns each file's status, in index order. */
    Map<String, Integer> run() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String name : eventNames()) {
            try (InputStream in = resource("priming/" + name)) {
                APIGatewayV2HTTPEvent event = json.readValue(in, APIGatewayV2HTTPEvent.class);
                Response response = router.route(ApiGatewayEvents.toRequest(event));
                ApiGatewayEvents.toEvent(response);
                answers.put(name, response.status());
            } catch (IOException e) {
                throw new UncheckedIOException("priming event " + name + " cannot be read", e);
            }
        }
        return answers;
    }

    static List<String> eventNames() {
        List<String> names = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource(INDEX), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(INDEX + " cannot be read", e);
        }
        return names;
    }

    private static InputStream resource(String path) {
        InputStream in = Priming.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the function jar");
        }
        return in;
    }

    /** A provider with every kind of server, so each renderer walks all of its branches. */
    static ConfigStore sampleStore() {
        List<Authentication> password = List.of(Authentication.PASSWORD_CLEARTEXT);
        ProviderConfig provider = new ProviderConfig(
                new Provider("sample", "Example Mail", "Example", Optional.of(URI.create("https://help.example.com/mail"))),
                List.of(Domain.named(SAMPLE_DOMAIN)),
                List.of(
                        new MailServer(ServerType.IMAP, "imap.example.com", 993, SocketType.SSL, password, UsernameTemplate.EMAIL_ADDRESS, 10),
                        new MailServer(ServerType.POP3, "pop.example.com", 995, SocketType.SSL, password, UsernameTemplate.EMAIL_ADDRESS, 20),
                        new MailServer(ServerType.SMTP, "smtp.example.com", 465, SocketType.SSL, password, UsernameTemplate.EMAIL_ADDRESS, 10),
                        new MailServer(ServerType.SMTP, "smtp.example.com", 587, SocketType.STARTTLS, password, UsernameTemplate.EMAIL_ADDRESS, 20)),
                List.of(new DavServer(DavType.CALDAV, URI.create("https://dav.example.com/caldav/"), UsernameTemplate.EMAIL_ADDRESS, 10),
                        new DavServer(DavType.CARDDAV, URI.create("https://dav.example.com/carddav/"), UsernameTemplate.EMAIL_ADDRESS, 10)),
                Map.of());
        DomainConfig sample = new DomainConfig(provider.domains().getFirst(), provider);
        return domain -> SAMPLE_DOMAIN.equals(domain) ? Optional.of(sample) : Optional.empty();
    }
}
