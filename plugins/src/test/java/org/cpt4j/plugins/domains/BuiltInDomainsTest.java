package org.cpt4j.plugins.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cpt4j.domain.Domain;
import org.junit.jupiter.api.Test;

class BuiltInDomainsTest {

    @Test
    void eightDomainsInThreeFamilies() {
        Map<String, List<String>> families = Domains.builtIns().stream().collect(Collectors.groupingBy(Domain::family,
                Collectors.mapping(Domain::id, Collectors.toList())));
        assertEquals(Map.of(
                Domains.ARITHMETIC, List.of("add", "add-long", "mod"),
                Domains.STRINGS, List.of("reverse", "sort", "copy"),
                Domains.LOGIC, List.of("count", "compare")), families);
    }
}
