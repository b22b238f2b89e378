package org.cpt4j.internal.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.cpt4j.sampling.SamplingConfig;
import org.junit.jupiter.api.Test;

class TokenChooserTest {

    private static final int DRAWS = 20_000;

    /** @return how often each token is drawn from {@code probabilities}' logits under {@code config} */
    private static double[] frequencies(double[] probabilities, SamplingConfig config) {
        float[] logits = new float[probabilities.length];
        for (int v = 0; v < logits.length; v++) {
            logits[v] = (float) Math.log(probabilities[v]);
        }
        TokenChooser chooser = new TokenChooser(config);
        SplittableRandom random = new SplittableRandom(5);
        double[] counts = new double[logits.length];
        for (int i = 0; i < DRAWS; i++) {
            counts[chooser.choose(logits, random)]++;
        }
        for (int v = 0; v < counts.length; v++) {
            counts[v] /= DRAWS;
        }
        return counts;
    }

    /** Within 4 standard errors of a binomial share over {@link #DRAWS} draws. */
    private static void assertShare(double expected, double actual, String what) {
        double tolerance = 4 * Math.sqrt(expected * (1 - expected) / DRAWS) + 1e-9;
        assertEquals(expected, actual, tolerance, what);
    }

    @Test
    void topPKeepsTheSmallestNucleusReachingP() {
        // 0.5 + 0.3 reaches 0.6 with two tokens: token 2 (0.2) is never drawn, the others in the ratio 5 : 3
        double[] drawn = frequencies(new double[] {0.5, 0.3, 0.2}, SamplingConfig.of(s -> s.topP(0.6)));
        assertShare(0.5 / 0.8, drawn[0], "token 0");
        assertShare(0.3 / 0.8, drawn[1], "token 1");
        assertEquals(0.0, drawn[2], "outside the nucleus");
    }

    @Test
    void topKOfTwoRenormalisesOverTheTwoMostLikely() {
        double[] drawn = frequencies(new double[] {0.1, 0.4, 0.2, 0.3}, SamplingConfig.of(s -> s.topK(2)));
        assertShare(0.4 / 0.7, drawn[1], "the most likely");
        assertShare(0.3 / 0.7, drawn[3], "the second");
        assertEquals(0.0, drawn[0] + drawn[2], "the rest are never drawn");
    }

    @Test
    void topKThenTopPCompose() {
        // top-3 keeps 0.4, 0.3, 0.2 (mass 0.9); top-p 0.5 of that mass (0.45) needs 0.4 + 0.3
        double[] drawn = frequencies(new double[] {0.1, 0.4, 0.2, 0.3}, SamplingConfig.of(s -> s.topK(3).topP(0.5)));
        assertShare(0.4 / 0.7, drawn[1], "the most likely");
        assertShare(0.3 / 0.7, drawn[3], "the second");
        assertEquals(0.0, drawn[0] + drawn[2]);
    }

    @Test
    void temperatureSharpensAndFlattens() {
        // p ∝ q^(1/T): at T = 0.5 the shares of 0.6 / 0.4 become 0.36 / 0.16 normalised
        double[] drawn = frequencies(new double[] {0.6, 0.4}, SamplingConfig.of(s -> s.temperature(0.5)));
        assertShare(0.36 / 0.52, drawn[0], "sharpened");
        double[] flat = frequencies(new double[] {0.6, 0.4}, SamplingConfig.of(s -> s.temperature(1e6)));
        assertShare(0.5, flat[0], "a huge temperature is uniform");
        assertTrue(drawn[0] > 0.6, "sharper than untempered");
    }
}
