package org.cpt4j.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.domain.Domain;
import org.cpt4j.plugins.domains.Domains;
import org.cpt4j.spec.Problems;

/** The domains the command line knows, by id. */
final class DomainCatalog {

    private final Map<String, Domain> byId = new LinkedHashMap<>();

    private DomainCatalog(List<Domain> domains) {
        domains.forEach(domain -> byId.put(domain.id(), domain));
    }

    static DomainCatalog builtIns() {
        return new DomainCatalog(Domains.builtIns());
    }

    List<Domain> all() {
        return List.copyOf(byId.values());
    }

    /**
     * @return the domains of {@code ids}, in order
     * @throws org.cpt4j.spec.InvalidSpecException listing every unknown id with the known ones and the closest
     */
    List<Domain> resolve(String path, List<String> ids) {
        Problems problems = new Problems("");
        List<Domain> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Domain domain = byId.get(ids.get(i));
            if (domain == null) {
                problems.add(path + "[" + i + "]", "unknown domain '" + ids.get(i) + "'; did you mean '"
                        + closest(ids.get(i)) + "'? Known: " + String.join(", ", byId.keySet()));
            } else {
                out.add(domain);
            }
        }
        problems.throwIfAny("domain list");
        return out;
    }

    private String closest(String id) {
        return byId.keySet().stream().min(Comparator.comparingInt(known -> editDistance(id, known))).orElse("");
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
