package io.mailconfig.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DavServerTest {

    private static DavServer dav(String url) {
        return new DavServer(DavType.CALDAV, url, UsernameTemplate.EMAIL_ADDRESS, 10);
    }

    @Test
    void placeholdersInThePathAreExpandedForTheAddressAndPercentEncoded() {
        DavServer dav = dav("https://dav.example.com:8443/%EMAILDOMAIN%/%EMAILLOCALPART%/cal/");

        assertThat(dav.hasPlaceholders()).isTrue();
        assertThat(dav.url(new EmailAddress("alice", "example.com")).toString()).isEqualTo("https://dav.example.com:8443/example.com/alice/cal/");
        assertThat(dav.url(new EmailAddress("a/b?c#d%e f", "example.com")).toString())
                .isEqualTo("https://dav.example.com:8443/example.com/a%2Fb%3Fc%23d%25e%20f/cal/");
        assertThat(dav.url(new EmailAddress("j\u00f6rg", "example.com")).getRawPath()).isEqualTo("/example.com/j%C3%B6rg/cal/");
        assertThat(dav.host()).isEqualTo("dav.example.com");
        assertThat(dav.port()).isEqualTo(8443);
    }

    @Test
    void aUrlWithoutPlaceholdersIsTheSameForEveryone() {
        DavServer dav = dav(" https://dav.example.com/caldav/ ");

        assertThat(dav.url()).isEqualTo("https://dav.example.com/caldav/");
        assertThat(dav.hasPlaceholders()).isFalse();
        assertThat(dav.url(new EmailAddress("x", "example.org")).toString()).isEqualTo("https://dav.example.com/caldav/");
        assertThat(dav.port()).isEqualTo(443);
    }

    @Test
    void placeholdersOutsideThePathAndUrlsThatAreNotHttpsAreRefused() {
        assertThatThrownBy(() -> dav("https://%EMAILDOMAIN%/dav/")).hasMessageContaining("only in the path");
        assertThatThrownBy(() -> dav("https://dav.example.com/dav/?user=%EMAILADDRESS%")).hasMessageContaining("only in the path");
        assertThatThrownBy(() -> dav("http://dav.example.com/%EMAILADDRESS%/")).hasMessageContaining("https");
        assertThatThrownBy(() -> dav("https://dav.example.com/%zz/")).hasMessageContaining("not a URL");
        assertThatThrownBy(() -> dav("https://user@dav.example.com/")).hasMessageContaining("https URL with a host");
    }
}
