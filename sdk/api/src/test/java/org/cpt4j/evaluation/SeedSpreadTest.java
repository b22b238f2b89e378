package org.cpt4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {

    private static Evaluation evaluation(double addStudent, double addTeacher, double countStudent, double countTeacher) {
        return new Evaluation(
                List.of(new DomainScore("add", "arithmetic", 100, addStudent, 1, 5),
                        new DomainScore("count", "logic", 100, countStudent, 1, 4)),
                List.of(new DomainScore("add", "arithmetic", 100, addTeacher, 1, 5),
                        new DomainScore("count", "logic", 100, countTeacher, 1, 4)));
    }

    private static SeedSpread random(long seed, int seeds) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            evaluations.add(evaluation(random.nextInt(101) / 100.0, random.nextInt(101) / 100.0,
                    random.nextInt(101) / 100.0, random.nextInt(101) / 100.0));
        }
        return new SeedSpread(LongStream.range(7, 7 + seeds).boxed().toList(), evaluations);
    }

    @Property(tries = 200)
    void theMeanLiesBetweenTheExtremesAndTheSpreadIsZeroOnlyWhenTheSeedsAgree(@ForAll long seed,
                                                                              @ForAll @IntRange(min = 1, max = 6) int seeds) {
        for (SeedSpread.Row row : random(seed, seeds).rows()) {
            for (SeedSpread.Statistic statistic : List.of(row.student(), row.teacher(), row.advantage())) {
                assertTrue(statistic.min() <= statistic.mean() + 1e-9 && statistic.mean() <= statistic.max() + 1e-9);
                assertEquals(seeds, statistic.perSeed().size());
                boolean agree = statistic.perSeed().stream().distinct().count() == 1;
                assertEquals(agree, statistic.spread() == 0, statistic.toString());
            }
        }
    }

    @Property(tries = 200)
    void eachSeedsAdvantageIsItsTeacherMinusItsStudent(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int seeds) {
        for (SeedSpread.Row row : random(seed, seeds).rows()) {
            for (int s = 0; s < seeds; s++) {
                assertEquals(row.teacher().perSeed().get(s) - row.student().perSeed().get(s),
                        row.advantage().perSeed().get(s), 1e-9);
            }
        }
    }

    @Test
    void threeSeedsByHand() {
        SeedSpread spread = new SeedSpread(List.of(7L, 8L, 9L), List.of(evaluation(0.27, 0.97, 0.43, 1.0),
                evaluation(0.24, 0.92, 0.48, 1.0), evaluation(0.36, 0.98, 0.40, 1.0)));
        SeedSpread.Row add = spread.rows().get(0);
        assertEquals(29.0, add.student().mean(), 1e-9);
        assertEquals(Math.sqrt((4 + 25 + 49) / 2.0), add.student().spread(), 1e-9, "sample standard deviation");
        assertEquals(62.0, add.advantage().min(), 1e-9);
        assertEquals(70.0, add.advantage().max(), 1e-9);
        assertEquals(List.of(70.0, 68.0, 62.0), add.advantage().perSeed().stream().map(Math::rint).toList());
        assertEquals("""
                domain     family       student %                  teacher %                  advantage (points)
                                        mean ± sd   seeds 7|8|9    mean ± sd   seeds 7|8|9    mean ± sd   min
                add        arithmetic    29.0 ±  6.2  27|24|36      95.7 ±  3.2  97|92|98      +66.7 ±  4.2   +62
                count      logic         43.7 ±  4.0  43|48|40     100.0 ±  0.0  100|100|100   +56.3 ±  4.0   +52
                """, spread.table());
    }

    @Test
    void evaluationsMustCoverTheSameDomains() {
        Evaluation other = new Evaluation(List.of(new DomainScore("mod", "arithmetic", 100, 0.2, 1, 4)),
                List.of(new DomainScore("mod", "arithmetic", 100, 0.9, 1, 4)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SeedSpread(List.of(7L, 8L), List.of(evaluation(0.1, 0.9, 0.4, 1), other)));
        assertTrue(error.getMessage().contains("must cover [add, count], one covers [mod]"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeedSpread(List.of(7L), List.of()));
    }
}
