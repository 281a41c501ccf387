package com.expresschat.statussync.intake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A dropped file's name as data (§6): its exact bytes, a form that is safe to log and report (one line: every
 * control character, backslash and byte that is not UTF-8 escaped), and a safe name to keep it under in error/.
 *
 * <p>The bytes come from {@link Path#toUri()}, which percent-encodes the name's raw bytes: a Path listed from a
 * directory keeps them even when they are not valid text in the platform charset, where {@code toString()} does not.
 */
public final class FileNames {

    /** Longest safe name given to a rejected entry, in bytes: its reports and their part files add up to 24 more. */
    public static final int MAX_SAFE_NAME_BYTES = 200;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private FileNames() {
    }

    /** The raw bytes of a path's last segment, whatever the platform charset. */
    public static byte[] bytesOf(Path entry) {
        String path = entry.toUri().getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                bytes.write(HexFormat.fromHexDigits(segment, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** The name of a path for logs and reports: see {@link #printable(byte[])}. */
    public static String printable(Path entry) {
        return printable(bytesOf(entry));
    }

    /** A name held as a string (e.g. an input's name) for a log line: see {@link #printable(byte[])}. */
    public static String printable(String name) {
        return printable(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A name as one printable line: UTF-8 text is kept, except a backslash ({@code \\}), control characters
     * ({@code \n}, {@code \r}, {@code \t}, {@code \x1b}, {@code \u2028} ...) and bytes that are not UTF-8
     * ({@code \xff}): no name can forge a log line or hide what it holds.
     */
    public static String printable(byte[] name) {
        StringBuilder out = new StringBuilder(name.length + 8);
        decode(name, new Pieces() {
            @Override
            public void text(int cp) {
                switch (cp) {
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (cp < 0x80 && isControl(cp)) {
                            out.append("\\x").append(HexFormat.of().toHexDigits((byte) cp));
                        } else if (isControl(cp)) {
                            out.append(String.format("\\u%04x", cp));
                        } else {
                            out.appendCodePoint(cp);
                        }
                    }
                }
            }

            @Override
            public void notUtf8(byte b) {
                out.append("\\x").append(HexFormat.of().toHexDigits(b));
            }
        });
        return out.toString();
    }

    /**
     * A name to keep a rejected entry under: one path segment of at most {@link #MAX_SAFE_NAME_BYTES} bytes in which
     * every backslash, percent sign, control character and byte that is not UTF-8 is percent-encoded
     * ({@code a\b.txt} is kept as {@code a%5Cb.txt}); a shortened name keeps its extension, so that it is still
     * recognised once fixed and dropped again.
     */
    public static String safe(byte[] name) {
        StringBuilder out = new StringBuilder(name.length + 8);
        // the platform charset decodes names to strings: what it cannot hold is percent-encoded too
        CharsetEncoder platform = platformCharset().newEncoder();
        decode(name, new Pieces() {
            @Override
            public void text(int cp) {
                if (cp == '\\' || cp == '%' || cp == '/' || isControl(cp) || !platform.canEncode(Character.toString(cp))) {
                    for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                        notUtf8(b);
                    }
                } else {
                    out.appendCodePoint(cp);
                }
            }

            @Override
            public void notUtf8(byte b) {
                out.append('%').append(HEX.toHexDigits(b));
            }
        });
        String safe = out.charAt(0) == '.' ? "%2E" + out.substring(1) : out.toString();
        return shorten(safe, MAX_SAFE_NAME_BYTES);
    }

    /** The charset the JVM decodes file names with (sun.jnu.encoding, from the locale it was started in). */
    public static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException unknown) {
            return StandardCharsets.US_ASCII;
        }
    }

    /** Whether every byte of the name is part of valid UTF-8. */
    public static boolean isUtf8(byte[] name) {
        boolean[] valid = { true };
        decode(name, new Pieces() {
            @Override
            public void text(int cp) {
            }

            @Override
            public void notUtf8(byte b) {
                valid[0] = false;
            }
        });
        return valid[0];
    }

    /** Whether the name holds a control character of any kind (line and paragraph separators, bidi overrides too). */
    public static boolean hasControl(String name) {
        return name.codePoints().anyMatch(FileNames::isControl);
    }

    private static boolean isControl(int cp) {
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.FORMAT;
    }

    /** What a name is made of: code points of valid UTF-8, and bytes that are not. */
    private interface Pieces {
        void text(int codePoint);

        void notUtf8(byte b);
    }

    private static void decode(byte[] name, Pieces pieces) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(name);
        CharBuffer out = CharBuffer.allocate(name.length + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            out.toString().codePoints().forEach(pieces::text);
            out.clear();
            if (!result.isError()) {
                return;
            }
            for (int i = 0; i < result.length(); i++) {
                pieces.notUtf8(in.get());
            }
        }
    }

    /** Cuts a name to at most {@code max} UTF-8 bytes, keeping a short extension: "xxxx~.txt". */
    private static String shorten(String name, int max) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= max) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int room = max - extension.getBytes(StandardCharsets.UTF_8).length - 1;
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); i += Character.charCount(base.codePointAt(i))) {
            int bytes = new String(Character.toChars(base.codePointAt(i))).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > room) {
                break;
            }
            cut.appendCodePoint(base.codePointAt(i));
            used += bytes;
        }
        return cut + "~" + extension;
    }
}
