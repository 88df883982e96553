package io.mailconfig.protocol.setup;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What to do in each mail program: the first block for the device in hand, links to every other
 * device's part, and the steps of each client, grouped by where it runs. A client's steps are
 * {@code guide.<id>.1}, {@code .2}, ... of the texts file, its name {@code guide.<id>.title}.
 */
final class GuidesHtml {

    /** A mail program with steps of its own. */
    record Guide(String id, boolean findsSettingsItself) {
        String anchor() {
            return "guide-" + id;
        }
    }

    /** The clients of one part of the page, e.g. the programs that run on computers. */
    record Group(String id, List<Guide> guides) {
    }

    static final Guide IPHONE = new Guide("iphone", false);
    static final Guide MAC = new Guide("mac", false);
    static final Group APPLE = new Group("apple", List.of(IPHONE, MAC));
    static final Group PHONES = new Group("phones", List.of(new Guide("thunderbird-android", true),
            new Guide("fairemail", true), new Guide("gmail", false), new Guide("outlook-mobile", false)));
    static final Group COMPUTERS = new Group("computers", List.of(new Guide("thunderbird", true),
            new Guide("outlook-classic", false), new Guide("outlook-new", false), new Guide("windows-mail", false),
            new Guide("em-client", true), new Guide("evolution", true)));
    static final List<Group> GROUPS = List.of(APPLE, PHONES, COMPUTERS);

    /** What the page's QR code and download links need. */
    record Profile(String link, Optional<String> qrCode) {
    }

    private GuidesHtml() {
    }

    /**
     * The first block of the page for the device in hand: the profile on an iPhone or iPad, the
     * apps that set themselves up on Android, the QR code and the client list on a computer.
     */
    static String start(Texts texts, Device device, Optional<Profile> profile, String... values) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<section class=\"start\" id=\"start\" aria-labelledby=\"start-heading\">\n<h2 id=\"start-heading\">");
        switch (device) {
            case APPLE_MOBILE -> {
                html.append(texts.html("start.apple.heading")).append("</h2>\n");
                if (profile.isPresent()) {
                    download(html, texts, "profile-link-top", profile.get());
                    html.append("<p>").append(texts.html("start.apple.install")).append("</p>\n");
                } else {
                    html.append("<p>").append(texts.html("apple.noProfile", values)).append("</p>\n");
                }
            }
            case ANDROID -> {
                html.append(texts.html("start.android.heading")).append("</h2>\n<p>")
                        .append(texts.html("start.android.intro")).append("</p>\n");
                links(html, texts, PHONES.guides().stream().filter(Guide::findsSettingsItself).toList());
                html.append("<p>").append(texts.html("start.android.others")).append("</p>\n");
                links(html, texts, PHONES.guides().stream().filter(guide -> !guide.findsSettingsItself()).toList());
            }
            case COMPUTER -> {
                html.append(texts.html("start.computer.heading")).append("</h2>\n");
                profile.ifPresent(p -> html.append("<figure class=\"qr-block\">")
                        .append(p.qrCode().orElse(""))
                        .append("<figcaption>").append(texts.html(p.qrCode().isPresent() ? "start.computer.qr" : "start.computer.noQr"))
                        .append("</figcaption></figure>\n"));
                html.append("<p>").append(texts.html("start.computer.clients")).append("</p>\n");
                links(html, texts, Stream.concat(COMPUTERS.guides().stream(), Stream.of(MAC)).toList());
            }
        }
        return html.append("</section>\n").toString();
    }

    /** Links to every part of the page, for another device or to see everything. */
    static String otherDevices(Texts texts) {
        StringBuilder html = new StringBuilder(512);
        html.append("<nav aria-label=\"").append(texts.plain("nav.devices")).append("\"><p>")
                .append(texts.html("nav.devices")).append("</p><ul>");
        for (Group group : GROUPS) {
            html.append("<li><a href=\"#").append(group.id()).append("\">").append(texts.html("group." + group.id()))
                    .append("</a></li>");
        }
        return html.append("<li><a href=\"#").append(SettingsHtml.ID).append("\">").append(texts.html("nav.settings"))
                .append("</a></li></ul></nav>\n").toString();
    }

    /** Every group's section with each client's steps; {@code values} fill the texts' placeholders. */
    static String all(Texts texts, Optional<Profile> profile, String... values) {
        StringBuilder html = new StringBuilder(8192);
        for (Group group : GROUPS) {
            html.append("<section id=\"").append(group.id()).append("\" aria-labelledby=\"").append(group.id())
                    .append("-heading\">\n<h2 id=\"").append(group.id()).append("-heading\">")
                    .append(texts.html("group." + group.id())).append("</h2>\n");
            if (group == APPLE) {
                if (profile.isPresent()) {
                    download(html, texts, "profile-link", profile.get());
                } else {
                    html.append("<p>").append(texts.html("apple.noProfile", values)).append("</p>\n");
                }
            }
            for (Guide guide : group.guides()) {
                html.append("<h3 id=\"").append(guide.anchor()).append("\">").append(texts.html("guide." + guide.id() + ".title"))
                        .append("</h3>\n<ol>\n");
                for (String step : texts.numbered("guide." + guide.id(), values)) {
                    html.append("<li>").append(step).append("</li>\n");
                }
                html.append("</ol>\n");
            }
            html.append("</section>\n");
        }
        return html.toString();
    }

    private static void download(StringBuilder html, Texts texts, String id, Profile profile) {
        html.append("<p><a class=\"button\" id=\"").append(id).append("\" href=\"").append(Html.escape(profile.link()))
                .append("\">").append(texts.html("apple.download")).append("</a></p>\n");
    }

    private static void links(StringBuilder html, Texts texts, List<Guide> guides) {
        html.append("<ul>");
        for (Guide guide : guides) {
            html.append("<li><a href=\"#").append(guide.anchor()).append("\">").append(texts.html("guide." + guide.id() + ".title"))
                    .append("</a></li>");
        }
        html.append("</ul>\n");
    }
}
