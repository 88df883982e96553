package io.mailconfig.protocol.setup;

import io.mailconfig.xml.XmlWriter;

/** Escaping for HTML text and double-quoted attribute values. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        String clean = XmlWriter.clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
