package io.mailconfig.cli.dns;

import java.util.List;
import java.util.Optional;

/** What AWS named when the stacks were deployed: the targets of the hosts and the certificates' validation records. */
public interface DeployedNames {

    /** Nothing is known: no AWS access, or nothing deployed yet. */
    DeployedNames NONE = new DeployedNames() {
        @Override
        public Optional<String> endpoint(String host) {
            return Optional.empty();
        }

        @Override
        public List<ValidationRecord> validation(String host) {
            return List.of();
        }
    };

    /** A certificate validation record as ACM names it, e.g. {@code _a79865eb.autoconfig.example.org. CNAME _424c.acm-validations.aws.}. */
    record ValidationRecord(String name, String type, String value) {
    }

    /** The name that serves a host: its custom domain name's regional target, or its distribution with the edge. */
    Optional<String> endpoint(String host);

    /** The records that validate a host's certificates (the region's and, with the edge, us-east-1's); empty until ACM names them. */
    List<ValidationRecord> validation(String host);
}
