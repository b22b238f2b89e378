package org.cpt4j.internal.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.cpt4j.internal.model.SequenceBatch;
import org.cpt4j.internal.text.PromptFormat;
import org.cpt4j.testing.FixtureDomain;
import org.cpt4j.pretrain.PretrainSpec;
import org.cpt4j.text.Tokenizer;
import org.junit.jupiter.api.Test;

class PretrainingExamplesTest {

    private static final PromptFormat FORMAT = new PromptFormat(Tokenizer.forDomains(List.of(FixtureDomain.successor())));

    private static PretrainingExamples examples(double teacherFraction, int context) {
        PretrainSpec spec = PretrainSpec.of(p -> p.mix("successor").batchSize(64).teacherFraction(teacherFraction));
        return new PretrainingExamples(spec, List.of(FixtureDomain.successor()), FORMAT, context);
    }

    @Test
    void onlyResponseTokensAreTrainedOn() {
        PretrainingExamples.Example[] examples = examples(0.5, 64).examples(3);
        SequenceBatch batch = PretrainingExamples.toBatch(examples);
        for (int b = 0; b < batch.size(); b++) {
            int[] tokens = examples[b].tokens();
            for (int t = 0; t < batch.length(); t++) {
                boolean predictsResponse = t + 1 >= examples[b].responseStart() && t + 1 < tokens.length;
                assertEquals(predictsResponse ? 1f : 0f, batch.mask()[b][t], "row " + b + " position " + t);
                if (predictsResponse) {
                    assertEquals(tokens[t + 1], batch.targets()[b][t]);
                }
            }
            assertEquals(Tokenizer.EOS, tokens[tokens.length - 1]);
        }
    }

    @Test
    void aBatchDependsOnlyOnSeedAndStep() {
        assertEquals(examples(0.5, 64).batch(7), examples(0.5, 64).batch(7));
        assertTrue(!examples(0.5, 64).batch(7).equals(examples(0.5, 64).batch(8)));
    }

    @Test
    void theTeacherFractionOfExamplesCarryPrivilegedContext() {
        PretrainingExamples examples = examples(0.6, 64);
        SplittableRandom random = new SplittableRandom(1);
        int teacher = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            int[] tokens = examples.example(random).tokens();
            long separators = java.util.Arrays.stream(tokens).filter(t -> t == Tokenizer.SEPARATOR).count();
            teacher += separators == 2 ? 1 : 0;
        }
        assertEquals(0.6, (double) teacher / n, 0.03);
    }

    private static long separators(int[] tokens, int until) {
        return java.util.Arrays.stream(tokens, 0, until).filter(t -> t == Tokenizer.SEPARATOR).count();
    }

    /**
     * Every example wants teacher format here; at a context of 16 some teacher prompts do not fit and fall back to
     * the student prompt ({@code <bos> question <sep>}: one separator, where a teacher prompt has two).
     */
    @Test
    void aTeacherExampleThatWouldNotFitFallsBackToStudentFormat() {
        PretrainingExamples examples = examples(1.0, 16);
        SplittableRandom random = new SplittableRandom(2);
        int fallbacks = 0;
        int teacher = 0;
        for (int i = 0; i < 200; i++) {
            PretrainingExamples.Example example = examples.example(random);
            assertTrue(example.tokens().length <= 16, "fits the context");
            assertEquals(Tokenizer.SEPARATOR, example.tokens()[example.responseStart() - 1], "the prompt ends the turn");
            long inPrompt = separators(example.tokens(), example.responseStart());
            assertTrue(inPrompt == 1 || inPrompt == 2, "a student or a teacher prompt");
            fallbacks += inPrompt == 1 ? 1 : 0;
            teacher += inPrompt == 2 ? 1 : 0;
        }
        assertTrue(fallbacks > 0 && teacher > 0, fallbacks + " fell back, " + teacher + " kept teacher format");
        PretrainingExamples roomy = examples(1.0, 64);
        for (int i = 0; i < 200; i++) {
            PretrainingExamples.Example example = roomy.example(random);
            assertEquals(2, separators(example.tokens(), example.responseStart()), "with room, every prompt is a teacher's");
        }
    }

    @Test
    void teacherPromptsExtendTheStudentPrompt() {
        org.cpt4j.domain.Task task = FixtureDomain.successor().task(new SplittableRandom(4));
        int[] student = FORMAT.studentPrompt(task);
        int[] teacher = FORMAT.teacherPrompt(task, "41+1=42;");
        assertArrayEquals(student, java.util.Arrays.copyOf(teacher, student.length));
        assertEquals(Tokenizer.SEPARATOR, teacher[teacher.length - 1]);
    }
}
