package io.mailconfig.store;

import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UserSettings;
import java.util.Optional;

/** Where mail configuration lives. */
public interface ConfigStore {

    /**
     * The configuration for a domain, or empty when no provider serves it.
     *
     * @param domain a canonical domain name ({@link io.mailconfig.model.DomainNames#normalize})
     * @throws StoreUnavailableException when the store cannot answer right now
     */
    Optional<DomainConfig> find(String domain);

    /**
     * The settings of one mailbox of a domain {@link #find} returned ({@code USER#} item), or
     * empty for an address without its own. This default serves a store that holds its providers
     * whole in memory.
     *
     * @throws StoreUnavailableException when the store cannot answer right now
     */
    default Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
        return Optional.ofNullable(config.provider().users().get(address.key()));
    }
}
