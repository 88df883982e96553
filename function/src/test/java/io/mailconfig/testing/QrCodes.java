package io.mailconfig.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text of a QR code drawn as SVG runs of dark modules, the way a phone camera reads the screen. */
public final class QrCodes {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");
    private static final int PIXELS_PER_MODULE = 4;

    private QrCodes() {
    }

    public static String decodeSvg(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new IllegalArgumentException("no viewBox in " + svg);
        }
        int modules = Integer.parseInt(box.group(1));
        int side = modules * PIXELS_PER_MODULE;
        byte[] pixels = new byte[side * side];
        java.util.Arrays.fill(pixels, (byte) 0xff);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int y = Integer.parseInt(run.group(2));
            int from = Integer.parseInt(run.group(1));
            for (int x = from; x < from + Integer.parseInt(run.group(3)); x++) {
                for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
                    for (int dx = 0; dx < PIXELS_PER_MODULE; dx++) {
                        pixels[(y * PIXELS_PER_MODULE + dy) * side + x * PIXELS_PER_MODULE + dx] = 0;
                    }
                }
            }
        }
        LuminanceSource source = new LuminanceSource(side, side) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row == null || row.length < side ? new byte[side] : row;
                System.arraycopy(pixels, y * side, out, 0, side);
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return pixels;
            }
        };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
