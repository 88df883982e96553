package io.mailconfig.protocol.setup;

import java.util.Optional;

/**
 * What the person is holding, told by the browser's User-Agent: it decides what the first screen
 * of the page shows. Every device's steps are still on the page, so a wrong guess costs a scroll.
 */
enum Device {
    /** iPhone, iPad (one that sends a mobile User-Agent) and iPod touch: the profile installs everything. */
    APPLE_MOBILE,
    /** Android phones and tablets: apps that set themselves up from the address. */
    ANDROID,
    /** Everything else: a computer, where the QR code hands the profile to a phone. */
    COMPUTER;

    static Device of(Optional<String> userAgent) {
        String agent = userAgent.orElse("");
        if (agent.contains("iPhone") || agent.contains("iPad") || agent.contains("iPod")) {
            return APPLE_MOBILE;
        }
        if (agent.contains("Android")) {
            return ANDROID;
        }
        return COMPUTER;
    }
}
