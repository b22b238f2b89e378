package org.cpt4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Property
    void aKnownNameSuggestsItself(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String name,
                                  @ForAll @AlphaChars @StringLength(min = 1, max = 12) String other) {
        assertEquals(Optional.of(name), Suggestions.closest(name, List.of(other, name)).filter(name::equals)
                .or(() -> Suggestions.closest(name, List.of(other, name)).filter(s -> s.equalsIgnoreCase(name))
                        .map(s -> name)));
    }

    @Property
    void editDistanceIsAMetric(@ForAll @StringLength(max = 8) String a, @ForAll @StringLength(max = 8) String b,
                               @ForAll @StringLength(max = 8) String c) {
        assertEquals(Suggestions.editDistance(a, b), Suggestions.editDistance(b, a));
        assertEquals(0, Suggestions.editDistance(a, a));
        assertEquals(true, Suggestions.editDistance(a, c) <= Suggestions.editDistance(a, b) + Suggestions.editDistance(b, c));
        assertEquals(true, Suggestions.editDistance(a, b) <= Math.max(a.length(), b.length()));
    }

    @Test
    void caseComesBeforeDistance() {
        assertEquals(Optional.of("groupSize"), Suggestions.closest("groupsize", List.of("groupSizes", "groupSize")));
        assertEquals(Optional.of("seed"), Suggestions.closest("seeed", List.of("name", "seed")));
        assertEquals(Optional.empty(), Suggestions.closest("batch", List.of("promptsPerStep", "groupSize")));
        assertEquals("", Suggestions.didYouMean("batch", List.of()));
    }
}
