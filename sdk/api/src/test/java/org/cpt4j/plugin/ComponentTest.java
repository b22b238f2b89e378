package org.cpt4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.spec.InvalidSpecException;
import org.cpt4j.spec.Problem;
import org.cpt4j.spec.Problems;
import org.junit.jupiter.api.Test;

/** One declaration: its defaults, the specs it writes, and what it creates from a spec's parameters. */
class ComponentTest {

    /** How a shaped reward reads its inputs: a nested record, like SDPO's {@code grpo}. */
    record Shape(double scale, int floor) {
        Shape {
            new Problems("reward").require(scale > 0, "scale", "must be positive, was " + scale)
                    .throwIfAny("shape");
        }
    }

    /** The parameters of {@code shaped}. */
    record Shaped(int budget, boolean strict, Shape shape) {
        Shaped {
            new Problems("reward").require(budget >= 1, "budget", "must be at least 1, was " + budget)
                    .throwIfAny("shaped parameters");
        }
    }

    private static final Component<Shaped, RewardModel> SHAPED = Component.of(ComponentKind.REWARD, "shaped",
            new Shaped(16, false, new Shape(1.0, 0)), p -> (task, response, verdict, tokens) -> p.budget());

    @Test
    void itsSpecWritesEveryParameterNestedRecordsIncluded() {
        assertEquals(ComponentSpec.of("shaped", Map.of("budget", 16, "strict", false,
                "shape", Map.of("scale", 1.0, "floor", 0))), SHAPED.spec());
        assertEquals(Map.of("budget", 16L, "strict", false, "shape", Map.of("floor", 0L, "scale", 1.0)),
                SHAPED.spec(new Shaped(16, false, new Shape(1.0, 0))).parameters());
    }

    @Test
    void aSpecsParametersAreLaidOverTheDefaultsFieldByField() {
        assertEquals(new Shaped(4, false, new Shape(2.5, 0)),
                SHAPED.parameters(Map.of("budget", 4, "shape", Map.of("scale", 2.5))));
        assertEquals(SHAPED.defaults(), SHAPED.parameters(Map.of()));
        assertEquals(SHAPED.spec(new Shaped(16, true, new Shape(1.0, 0))), SHAPED.explicit(Map.of("strict", true)));
    }

    @Test
    void unknownParametersAreListedWithTheKnownOnesAtEveryLevel() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> SHAPED.create(Map.of("budgte", 4, "shape", Map.of("scael", 2.0))));
        assertEquals(List.of(
                new Problem("reward.budgte", "is not a parameter of 'shaped'; did you mean 'budget'? Its parameters are [budget, shape, strict]"),
                new Problem("reward.shape.scael",
                        "is not a parameter of 'shaped'; did you mean 'scale'? Its parameters under shape are [floor, scale]")),
                error.problems().stream().sorted(java.util.Comparator.comparing(Problem::path)).toList());
    }

    @Test
    void aNestedRecordsProblemsAreReportedUnderItsName() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> SHAPED.create(Map.of("shape", Map.of("scale", -1.0))));
        assertEquals(List.of(new Problem("reward.shape.scale", "must be positive, was -1.0")), error.problems());
        InvalidSpecException top = assertThrows(InvalidSpecException.class, () -> SHAPED.create(Map.of("budget", 0)));
        assertEquals(List.of(new Problem("reward.budget", "must be at least 1, was 0")), top.problems());
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemAtItsParameter() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> SHAPED.create(Map.of("budget", "many")));
        assertEquals("reward.budget", error.problems().get(0).path());
        assertEquals(true, error.problems().get(0).message().startsWith("must be an integer"), error.getMessage());
    }

    /** As in spec files, nothing is coerced: a string is no number or flag, a fraction no integer. */
    @Test
    void parametersAreReadStrictly() {
        for (Map<String, Object> given : List.<Map<String, Object>>of(Map.of("budget", "16"), Map.of("budget", 1.5),
                Map.of("strict", "true"), Map.of("shape", Map.of("scale", "2.0")))) {
            InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> SHAPED.create(given),
                    given::toString);
            assertEquals(true, error.problems().get(0).message().startsWith("must be "), error.getMessage());
        }
        assertEquals("reward.shape.scale", assertThrows(InvalidSpecException.class,
                () -> SHAPED.create(Map.of("shape", Map.of("scale", "2.0")))).problems().get(0).path());
        assertEquals(List.of("reward.budgt", "reward.budget"), assertThrows(InvalidSpecException.class,
                () -> SHAPED.create(Map.of("budgt", 3L, "budget", "3"))).problems().stream().map(Problem::path).toList(),
                "a wrong type is found beside an unknown name");
        assertEquals(8, SHAPED.parameters(Map.of("budget", 8L)).budget(), "an integral number is an integer");
        assertEquals(3.0, SHAPED.parameters(Map.of("shape", Map.of("scale", 3L))).shape().scale(),
                "an integer is a number");
    }

    @Test
    void aComponentWithoutParametersIsCreatedAfreshForEachSpec() {
        Component<NoParameters, RewardModel> fresh = Component.of(ComponentKind.REWARD, "fresh", Counting::new);
        assertEquals(ComponentSpec.of("fresh"), fresh.spec());
        assertNotSame(fresh.create(Map.of()), fresh.create(Map.of()));
        assertThrows(InvalidSpecException.class, () -> fresh.create(Map.of("size", 3)));
    }

    @Test
    void aBlankIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Component.of(ComponentKind.REWARD, " ",
                () -> (RewardModel) (task, response, verdict, tokens) -> 0));
    }

    /** A spec written from parameters reads back as the same parameters: what makes a recorded spec explicit. */
    @Property
    void aSpecReadsBackAsItsParameters(@ForAll @IntRange(min = 1, max = 1000) int budget, @ForAll boolean strict,
                                       @ForAll @DoubleRange(min = 1e-6, max = 1e6) @Scale(9) double scale,
                                       @ForAll @IntRange(min = -5, max = 5) int floor) {
        Shaped parameters = new Shaped(budget, strict, new Shape(scale, floor));
        ComponentSpec spec = SHAPED.spec(parameters);
        assertEquals(parameters, SHAPED.parameters(spec.parameters()));
        assertEquals(spec, SHAPED.explicit(spec.parameters()));
    }

    /** A reward with state of its own, so that each spec must get its own. */
    private static final class Counting implements RewardModel {
        private int calls;

        @Override
        public double score(Task task, String response, Verdict verdict, int tokens) {
            return ++calls;
        }
    }
}
