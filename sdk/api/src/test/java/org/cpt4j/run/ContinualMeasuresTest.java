package org.cpt4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ContinualMeasuresTest {

    private static final double EPS = 1e-12;

    /** A matrix over stage domains {@code d1..dT} and one held-out domain {@code h}, with random accuracies. */
    private static AccuracyMatrix random(long seed, int stages) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] accuracy = new double[stages + 1][stages + 1];
        for (double[] row : accuracy) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextInt(101) / 100.0;
            }
        }
        return matrix(stageDomains(stages), accuracy);
    }

    private static List<String> stageDomains(int stages) {
        List<String> domains = new ArrayList<>();
        for (int j = 1; j <= stages; j++) {
            domains.add("d" + j);
        }
        return domains;
    }

    private static AccuracyMatrix matrix(List<String> stages, double[][] accuracy) {
        List<String> domains = new ArrayList<>(stages.stream().distinct().toList());
        domains.add("h");
        List<String> rows = new ArrayList<>(List.of("base"));
        stages.forEach(stage -> rows.add("after " + stage));
        return new AccuracyMatrix("arm", domains, rows, accuracy);
    }

    @Property(tries = 200)
    void backwardTransferIsMinusTheMeanForgettingWhenEveryStageHasItsOwnDomain(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int stages) {
        ContinualMeasures measures = ContinualMeasures.of(random(seed, stages), stageDomains(stages));
        assertEquals(-measures.forgetting(), measures.backwardTransfer(), EPS);
        assertEquals(stages - 1, measures.forgettingByDomain().size());
    }

    @Property(tries = 200)
    void theBestEarlierAccuracyForgetsAtLeastAsMuchAsTheAccuracyJustAfterLearning(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int stages) {
        ContinualMeasures measures = ContinualMeasures.of(random(seed, stages), stageDomains(stages));
        assertTrue(measures.maximumForgetting() >= measures.forgetting() - EPS, measures.toString());
    }

    @Property(tries = 200)
    void chaudhrysTermPerDomainIsAtLeastAvalanchesAndCoversTheSameDomains(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int stages) {
        ContinualMeasures measures = ContinualMeasures.of(random(seed, stages), stageDomains(stages));
        assertEquals(measures.forgettingByDomain().keySet(), measures.maximumForgettingByDomain().keySet());
        measures.forgettingByDomain().forEach((domain, forgetting) -> assertTrue(
                measures.maximumForgettingByDomain().get(domain) >= forgetting - EPS, measures.toString()));
        // every stage has its own domain here, so the scalar is the mean of the terms
        assertEquals(measures.maximumForgetting(), measures.maximumForgettingByDomain().values().stream()
                .mapToDouble(Double::doubleValue).average().orElseThrow(), EPS);
    }

    /** @return the measures after {@code delta} is added to entry {@code [row][column]} of {@code matrix} */
    private static ContinualMeasures nudged(AccuracyMatrix matrix, int row, int column, double delta, int stages) {
        double[][] accuracy = new double[matrix.accuracy().length][];
        for (int r = 0; r < accuracy.length; r++) {
            accuracy[r] = matrix.accuracy()[r].clone();
        }
        accuracy[row][column] += delta;
        return ContinualMeasures.of(matrix(stageDomains(stages), accuracy), stageDomains(stages));
    }

    /**
     * Each measure reads only the entries its definition names (rows: 0 = base, i = after stage i; columns: stage
     * domains, then the held-out one): ACC the last row, BWT the last row and the diagonal, FWT the entries just
     * above the diagonal and the base row, the held-out change the base and the last row of its column. Nudging any
     * other entry leaves the measure as it was.
     */
    @Property(tries = 200)
    void eachMeasureReadsOnlyTheEntriesItsDefinitionNames(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int stages,
                                                          @ForAll @IntRange(min = 0, max = 6) int row,
                                                          @ForAll @IntRange(min = 0, max = 6) int column) {
        int r = row % (stages + 1);
        int c = column % (stages + 1);
        AccuracyMatrix matrix = random(seed, stages);
        ContinualMeasures before = ContinualMeasures.of(matrix, stageDomains(stages));
        ContinualMeasures after = nudged(matrix, r, c, 0.01, stages);
        boolean heldOut = c == stages;
        int stage = c + 1;
        if (r != stages || heldOut) {
            assertEquals(before.accuracy(), after.accuracy(), EPS, "ACC reads the last row's stage domains");
        }
        if (!(r == stages && !heldOut && stage < stages) && !(r == stage && stage < stages)) {
            assertEquals(before.backwardTransfer(), after.backwardTransfer(), EPS, "BWT reads R[T][j] and R[j][j], j < T");
        }
        if (!(r == stage - 1 && stage > 1 && !heldOut) && !(r == 0 && stage > 1 && !heldOut)) {
            assertEquals(before.forwardTransfer(), after.forwardTransfer(), EPS, "FWT reads R[j-1][j] and b_j, j > 1");
        }
        if (!(heldOut && (r == 0 || r == stages))) {
            assertEquals(before.heldOutChange().get("h"), after.heldOutChange().get("h"), EPS,
                    "the held-out change reads the base and the last row");
        }
    }

    /** One stage domain's final accuracy up by δ: ACC up by δ/T; BWT up by δ/(T − 1) unless it is the last stage's. */
    @Property(tries = 200)
    void aBetterFinalAccuracyRaisesAccAndBwtByItsShare(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int stages,
                                                        @ForAll @IntRange(min = 0, max = 5) int domain) {
        int j = domain % stages;
        AccuracyMatrix matrix = random(seed, stages);
        ContinualMeasures before = ContinualMeasures.of(matrix, stageDomains(stages));
        ContinualMeasures after = nudged(matrix, stages, j, 0.06, stages);
        assertEquals(before.accuracy() + 0.06 / stages, after.accuracy(), EPS);
        assertEquals(before.backwardTransfer() + (j < stages - 1 ? 0.06 / (stages - 1) : 0), after.backwardTransfer(), EPS);
        assertEquals(before.forgetting() - (j < stages - 1 ? 0.06 / (stages - 1) : 0), after.forgetting(), EPS);
    }

    @Property(tries = 100)
    void aPolicyThatNeverChangesHasNoTransferNoForgettingAndNoGain(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int stages) {
        AccuracyMatrix moving = random(seed, stages);
        double[][] still = new double[stages + 1][];
        for (int i = 0; i <= stages; i++) {
            still[i] = moving.accuracy()[0].clone();
        }
        ContinualMeasures measures = ContinualMeasures.of(matrix(stageDomains(stages), still), stageDomains(stages));
        for (double change : new double[] {measures.backwardTransfer(), measures.forwardTransfer(),
                measures.forgetting(), measures.maximumForgetting(), measures.plasticity(),
                measures.heldOutChange().get("h")}) {
            assertEquals(0, change, EPS);
        }
    }

    @Property(tries = 100)
    void aLearnerThatMastersEachDomainAndKeepsItHasFullAccuracyAndForgetsNothing(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int stages) {
        double[][] accuracy = random(seed, stages).accuracy();
        for (int i = 1; i <= stages; i++) {
            for (int j = 0; j < i; j++) {
                accuracy[i][j] = 1;
            }
        }
        ContinualMeasures measures = ContinualMeasures.of(matrix(stageDomains(stages), accuracy), stageDomains(stages));
        assertEquals(1, measures.accuracy(), EPS);
        assertEquals(0, measures.backwardTransfer(), EPS);
        assertEquals(0, measures.forgetting(), EPS);
        assertEquals(0, measures.maximumForgetting(), EPS);
    }

    @Test
    void aThreeStageExampleByHand() {
        // columns d1 d2 d3 h; rows base, after d1, after d2, after d3
        double[][] accuracy = {
            {0.10, 0.20, 0.30, 0.50},
            {0.80, 0.25, 0.30, 0.40},
            {0.85, 0.90, 0.35, 0.45},
            {0.50, 0.70, 0.95, 0.60}};
        ContinualMeasures m = ContinualMeasures.of(matrix(List.of("d1", "d2", "d3"), accuracy),
                List.of("d1", "d2", "d3"));
        assertEquals((0.50 + 0.70 + 0.95) / 3, m.accuracy(), EPS);
        assertEquals(((0.50 - 0.80) + (0.70 - 0.90)) / 2, m.backwardTransfer(), EPS);
        assertEquals(((0.25 - 0.20) + (0.35 - 0.30)) / 2, m.forwardTransfer(), EPS);
        assertEquals(Map.of("d1", 0.80 - 0.50, "d2", 0.90 - 0.70), m.forgettingByDomain());
        assertEquals(((0.80 - 0.50) + (0.90 - 0.70)) / 2, m.forgetting(), EPS);
        // Chaudhry: the best of the rows after d1 and d2 (d1 rose to 0.85 while d2 was trained), not the base
        assertEquals(((0.85 - 0.50) + (0.90 - 0.70)) / 2, m.maximumForgetting(), EPS);
        assertEquals(0.85 - 0.50, m.maximumForgettingByDomain().get("d1"), EPS);
        assertEquals(0.90 - 0.70, m.maximumForgettingByDomain().get("d2"), EPS);
        assertEquals(((0.80 - 0.10) + (0.90 - 0.25) + (0.95 - 0.35)) / 3, m.plasticity(), EPS);
        assertEquals(0.60 - 0.50, m.heldOutChange().get("h"), EPS);
        assertEquals("ACC 71.7  BWT -25.0  FWT +5.0  forgetting +25.0 (max +27.5)  plasticity +65.0\n"
                + "forgetting by domain: d1 +30.0, d2 +20.0\nheld-out change: h +10.0", m.format());
    }

    @Test
    void aDomainTrainedAgainCountsFromItsLatestStageAndTheLastStagesDomainIsNotForgotten() {
        // stages add, reverse, add: columns add reverse h
        double[][] accuracy = {
            {0.1, 0.2, 0.5},
            {0.7, 0.2, 0.5},
            {0.4, 0.8, 0.5},
            {0.9, 0.6, 0.5}};
        ContinualMeasures m = ContinualMeasures.of(new AccuracyMatrix("arm", List.of("add", "reverse", "h"),
                List.of("base", "after add", "after reverse", "after add"), accuracy), List.of("add", "reverse", "add"));
        assertEquals(Map.of("reverse", 0.8 - 0.6), m.forgettingByDomain());
        // GEM counts stages: stage 1 (add) ends at 0.9 from 0.7, stage 2 (reverse) at 0.6 from 0.8
        assertEquals(((0.9 - 0.7) + (0.6 - 0.8)) / 2, m.backwardTransfer(), EPS);
    }

    @Test
    void oneStageHasNoTransferOrForgetting() {
        ContinualMeasures m = ContinualMeasures.of(matrix(List.of("d1"), new double[][] {{0.2, 0.5}, {0.6, 0.4}}),
                List.of("d1"));
        assertEquals(0.6, m.accuracy(), EPS);
        assertEquals(0.4, m.plasticity(), EPS);
        assertTrue(Double.isNaN(m.backwardTransfer()) && Double.isNaN(m.forwardTransfer())
                && Double.isNaN(m.forgetting()) && Double.isNaN(m.maximumForgetting()));
        assertTrue(m.format().startsWith("ACC 60.0  BWT n/a  FWT n/a  forgetting n/a (max n/a)  plasticity +40.0"),
                m.format());
    }

    @Test
    void aMatrixThatDoesNotFitTheStagesIsRejected() {
        AccuracyMatrix matrix = random(1, 2);
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> ContinualMeasures.of(matrix, List.of("d1", "d2", "d3")));
        assertTrue(rows.getMessage().contains("3 rows does not fit 3 stage(s)"), rows.getMessage());
        IllegalArgumentException domain = assertThrows(IllegalArgumentException.class,
                () -> ContinualMeasures.of(matrix, List.of("d1", "x")));
        assertTrue(domain.getMessage().contains("'x' is not evaluated"), domain.getMessage());
    }
}
