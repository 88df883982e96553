package io.mailconfig.store;

import io.mailconfig.model.DomainConfig;
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
}
