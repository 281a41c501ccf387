package com.expresschat.statussync.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.regex.Pattern;

/**
 * The one Jackson setup for reading inputs: strict, because a leniently read ID could be the wrong ID.
 * No number or boolean passes as a string, no field may appear twice or be unknown, nothing may
 * follow the value, and no string may be longer than a line may be in the text formats.
 */
final class IntakeJson {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Utf8Text.MAX_LINE_LENGTH)
                    .build())
            .build();

    static final ObjectMapper MAPPER = strictMapper();

    /** Jackson's default nesting limit; named here because rejection messages quote it. */
    static final int MAX_NESTING_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    /** Jackson's location note without the source placeholder: "[Source: REDACTED (...); line: 1" -> "[line: 1". */
    private static final Pattern SOURCE_NOTE = Pattern.compile("Source: [^;\\]]*; ");

    private IntakeJson() {
    }

    /** Jackson's message for the operator: one short line. */
    static String shortMessage(JsonProcessingException e) {
        return Excerpt.firstLineOf(SOURCE_NOTE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll(""));
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
