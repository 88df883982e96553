package io.mailconfig.protocol.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's words in one language, from {@code texts_<tag>.properties} beside this class (UTF-8).
 * A text may mark a client's own label as {@code *Add Account*} (shown strong) and hold
 * placeholders such as {@code {provider}}. Each text is escaped and its marks turned into markup
 * once, when the file is read; a placeholder's value is escaped when it is put in.
 */
final class Texts {

    private static final Pattern LABEL = Pattern.compile("\\*([^*]+)\\*");
    private static final Map<Language, Texts> ALL = load();

    private final Language language;
    /** Escaped HTML with the labels marked up and the placeholders left in. */
    private final Map<String, String> html;
    /** Escaped text without markup, for attributes and the title. */
    private final Map<String, String> plain;

    private Texts(Language language, Map<String, String> html, Map<String, String> plain) {
        this.language = language;
        this.html = html;
        this.plain = plain;
    }

    static Texts of(Language language) {
        return ALL.get(language);
    }

    Language language() {
        return language;
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(html.keySet()));
    }

    /** The text as HTML, its placeholders filled with the escaped values of {@code names} and values in turn. */
    String html(String key, String... namesAndValues) {
        return fill(key, template(html, key), namesAndValues);
    }

    /** The text as escaped plain text (labels unmarked), for an attribute value or the title. */
    String plain(String key, String... namesAndValues) {
        return fill(key, template(plain, key), namesAndValues);
    }

    /** {@code <prefix>.1}, {@code <prefix>.2}, ... as HTML, as many as the file has. */
    List<String> numbered(String prefix, String... namesAndValues) {
        List<String> items = new ArrayList<>();
        for (int n = 1; html.containsKey(prefix + "." + n); n++) {
            items.add(html(prefix + "." + n, namesAndValues));
        }
        return items;
    }

    private String template(Map<String, String> texts, String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("texts_" + language.tag() + ".properties has no " + key);
        }
        return text;
    }

    private static String fill(String key, String template, String... namesAndValues) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            out.append(template, from, open).append(Html.escape(value(key, name, namesAndValues)));
            from = close + 1;
            open = template.indexOf('{', from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private static String value(String key, String name, String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(name)) {
                return namesAndValues[i + 1];
            }
        }
        throw new IllegalStateException(key + " needs a value for {" + name + "}");
    }

    private static Map<Language, Texts> load() {
        Map<Language, Texts> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            String file = "texts_" + language.tag() + ".properties";
            try (InputStream in = Texts.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing beside " + Texts.class.getName());
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
            Map<String, String> html = new HashMap<>();
            Map<String, String> plain = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                String escaped = Html.escape(properties.getProperty(key).strip());
                Matcher label = LABEL.matcher(escaped);
                html.put(key, label.replaceAll("<strong>$1</strong>"));
                plain.put(key, LABEL.matcher(escaped).replaceAll("$1"));
            }
            all.put(language, new Texts(language, Map.copyOf(html), Map.copyOf(plain)));
        }
        return all;
    }
}
