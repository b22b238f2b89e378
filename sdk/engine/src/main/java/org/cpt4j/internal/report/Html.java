package org.cpt4j.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Escaping for what the report takes from a run: text placed in the page's HTML, and JSON placed inside a
 * {@code <script type="application/json">} element, where {@code </script>} or {@code <!--} in a rollout would
 * otherwise end or change the element.
 */
final class Html {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Html() {
    }

    /** @return {@code text} with {@code & < > " '} as character references */
    static String text(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** @return {@code data} as JSON in which {@code < > &} are written as {@code \\u} escapes */
    static String scriptJson(JsonNode data) {
        try {
            return JSON.writer().with(new ScriptSafe()).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's data could not be written as JSON", e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
