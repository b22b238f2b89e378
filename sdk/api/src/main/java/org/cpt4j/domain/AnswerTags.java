package org.cpt4j.domain;

import java.util.Optional;

/**
 * The answer format every domain shares: a response ends with its answer between {@link #OPEN} and
 * {@link #CLOSE}, e.g. {@code 7+5=12;1+0+1=2;<a>212</a>}.
 *
 * <p>A response is well-formed when it holds exactly one opening tag, later exactly one closing tag, a
 * non-empty answer between them and nothing after the closing tag.
 */
public final class AnswerTags {

    /** The opening answer tag; the tokenizer reads it as one token. */
    public static final String OPEN = "<a>";
    /** The closing answer tag; the tokenizer reads it as one token. */
    public static final String CLOSE = "</a>";

    private AnswerTags() {
    }

    /** @return {@code answer} between the answer tags */
    public static String wrap(String answer) {
        return OPEN + answer + CLOSE;
    }

    /** @return the answer of a well-formed response, or empty when its answer format is broken */
    public static Optional<String> extract(String response) {
        int open = response.indexOf(OPEN);
        if (open < 0 || response.indexOf(OPEN, open + 1) >= 0) {
            return Optional.empty();
        }
        int close = response.indexOf(CLOSE, open + OPEN.length());
        if (close < 0 || close + CLOSE.length() != response.length() || response.lastIndexOf(CLOSE) != close) {
            return Optional.empty();
        }
        String answer = response.substring(open + OPEN.length(), close);
        return answer.isEmpty() ? Optional.empty() : Optional.of(answer);
    }
}
