package io.mailconfig.protocol.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageAndDeviceTest {

    @Test
    void acceptLanguagePicksTheMostWantedLanguageThePageSpeaks() {
        assertThat(Language.preferred("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7")).contains(Language.DE);
        assertThat(Language.preferred("pt-BR, es;q=0.5, fr;q=0.6")).contains(Language.FR);
        assertThat(Language.preferred("en;q=0.5, ES")).contains(Language.ES);
        assertThat(Language.preferred("fr;q=0, de;q=0.1")).contains(Language.DE);
        assertThat(Language.preferred("*, ja")).isEmpty();
        assertThat(Language.preferred("de;q=abc, fr;q=2, es;q=0.2")).contains(Language.ES);
        assertThat(Language.preferred(";;,,;q=;")).isEmpty();
        assertThat(Language.preferred("ja,".repeat(5000) + "de")).as("only the first ranges are read").isEmpty();
        assertThat(Language.ofTag("FR-ca")).contains(Language.FR);
        assertThat(Language.ofTag("english")).isEmpty();
    }

    @Test
    void theUserAgentTellsAnIphoneAnAndroidPhoneAndAComputerApart() {
        assertThat(Device.of(Optional.of(SetupPageTest.IPHONE))).isEqualTo(Device.APPLE_MOBILE);
        assertThat(Device.of(Optional.of("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15"))).isEqualTo(Device.APPLE_MOBILE);
        assertThat(Device.of(Optional.of(SetupPageTest.ANDROID))).isEqualTo(Device.ANDROID);
        assertThat(Device.of(Optional.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15")))
                .isEqualTo(Device.COMPUTER);
        assertThat(Device.of(Optional.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36"))).isEqualTo(Device.COMPUTER);
        assertThat(Device.of(Optional.empty())).isEqualTo(Device.COMPUTER);
    }
}
