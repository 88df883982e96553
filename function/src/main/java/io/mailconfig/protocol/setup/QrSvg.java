package io.mailconfig.protocol.setup;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import java.util.Optional;

/**
 * A QR code as inline SVG: one path of horizontal runs of dark modules, so the page loads no image
 * and needs no img-src. The symbol is at most {@link #MAX_VERSION}, so its size and the time to
 * make it are bounded whatever the text; a longer text gets no QR code.
 */
final class QrSvg {

    /** 57 x 57 modules, 213 bytes at error correction M: a phone camera still reads it off a screen. */
    static final int MAX_VERSION = 10;
    /** The quiet zone the QR standard asks for around the symbol, in modules. */
    private static final int BORDER = 4;

    private QrSvg() {
    }

    /**
     * @param escapedLabel what a screen reader says instead of the picture, already HTML-escaped
     * @return the SVG element, or empty when the text does not fit {@link #MAX_VERSION}
     */
    static Optional<String> render(String text, String escapedLabel) {
        QrCode qr;
        try {
            qr = QrCode.encodeSegments(QrSegment.makeSegments(text), QrCode.Ecc.MEDIUM, 1, MAX_VERSION, -1, true);
        } catch (DataTooLongException e) {
            return Optional.empty();
        }
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder(qr.size * qr.size);
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start + BORDER).append(',').append(y + BORDER)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return Optional.of("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                + "\" role=\"img\" aria-label=\"" + escapedLabel + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>");
    }
}
