package io.mailconfig.protocol.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The texts files: every language says everything English says, with the same placeholders. */
class TextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private static Properties file(Language language) throws Exception {
        Properties properties = new Properties();
        try (var in = Texts.class.getResourceAsStream("texts_" + language.tag() + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasEveryTextWithTheSamePlaceholdersAndClosedLabels(Language language) throws Exception {
        Properties english = file(Language.EN);
        Properties texts = file(language);

        assertThat(texts.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String text = texts.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            assertThat(placeholders(text)).as(key).isEqualTo(placeholders(english.getProperty(key)));
            assertThat(text.chars().filter(c -> c == '*').count() % 2).as("labels closed in %s", key).isZero();
        }
    }

    @Test
    void labelsBecomeStrongAndValuesAreEscapedWhenFilledIn() {
        Texts english = Texts.of(Language.EN);

        assertThat(english.html("settings.for", "address", "<a>*b*@example.com"))
                .isEqualTo("Settings for <strong>&lt;a&gt;*b*@example.com</strong>");
        assertThat(english.plain("guide.thunderbird.1")).isEqualTo("Open the ≡ menu › New Account › Email.");
        assertThat(english.html("guide.thunderbird.1"))
                .isEqualTo("Open the ≡ menu › <strong>New Account</strong> › <strong>Email</strong>.");
        assertThat(english.html("page.title.provider", "provider", "{provider}")).isEqualTo("Set up your email with {provider}");
        assertThat(english.numbered("guide.windows-mail")).hasSize(2);
    }
}
