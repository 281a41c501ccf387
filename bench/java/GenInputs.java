import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Deterministic benchmark inputs: the same arguments always give the same bytes.
 *
 * <pre>
 *   GenInputs plain FILE COUNT [FIRST]        one 24-hex user ID per line (IDs FIRST .. FIRST+COUNT-1)
 *   GenInputs files DIR FILES PER_FILE        FILES plain-list files of PER_FILE IDs each (s2-000001.txt ...)
 *   GenInputs body FILE COUNT                 one plain-list body of COUNT IDs (the REST scenario's body)
 * </pre>
 *
 * ID number i is "%08x" of i followed by 16 hex digits of splitmix64(i): unique for i < 2^32, valid for the
 * product's default pattern [0-9a-f]{24}, and spread like real object IDs. Files are written under a hidden
 * temporary name and renamed, and their modification time is set one minute back, so that a file linked into
 * the inbox passes the product's stable-for check at once (the check waits for files younger than stable-for).
 */
public final class GenInputs {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: GenInputs plain FILE COUNT [FIRST] | files DIR FILES PER_FILE | body FILE COUNT");
            System.exit(2);
        }
        switch (args[0]) {
            case "plain", "body" -> {
                long first = args.length > 3 ? Long.parseLong(args[3]) : 0;
                plain(Path.of(args[1]), first, Long.parseLong(args[2]));
            }
            case "files" -> {
                Path dir = Files.createDirectories(Path.of(args[1]));
                int files = Integer.parseInt(args[2]);
                int perFile = Integer.parseInt(args[3]);
                for (int f = 0; f < files; f++) {
                    plain(dir.resolve(String.format("s2-%06d.txt", f + 1)), 10_000_000_000L / 4 + (long) f * perFile,
                            perFile);
                }
            }
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    static void plain(Path file, long first, long count) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
        char[] line = new char[25];
        line[24] = '\n';
        try (OutputStream out = Files.newOutputStream(tmp);
             Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
            for (long i = first; i < first + count; i++) {
                id(i, line);
                w.write(line);
            }
        }
        Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the 24 hex digits of ID number i into line[0..23]. */
    static void id(long i, char[] line) {
        long high = i & 0xFFFF_FFFFL;
        for (int k = 7; k >= 0; k--) {
            line[k] = HEX[(int) (high & 0xF)];
            high >>>= 4;
        }
        long low = splitmix64(i);
        for (int k = 23; k >= 8; k--) {
            line[k] = HEX[(int) (low & 0xF)];
            low >>>= 4;
        }
    }

    static long splitmix64(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
