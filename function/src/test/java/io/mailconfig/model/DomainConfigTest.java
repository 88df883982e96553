package io.mailconfig.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainConfigTest {

    private static final MailServer IMAP = new MailServer(ServerType.IMAP, "imap.example.com", 993, SocketType.SSL,
            List.of(Authentication.PASSWORD_CLEARTEXT), UsernameTemplate.EMAIL_ADDRESS, 10);
    private static final DavServer DAV = new DavServer(DavType.CARDDAV, "https://dav.example.com/%EMAILADDRESS%/",
            UsernameTemplate.EMAIL_LOCALPART + "+" + UsernameTemplate.EMAIL_DOMAIN, 10);
    private static final Domain TARGET = Domain.named("example.com");
    private static final Domain ALIAS = new Domain("alias.example", Optional.of("example.com"), Optional.empty());
    private static final ProviderConfig PROVIDER = new ProviderConfig(new Provider("p", "P", "P", Optional.empty()),
            List.of(TARGET, ALIAS), List.of(IMAP), List.of(DAV), Map.of());

    @Test
    void anAliasAddressIsTheMailboxOfTheSameLocalPartInTheTargetDomain() {
        DomainConfig alias = DomainConfig.within(ALIAS, PROVIDER);
        EmailAddress bob = new EmailAddress("Bob", "alias.example");

        assertThat(alias.mailboxAddress(bob)).isEqualTo(new EmailAddress("Bob", "example.com"));
        assertThat(alias.loginName(IMAP, bob)).isEqualTo("Bob@example.com");
        assertThat(alias.loginName(DAV, bob)).isEqualTo("Bob+example.com");
        assertThat(alias.davUrl(DAV, bob).toString()).isEqualTo("https://dav.example.com/Bob@example.com/");
        assertThat(alias.loginTemplate(IMAP.username(), Optional.of(bob))).isEqualTo("%EMAILLOCALPART%@example.com");
    }

    @Test
    void theMailboxOwnSettingsOfAnAliasAddressAreThoseOfItsTargetAddress() {
        UserSettings carol = new UserSettings("carol@example.com", Optional.of("c.smith"), Optional.empty());
        DomainConfig alias = DomainConfig.within(ALIAS, PROVIDER).withMailbox(Optional.of(carol));

        assertThat(alias.loginName(IMAP, new EmailAddress("Carol", "alias.example"))).isEqualTo("c.smith");
        assertThat(alias.loginTemplate(IMAP.username(), Optional.of(new EmailAddress("Carol", "alias.example")))).isEqualTo("c.smith");
    }

    @Test
    void theTemplateAutoconfigHandsOnGivesWhatTheOtherProtocolsGiveOnceTheClientFillsInTheLocalPart() {
        DomainConfig config = DomainConfig.within(TARGET, PROVIDER);
        EmailAddress typed = new EmailAddress("MiXed.Case", "example.com");

        String template = config.loginTemplate(IMAP.username(), Optional.of(typed));

        assertThat(template).isEqualTo("%EMAILLOCALPART%@example.com");
        assertThat(template.replace(UsernameTemplate.EMAIL_LOCALPART, typed.localPart())).isEqualTo(config.loginName(IMAP, typed));
    }

    @Test
    void askedWithoutAnAddressTheTemplatesStayForTheClientToFillInUnlessTheDomainIsAnAlias() {
        DomainConfig shared = DomainConfig.within(TARGET, PROVIDER);
        DomainConfig alias = DomainConfig.within(ALIAS, PROVIDER);

        assertThat(shared.loginTemplate(IMAP.username(), Optional.empty())).isEqualTo("%EMAILADDRESS%");
        assertThat(shared.autoconfigTemplate(DAV.url(), Optional.empty())).isEqualTo("https://dav.example.com/%EMAILADDRESS%/");
        assertThat(alias.loginTemplate(IMAP.username(), Optional.empty())).isEqualTo("%EMAILLOCALPART%@example.com");
        assertThat(alias.autoconfigTemplate(DAV.url(), Optional.empty()))
                .isEqualTo("https://dav.example.com/%EMAILLOCALPART%@example.com/");
    }

    @Test
    void theMethodIsTheFirstEveryProtocolCanExpressElseTheFirstThisOneCan() {
        MailServer encryptedFirst = server(Authentication.PASSWORD_ENCRYPTED, Authentication.PASSWORD_CLEARTEXT);
        MailServer oauthOnly = server(Authentication.OAUTH2);
        MailServer ntlmThenOauth = server(Authentication.NTLM, Authentication.OAUTH2);

        assertThat(encryptedFirst.method(Authentication.ALL)).contains(Authentication.PASSWORD_CLEARTEXT);
        assertThat(encryptedFirst.methodsInOrder()).containsExactly(Authentication.PASSWORD_CLEARTEXT, Authentication.PASSWORD_ENCRYPTED);
        assertThat(oauthOnly.method(Set.of(Authentication.PASSWORD_CLEARTEXT))).isEmpty();
        assertThat(oauthOnly.method(Authentication.ALL)).contains(Authentication.OAUTH2);
        assertThat(ntlmThenOauth.method(Set.of(Authentication.NTLM, Authentication.PASSWORD_CLEARTEXT))).contains(Authentication.NTLM);
        assertThat(ntlmThenOauth.methodsInOrder()).containsExactly(Authentication.NTLM, Authentication.OAUTH2);
    }

    private static MailServer server(Authentication... methods) {
        return new MailServer(ServerType.SMTP, "smtp.example.com", 465, SocketType.SSL, List.of(methods), UsernameTemplate.EMAIL_ADDRESS, 10);
    }
}
