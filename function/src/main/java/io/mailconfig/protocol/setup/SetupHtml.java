package io.mailconfig.protocol.setup;

import io.mailconfig.model.Provider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The frame of every setup page: the head with its styles, the header in the provider's name and
 * look (logo, accent colour, help link), the language switch, and the address form. Every value
 * from the request or the table is escaped here or by {@link Texts}.
 */
final class SetupHtml {

    static final String FORM_ID = "address-form";

    private SetupHtml() {
    }

    /** The whole page around {@code main}, which is already HTML. */
    static String page(PageRequest request, Texts texts, Optional<Provider> provider, Look look, String main) {
        String title = provider.map(p -> texts.plain("page.title.provider", "provider", p.name()))
                .orElseGet(() -> texts.plain("page.title"));
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(texts.language().tag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(title).append("</title>\n").append(look.styles()).append("</head>\n<body>\n")
                .append("<header>\n<div class=\"brand\">");
        provider.flatMap(Provider::logoUrl).ifPresent(logo -> html.append("<img class=\"logo\" src=\"")
                .append(Html.escape(logo.toString())).append("\" alt=\"\">"));
        html.append("<h1>").append(title).append("</h1></div>\n");
        provider.flatMap(Provider::documentationUrl).ifPresent(help -> html.append("<p><a href=\"")
                .append(Html.escape(help.toString())).append("\">")
                .append(texts.html("help.provider", "provider", provider.get().name())).append("</a></p>\n"));
        languageSwitch(html, request, texts);
        html.append("</header>\n<main>\n").append(main).append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Links to the same page in each other language, keeping what the person typed. */
    private static void languageSwitch(StringBuilder html, PageRequest request, Texts texts) {
        html.append("<nav aria-label=\"").append(texts.plain("nav.languages")).append("\"><ul>");
        for (Language language : Language.values()) {
            html.append("<li lang=\"").append(language.tag()).append("\">");
            if (language == texts.language()) {
                html.append("<strong aria-current=\"page\">").append(language.nativeName()).append("</strong>");
            } else {
                html.append("<a hreflang=\"").append(language.tag()).append("\" href=\"")
                        .append(Html.escape(link(request, language))).append("\">").append(language.nativeName()).append("</a>");
            }
            html.append("</li>");
        }
        html.append("</ul></nav>\n");
    }

    /** This page in another language, for what the person typed. */
    static String link(PageRequest request, Language language) {
        StringBuilder query = new StringBuilder("/?");
        if (!request.address().isEmpty()) {
            query.append("emailaddress=").append(URLEncoder.encode(request.address(), StandardCharsets.UTF_8)).append('&');
        }
        if (!request.name().isEmpty()) {
            query.append("name=").append(URLEncoder.encode(request.name(), StandardCharsets.UTF_8)).append('&');
        }
        return query.append("lang=").append(language.tag()).toString();
    }

    /**
     * The address form: a plain GET form, so it works without JavaScript.
     *
     * @param heading the form's heading (when it follows the settings), or empty at the top of the page
     * @param error   an error message, already HTML, shown above the form and announced
     */
    static String form(PageRequest request, Texts texts, Optional<String> heading, Optional<String> error) {
        StringBuilder html = new StringBuilder(2048);
        error.ifPresent(message -> html.append("<p class=\"error\" role=\"alert\" id=\"error\">").append(message).append("</p>\n"));
        html.append("<form method=\"get\" action=\"/\" id=\"").append(FORM_ID).append("\"")
                .append(heading.map(h -> " aria-labelledby=\"form-heading\">\n<h2 id=\"form-heading\">" + h + "</h2>")
                        .orElse(">"))
                .append('\n')
                .append("<label for=\"emailaddress\">").append(texts.html("form.address")).append("</label>\n")
                .append("<input id=\"emailaddress\" name=\"emailaddress\" type=\"text\" inputmode=\"email\" autocomplete=\"email\" ")
                .append("autocapitalize=\"none\" spellcheck=\"false\" required maxlength=\"").append(PageRequest.MAX_ADDRESS_LENGTH)
                .append("\" value=\"").append(Html.escape(request.address())).append("\">\n")
                .append("<label for=\"name\">").append(texts.html("form.name")).append("</label>\n")
                .append("<input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\" maxlength=\"")
                .append(PageRequest.MAX_NAME_LENGTH).append("\" value=\"").append(Html.escape(request.name())).append("\">\n");
        request.chosenLanguage().ifPresent(language -> html.append("<input type=\"hidden\" name=\"lang\" value=\"")
                .append(language.tag()).append("\">\n"));
        return html.append("<button type=\"submit\">").append(texts.html("form.submit")).append("</button>\n</form>\n").toString();
    }
}
