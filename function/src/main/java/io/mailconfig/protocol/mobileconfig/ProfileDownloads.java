package io.mailconfig.protocol.mobileconfig;

import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import java.util.Optional;

/** What other pages may know of Apple profiles: whether an address gets one, what it installs and where it is downloaded. */
public interface ProfileDownloads {

    /**
     * @param link     the path and query of the download, relative to the host
     * @param incoming the incoming server the profile installs
     * @param outgoing the outgoing server the profile installs
     */
    record ProfileDownload(String link, MailServer incoming, MailServer outgoing) {
    }

    /**
     * The profile of an address, or empty when its provider has no server an Apple device can use.
     *
     * @param requestedName the person's name as a client sent it, not yet cleaned
     */
    Optional<ProfileDownload> download(DomainConfig config, EmailAddress address, Optional<String> requestedName);
}
