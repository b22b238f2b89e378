package org.cpt4j.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.cpt4j.domain.AnswerTags;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Verdict;
import org.cpt4j.io.AtomicFiles;

/**
 * A character-level tokenizer: one token per character, plus special tokens. Token ids are
 * {@link #PAD} 0, {@link #BOS} 1, {@link #EOS} 2, {@link #SEPARATOR} 3, {@link #ANSWER_OPEN} 4 and
 * {@link #ANSWER_CLOSE} 5, then the characters in ascending order.
 *
 * <p>The answer tags ({@link AnswerTags}) are single tokens: {@link #encode} reads the text {@code <a>} as
 * {@link #ANSWER_OPEN} wherever it occurs, and {@link #decode} writes it back, so a response's text and its
 * tokens agree. Immutable; saved as versioned JSON ({@link #write}, {@link #read}).
 */
public final class Tokenizer {

    /** Padding after the end of a sequence; never read by a causal model. */
    public static final int PAD = 0;
    /** Begins every sequence. */
    public static final int BOS = 1;
    /** Ends a response; sampling stops there. */
    public static final int EOS = 2;
    /** Ends a prompt part (the privileged context, the question). */
    public static final int SEPARATOR = 3;
    /** The opening answer tag {@code <a>}. */
    public static final int ANSWER_OPEN = 4;
    /** The closing answer tag {@code </a>}. */
    public static final int ANSWER_CLOSE = 5;

    static final String FORMAT = "cpt4j-tokenizer";
    static final int VERSION = 1;
    private static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>", "<sep>", AnswerTags.OPEN,
            AnswerTags.CLOSE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String characters;
    private final int[] idOfCharacter;

    private Tokenizer(String characters) {
        this.characters = characters;
        int highest = characters.chars().max().orElse(0);
        this.idOfCharacter = new int[highest + 1];
        Arrays.fill(idOfCharacter, -1);
        for (int i = 0; i < characters.length(); i++) {
            idOfCharacter[characters.charAt(i)] = SPECIALS.size() + i;
        }
    }

    /** @return a tokenizer for every character of the given text (duplicates and order do not matter) */
    public static Tokenizer of(String characters) {
        TreeSet<Character> distinct = new TreeSet<>();
        for (char c : characters.toCharArray()) {
            if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("tokenizer characters must be printable BMP characters, found U+"
                        + String.format("%04X", (int) c));
            }
            distinct.add(c);
        }
        StringBuilder sorted = new StringBuilder();
        distinct.forEach(sorted::append);
        return new Tokenizer(sorted.toString());
    }

    /** @return the tokenizer for the union of the domains' alphabets and the verifiers' feedback */
    public static Tokenizer forDomains(Collection<? extends Domain> domains) {
        StringBuilder all = new StringBuilder(Verdict.FEEDBACK_ALPHABET);
        domains.forEach(domain -> all.append(domain.alphabet()));
        return of(all.toString());
    }

    /** @return number of token ids, specials included */
    public int vocabularySize() {
        return SPECIALS.size() + characters.length();
    }

    /** @return the characters with a token of their own, in id order */
    public String characters() {
        return characters;
    }

    /**
     * @return the tokens of {@code text}; answer tags become {@link #ANSWER_OPEN} / {@link #ANSWER_CLOSE}
     * @throws IllegalArgumentException naming the first character outside the vocabulary and its position
     */
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            if (text.startsWith(AnswerTags.OPEN, i)) {
                out[count++] = ANSWER_OPEN;
                i += AnswerTags.OPEN.length();
            } else if (text.startsWith(AnswerTags.CLOSE, i)) {
                out[count++] = ANSWER_CLOSE;
                i += AnswerTags.CLOSE.length();
            } else {
                char c = text.charAt(i);
                int id = c < idOfCharacter.length ? idOfCharacter[c] : -1;
                if (id < 0) {
                    throw new IllegalArgumentException("character '" + c + "' at position " + i + " of \"" + text
                            + "\" is not in the tokenizer's vocabulary \"" + characters + "\"");
                }
                out[count++] = id;
                i++;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** @return the text of {@code tokens}; other special tokens are written by name, e.g. {@code <eos>} */
    public String decode(int[] tokens) {
        StringBuilder out = new StringBuilder();
        for (int token : tokens) {
            out.append(token(token));
        }
        return out.toString();
    }

    /** @return the text of one token */
    public String token(int token) {
        if (token < 0 || token >= vocabularySize()) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary [0, " + vocabularySize()
                    + ")");
        }
        return token < SPECIALS.size() ? SPECIALS.get(token) : Character.toString(characters.charAt(token - SPECIALS.size()));
    }

    /** The JSON form. */
    record File(String format, int version, List<String> specials, String characters) {
    }

    /** Writes this tokenizer as versioned JSON, atomically. */
    public void write(Path file) throws IOException {
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new File(FORMAT, VERSION, SPECIALS,
                characters));
        AtomicFiles.write(file, out -> out.write(json));
    }

    /** @return the tokenizer saved in {@code file} */
    public static Tokenizer read(Path file) throws IOException {
        File saved = JSON.readValue(Files.readAllBytes(file), File.class);
        if (!FORMAT.equals(saved.format()) || saved.version() != VERSION) {
            throw new IOException(file + " holds " + saved.format() + " version " + saved.version() + "; this cpt4j reads "
                    + FORMAT + " version " + VERSION);
        }
        if (!SPECIALS.equals(saved.specials())) {
            throw new IOException(file + " has special tokens " + saved.specials() + ", expected " + SPECIALS);
        }
        Tokenizer tokenizer = of(saved.characters());
        if (!tokenizer.characters.equals(saved.characters())) {
            throw new IOException(file + ": characters must be distinct and in ascending order");
        }
        return tokenizer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tokenizer that && characters.equals(that.characters);
    }

    @Override
    public int hashCode() {
        return characters.hashCode();
    }

    @Override
    public String toString() {
        return "Tokenizer[" + vocabularySize() + " tokens: " + SPECIALS + " + \"" + characters + "\"]";
    }
}
