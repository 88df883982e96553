package io.mailconfig.installation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Configurations as an administrator writes them, for the tests. */
public final class Configurations {

    public static final String ACCOUNT = "\"account\": \"123456789012\", \"region\": \"eu-central-1\"";
    public static final String ROUTE53_DOMAIN = "{\"name\": \"example.com\", \"hostedZoneId\": \"Z0123456789EXAMPLECOM\", \"hostedZoneName\": \"example.com\"}";

    private Configurations() {
    }

    public static Installation parse(String json) {
        try {
            return InstallationReader.parse(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The problems a configuration is refused with; fails when it is accepted. */
    public static List<String> problems(String json) {
        try {
            parse(json);
        } catch (InvalidInstallationException e) {
            return e.problems();
        }
        throw new AssertionError("the configuration was accepted: " + json);
    }

    /** {@code count} domains {@code customer<i>.example}, each written by {@code domain} from its name and index. */
    public static String domains(int count, DomainJson domain) {
        List<String> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(domain.json("customer" + i + ".example", i));
        }
        return String.join(",", all);
    }

    /** A domain with its own hosts in its own Route 53 zone. */
    public static String ownRoute53(String name, int i) {
        return "{\"name\": \"" + name + "\", \"hostedZoneId\": \"" + zoneId(i) + "\", \"hostedZoneName\": \"" + name + "\"}";
    }

    /** A Route 53 hosted zone id for the i-th customer. */
    public static String zoneId(int i) {
        return String.format("Z%019d", i);
    }

    @FunctionalInterface
    public interface DomainJson {
        String json(String name, int index);
    }
}
