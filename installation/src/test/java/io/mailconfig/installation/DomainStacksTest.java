package io.mailconfig.installation;

import static io.mailconfig.installation.Configurations.ACCOUNT;
import static io.mailconfig.installation.Configurations.domains;
import static io.mailconfig.installation.Configurations.parse;
import static io.mailconfig.installation.Configurations.problems;
import static io.mailconfig.installation.Configurations.zoneId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DomainStacksTest {

    private static final String PROVIDER = "\"sharedHosts\": {\"domain\": \"provider.example\", \"hostedZoneId\": \"Z0123456789PROVIDER\","
            + " \"hostedZoneName\": \"provider.example\"}";

    private static String route53Customers(int count) {
        return domains(count, (name, i) -> "{\"name\": \"" + name + "\", \"hostedZoneId\": \"" + zoneId(i) + "\", \"hostedZoneName\": \""
                + name + "\", \"srv\": {\"imaps\": \"imap.provider.example\", \"submissions\": \"smtp.provider.example\"}}");
    }

    @Test
    void aDomainsStackFollowsFromItsNameAloneSoAddingADomainMovesNoOther() {
        Installation before = parse("{" + ACCOUNT + ", " + PROVIDER + ", \"domainStacks\": 8, \"domains\": [" + route53Customers(300) + "]}");
        Installation after = parse("{" + ACCOUNT + ", " + PROVIDER + ", \"domainStacks\": 8, \"domains\": [{\"name\": \"new.example\","
                + " \"hostedZoneId\": \"Z0000000000000000NEW\", \"hostedZoneName\": \"new.example\"}, " + route53Customers(300) + "]}");

        for (MailDomain domain : before.domains()) {
            assertThat(after.stacks().of(domain.name()).index()).isEqualTo(before.stacks().of(domain.name()).index());
        }
        assertThat(after.stacks().of("new.example").route53Records()).extracting(DomainRecords::domain).contains("new.example");
    }

    @Test
    void doublingTheStacksMovesADomainOnlyFromStackIToStackIPlusN() {
        for (int i = 0; i < 2000; i++) {
            String domain = "customer" + i + ".example";
            for (int n = 1; n < DomainStacks.MAX_STACKS; n *= 2) {
                int before = DomainStacks.index(domain, n);
                assertThat(DomainStacks.index(domain, 2 * n)).isIn(before, before + n);
            }
        }
        assertThat(DomainStacks.parentOf(0)).isEmpty();
        assertThat(List.of(DomainStacks.parentOf(1), DomainStacks.parentOf(2), DomainStacks.parentOf(3), DomainStacks.parentOf(6),
                DomainStacks.parentOf(13))).containsExactly(OptionalInt.of(0), OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(2),
                OptionalInt.of(5));
    }

    @Test
    void aDomainsHostsAndItsRecordsShareAStackAndAreCounted() {
        Installation installation = parse("{" + ACCOUNT + ", \"edge\": {}, \"domainStacks\": 4, \"domains\": ["
                + domains(40, Configurations::ownRoute53) + ", {\"name\": \"example.org\", \"dns\": \"external\"}]}");

        DomainStacks stacks = installation.stacks();
        assertThat(stacks.all()).hasSize(4);
        for (DomainStacks.Stack stack : stacks.all()) {
            assertThat(stack.route53Records()).extracting(DomainRecords::domain)
                    .containsExactlyElementsOf(stack.hostPairs().stream().map(HostPair::domain).filter(d -> !d.equals("example.org")).toList());
            assertThat(stack.resources()).isEqualTo(stack.hostPairs().size() * 7 + stack.route53Records().size());
        }
        assertThat(stacks.all().stream().mapToInt(s -> s.hostPairs().size()).sum()).isEqualTo(41);
        assertThat(stacks.of("example.org").hostPairs()).extracting(HostPair::domain).contains("example.org");
    }

    @Test
    void tenThousandRoute53CustomerDomainsAskForEnoughStacksAndFitThem() {
        String customers = route53Customers(10_000);

        assertThat(problems("{" + ACCOUNT + ", " + PROVIDER + ", \"domains\": [" + customers + "]}")).containsExactly(
                "mailconfig.domainStacks: a stack of domains would hold 10006 resources, over the 490 mailconfig leaves room for"
                        + " (CloudFormation allows 500 per stack): set \"domainStacks\": 32 (now 1; doubling moves about half the domains"
                        + " to the new stacks, see docs/deploy.md)");
        Installation installation = parse("{" + ACCOUNT + ", " + PROVIDER + ", \"edge\": {}, \"domainStacks\": 32, \"domains\": [" + customers + "]}");
        assertThat(installation.stacks().all()).hasSize(32).allSatisfy(stack -> assertThat(stack.resources()).isBetween(250, 490));
        assertThat(installation.stacks().all().stream().mapToInt(DomainStacks.Stack::resources).sum()).isEqualTo(10_000 + 1 + 7);
    }
}
