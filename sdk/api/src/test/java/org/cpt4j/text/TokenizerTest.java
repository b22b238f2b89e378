package org.cpt4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cpt4j.domain.AnswerTags;
import org.cpt4j.domain.Domain;
import org.cpt4j.domain.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {

    private static final Tokenizer TOKENIZER = Tokenizer.of("0123456789+=;<>abc");

    @TempDir
    Path directory;

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789+=;<>abc").ofMaxLength(4),
                Arbitraries.of(AnswerTags.OPEN, AnswerTags.CLOSE));
        return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void decodingInvertsEncoding(@ForAll("texts") String text) {
        assertEquals(text, TOKENIZER.decode(TOKENIZER.encode(text)));
    }

    @Property(tries = 300)
    void everyTokenIsWithinTheVocabulary(@ForAll("texts") String text) {
        for (int token : TOKENIZER.encode(text)) {
            assertTrue(token >= 0 && token < TOKENIZER.vocabularySize());
        }
    }

    @Test
    void answerTagsAreSingleTokensEvenNextToAngleBrackets() {
        assertArrayEquals(new int[] {Tokenizer.ANSWER_OPEN, id('<'), Tokenizer.ANSWER_CLOSE}, TOKENIZER.encode("<a><</a>"));
        assertArrayEquals(new int[] {Tokenizer.ANSWER_OPEN, id('>'), Tokenizer.ANSWER_CLOSE}, TOKENIZER.encode("<a>></a>"));
    }

    @Test
    void specialsComeFirstThenCharactersInOrder() {
        assertEquals(6 + 18, TOKENIZER.vocabularySize());
        assertEquals("+", TOKENIZER.token(6));
        assertEquals("<eos>", TOKENIZER.token(Tokenizer.EOS));
        assertEquals(TOKENIZER, Tokenizer.of("cba>=<;+9876543210"));
    }

    @Test
    void anUnknownCharacterIsNamedWithItsPosition() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TOKENIZER.encode("12x4"));
        assertTrue(error.getMessage().startsWith("character 'x' at position 2 of \"12x4\""), error.getMessage());
    }

    @Test
    void theVocabularyIsTheUnionOfTheDomainsAlphabets() {
        Tokenizer tokenizer = Tokenizer.forDomains(List.of(domain("01+"), domain("ab:")));
        for (char c : "01+ab:".toCharArray()) {
            assertTrue(tokenizer.characters().indexOf(c) >= 0);
        }
        tokenizer.encode("wrong:1");
    }

    @Test
    void roundTripsThroughItsVersionedFile() throws IOException {
        Path file = directory.resolve("tokenizer.json");
        TOKENIZER.write(file);
        assertEquals(TOKENIZER, Tokenizer.read(file));
        assertTrue(Files.readString(file).contains("\"version\" : 1"));
    }

    @Test
    void readsTheGoldenFileOfVersionOne() throws IOException {
        Tokenizer golden = Tokenizer.read(Path.of("src/test/resources/golden/tokenizer-v1.json"));
        assertEquals(TOKENIZER, golden);
    }

    @Test
    void aFileOfAnotherVersionIsRejected() throws IOException {
        Path file = directory.resolve("tokenizer.json");
        TOKENIZER.write(file);
        Files.writeString(file, Files.readString(file).replace("\"version\" : 1", "\"version\" : 9"));
        IOException error = assertThrows(IOException.class, () -> Tokenizer.read(file));
        assertTrue(error.getMessage().contains("version 9"), error.getMessage());
    }

    private static int id(char c) {
        return TOKENIZER.encode(String.valueOf(c))[0];
    }

    /** A domain of {@code alphabet}: the tokenizer reads only its alphabet. */
    private static Domain domain(String alphabet) {
        return new Domain() {
            @Override
            public String id() {
                return "fixture";
            }

            @Override
            public String family() {
                return "fixture";
            }

            @Override
            public String alphabet() {
                return alphabet;
            }

            @Override
            public Task task(java.util.random.RandomGenerator random) {
                return new Task("fixture", "1+0", "1", "", "");
            }
        };
    }
}
