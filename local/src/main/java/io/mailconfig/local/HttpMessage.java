package io.mailconfig.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 request as read off a connection: the request line, the headers (names in lower
 * case, repeated ones joined with commas, as API Gateway joins them) and the body. The target is
 * kept as sent; only what HTTP itself forbids is refused, with the status the server answers.
 */
record HttpMessage(String method, String rawPath, String rawQuery, String version, Map<String, String> headers, byte[] body) {

    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    /** What the server itself answers for a request it cannot read; the message is one line for the client. */
    static final class Malformed extends Exception {
        private final int status;

        Malformed(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Whether the connection stays open after the answer (HTTP/1.1 unless "Connection: close"; 1.0 only when asked). */
    boolean keepAlive() {
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        return version.equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
    }

    /**
     * The next request, or null when the client closed the connection before sending one. A client
     * that asks to be told before it sends its body ({@code Expect: 100-continue}, as curl does for
     * larger bodies) is told on {@code out}.
     */
    static HttpMessage read(InputStream in, OutputStream out, int maxHeadBytes, int maxBodyBytes) throws IOException, Malformed {
        String head = readHead(in, maxHeadBytes);
        if (head == null) {
            return null;
        }
        String[] lines = LINE_BREAK.split(head);
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.") || requestLine[0].isEmpty()
                || !requestLine[0].chars().allMatch(c -> c > 32 && c < 127)) {
            throw new Malformed(400, "bad request");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new Malformed(400, "bad request");
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (first, next) -> first + "," + next);
        }
        String target = requestLine[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (headers.getOrDefault("expect", "").toLowerCase(Locale.ROOT).contains("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? "" : target.substring(question + 1);
        return new HttpMessage(requestLine[0].toUpperCase(Locale.ROOT), rawPath, rawQuery, requestLine[2], Map.copyOf(headers),
                body(in, headers, maxBodyBytes));
    }

    /** The path decoded as API Gateway passes it on; a percent-escape that does not decode is kept as sent. */
    static String decodePath(String rawPath) {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    private static String readHead(InputStream in, int maxHeadBytes) throws IOException, Malformed {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int newlines = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (head.size() == 0 && (c == '\r' || c == '\n')) {
                continue;
            }
            head.write(c);
            if (c == '\n') {
                newlines++;
                if (newlines == 2) {
                    return head.toString(StandardCharsets.ISO_8859_1).strip();
                }
            } else if (c != '\r') {
                newlines = 0;
            }
            if (head.size() > maxHeadBytes) {
                throw new Malformed(431, "request headers too large");
            }
        }
        if (head.size() == 0) {
            return null;
        }
        throw new Malformed(400, "bad request");
    }

    private static byte[] body(InputStream in, Map<String, String> headers, int maxBodyBytes) throws IOException, Malformed {
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            return chunked(in, maxBodyBytes);
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw new Malformed(400, "bad request");
        }
        if (bytes < 0) {
            throw new Malformed(400, "bad request");
        }
        if (bytes > maxBodyBytes) {
            throw new Malformed(413, "request body too large");
        }
        byte[] body = in.readNBytes((int) bytes);
        if (body.length < bytes) {
            throw new Malformed(400, "bad request");
        }
        return body;
    }

    private static byte[] chunked(InputStream in, int maxBodyBytes) throws IOException, Malformed {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new Malformed(400, "bad request");
            }
            if (size < 0 || body.size() + (long) size > maxBodyBytes) {
                throw new Malformed(413, "request body too large");
            }
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // Trailers are ignored.
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new Malformed(400, "bad request");
            }
            body.write(chunk);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException, Malformed {
        ByteArrayOutputStream line = new ByteArrayOutputStream(16);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
            if (line.size() > 1024) {
                throw new Malformed(400, "bad request");
            }
        }
        if (c == -1) {
            throw new Malformed(400, "bad request");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
