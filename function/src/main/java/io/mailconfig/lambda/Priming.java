package io.mailconfig.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.mailconfig.Mailconfig;
import io.mailconfig.http.Response;
import io.mailconfig.http.Router;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.sample.SampleProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda takes the snapshot, replay every sample request
 * ({@link SampleEvents}) through the router against the sample provider held in memory, so the
 * classes of every protocol are loaded and their code has run (and been compiled) once; restored
 * functions then answer without that work.
 */
public final class Priming implements Resource {

    /** A domain no provider serves: the warm-up read before the snapshot finds nothing and writes nothing. */
    static final String WARM_UP_DOMAIN = "priming.invalid";
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** The global context holds its resources weakly: this keeps the registered one reachable. */
    private static volatile Priming registered;

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

    /** Replays every sample event and returns each one's status, by name. */
    Map<String, Integer> run() {
        // Built here, not at registration: reading the sample provider must not cost init (no snapshot, no priming).
        Router router = Mailconfig.router(SampleProvider.store(), Optional.empty());
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String name : SampleEvents.names()) {
            APIGatewayV2HTTPEvent event = SampleEvents.load(name);
            Response response = router.route(ApiGatewayEvents.toRequest(event));
            ApiGatewayEvents.toEvent(response);
            answers.put(name, response.status());
        }
        return answers;
    }
}
