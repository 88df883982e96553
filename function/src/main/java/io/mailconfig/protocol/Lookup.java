package io.mailconfig.protocol;

import io.mailconfig.http.Outcome;
import io.mailconfig.http.Response;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.EmailAddress.InvalidAddressException;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way every protocol finds a configuration: parse the address, ask the store, and name
 * what came of it. A protocol maps each {@link Result} to its own answer or error form, and
 * reports the result's {@link Result#outcome() outcome}.
 */
public final class Lookup {

    /** How long a client should wait before asking again when the table cannot be read, in every protocol. */
    public static final String RETRY_AFTER_SECONDS = "30";

    private final ConfigStore store;

    public Lookup(ConfigStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What a lookup found, or why it found nothing. */
    public sealed interface Result {
        Outcome outcome();
    }

    /** @param address the address asked about; empty when the client named only a domain */
    public record Found(DomainConfig config, Optional<EmailAddress> address) implements Result {
        @Override
        public Outcome outcome() {
            return Outcome.FOUND;
        }
    }

    /** The address is not one; {@code reason} is one line fit to show the client. */
    public record InvalidAddress(String reason) implements Result {
        @Override
        public Outcome outcome() {
            return Outcome.BAD_REQUEST;
        }
    }

    /** No provider serves the domain. */
    public record UnknownDomain(String domain) implements Result {
        @Override
        public Outcome outcome() {
            return Outcome.UNKNOWN_DOMAIN;
        }
    }

    /** The store cannot answer right now; the client may try again after {@link #RETRY_AFTER_SECONDS}. */
    public record Unavailable() implements Result {
        @Override
        public Outcome outcome() {
            return Outcome.UNAVAILABLE;
        }
    }

    /** The configuration for an address as a client typed it (null or blank: "missing email address"). */
    public Result address(String text) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(text);
        } catch (InvalidAddressException e) {
            return new InvalidAddress(e.getMessage());
        }
        return find(address.domain(), Optional.of(address));
    }

    /** The configuration for a canonical domain name, when the client named no address. */
    public Result domain(String domain) {
        return find(domain, Optional.empty());
    }

    /**
     * For an address, the mailbox's own item is read too, whether or not it has one: an address
     * with an item and one without cost the same reads and are cached alike. An address of an alias
     * domain reads the item of its mailbox in the target domain ({@link DomainConfig#mailboxAddress}).
     */
    private Result find(String domain, Optional<EmailAddress> address) {
        try {
            Optional<DomainConfig> config = store.find(domain);
            if (config.isEmpty()) {
                return new UnknownDomain(domain);
            }
            DomainConfig found = config.get();
            if (address.isPresent()) {
                found = found.withMailbox(store.mailbox(found, found.mailboxAddress(address.get())));
            }
            return new Found(found, address);
        } catch (StoreUnavailableException e) {
            return new Unavailable();
        }
    }

    /**
     * The answer of a protocol whose errors are one line of plain text (Autoconfig, the Apple
     * profile, PACC, MTA-STS): {@code found}'s for a configuration, else 400 with the reason, 404,
     * or 503 with {@code Retry-After}.
     */
    public static Response inPlainText(Result result, Function<Found, Response> found) {
        return switch (result) {
            case Found config -> found.apply(config);
            case InvalidAddress invalid -> Response.text(invalid.outcome(), 400, invalid.reason());
            case UnknownDomain unknown -> Response.text(unknown.outcome(), 404, "no configuration for this domain");
            case Unavailable unavailable -> Response.text(unavailable.outcome(), 503, "configuration temporarily unavailable")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS);
        };
    }
}
