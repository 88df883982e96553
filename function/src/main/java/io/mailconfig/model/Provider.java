package io.mailconfig.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The organisation that runs the mail service.
 *
 * @param id               the key of the provider's partition ({@code PROVIDER#<id>})
 * @param name             the long display name, e.g. "Example Mail Hosting"
 * @param shortName        the short display name, e.g. "Example"
 * @param documentationUrl where people find setup instructions, if the provider has a page
 */
public record Provider(String id, String name, String shortName, Optional<URI> documentationUrl) {

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(documentationUrl, "documentationUrl");
    }
}
