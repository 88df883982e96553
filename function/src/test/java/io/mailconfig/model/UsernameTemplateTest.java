package io.mailconfig.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsernameTemplateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%EMAILADDRESS%                  | alice@example.com       | alice@example.com",
        "%EMAILLOCALPART%                | alice@example.com       | alice",
        "%EMAILDOMAIN%\\%EMAILLOCALPART% | alice@example.com       | example.com\\alice",
        "%EMAILADDRESS%                  | %EMAILDOMAIN%%EMAILDOMAIN%@example.com | %EMAILDOMAIN%%EMAILDOMAIN%@example.com",
        "%EMAILLOCALPART%                | %EMAILADDRESS%@example.com | %EMAILADDRESS%",
        "%EMAILLOCALPART%.%EMAILDOMAIN%  | %EMAILLOCALPART%@example.com | %EMAILLOCALPART%.example.com",
        "%EMAILDOMAIN                    | alice@example.com       | %EMAILDOMAIN",
        "100%%EMAILLOCALPART%            | alice@example.com       | 100%alice",
        "fixed-login                     | alice@example.com       | fixed-login",
    })
    void expandsEachPlaceholderOnceAndNeverInsideWhatItPutIn(String template, String address, String expanded) throws Exception {
        assertThat(UsernameTemplate.expand(template, EmailAddress.parse(address))).isEqualTo(expanded);
    }
}
