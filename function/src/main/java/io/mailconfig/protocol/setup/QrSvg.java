package io.mailconfig.protocol.setup;

import io.nayuki.qrcodegen.QrCode;

/** A QR code as inline SVG: one path of unit squares, so the page loads no image and needs no img-src. */
final class QrSvg {

    /** The quiet zone the QR standard asks for around the symbol, in modules. */
    private static final int BORDER = 4;

    private QrSvg() {
    }

    /** @param label what a screen reader says instead of the picture */
    static String render(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                + "\" role=\"img\" aria-label=\"" + Html.escape(label) + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
