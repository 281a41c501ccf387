package com.expresschat.statussync.intake;

import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.expresschat.statussync.model.RowReader;

/** The input formats of SPEC §2, recognised by file name or by HTTP content type. */
public enum InputFormat {

    PLAIN_LIST("txt", PlainListReader::new),
    CSV("csv", CsvRowReader::new),
    JSON("json", JsonBodyReader::new),
    NDJSON("ndjson", NdjsonReader::new);

    private final String extension;
    private final Function<InputStream, RowReader> opener;

    InputFormat(String extension, Function<InputStream, RowReader> opener) {
        this.extension = extension;
        this.opener = opener;
    }

    /** The file extension (without dot) an input of this format is stored under, e.g. a REST body saved to the inbox. */
    public String extension() {
        return extension;
    }

    /**
     * By extension, case-insensitively; a name without extension is a plain list.
     * A leading dot does not start an extension (".ids" is a name), a trailing one ends no extension.
     */
    public static Optional<InputFormat> fromFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String fileName = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = fileName.lastIndexOf('.');
        String extension = dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "", "txt", "ids", "lst" -> Optional.of(PLAIN_LIST);
            case "csv" -> Optional.of(CSV);
            case "json" -> Optional.of(JSON);
            case "ndjson", "jsonl" -> Optional.of(NDJSON);
            default -> Optional.empty();
        };
    }

    /**
     * By media type, case-insensitively, ignoring parameters such as {@code charset}
     * (whether a charset other than UTF-8 is acceptable is the caller's decision).
     */
    public static Optional<InputFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "text/plain" -> Optional.of(PLAIN_LIST);
            case "text/csv" -> Optional.of(CSV);
            case "application/json" -> Optional.of(JSON);
            case "application/x-ndjson" -> Optional.of(NDJSON);
            default -> Optional.empty();
        };
    }

    /** A reader of this format over the input; nothing is read until the first row is asked for. */
    public RowReader open(InputStream in) {
        return opener.apply(in);
    }
}
