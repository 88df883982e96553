package io.mailconfig.protocol.setup;

import io.mailconfig.model.DomainNames;

/**
 * Why a typed address is not one, as a key of the texts, so the page says it in the person's
 * language (the lookup's reason is one English line for the machine protocols).
 */
final class AddressProblems {

    private AddressProblems() {
    }

    /** The texts key for an address the lookup refused. */
    static String key(String typed) {
        int at = typed.indexOf('@');
        if (at < 0) {
            return "error.noAt";
        }
        if (typed.indexOf('@', at + 1) >= 0) {
            return "error.manyAt";
        }
        if (at == 0) {
            return "error.emptyLocal";
        }
        if (DomainNames.normalize(typed.substring(at + 1)).isEmpty()) {
            return "error.badDomain";
        }
        return "error.badLocal";
    }
}
