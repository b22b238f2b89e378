package org.cpt4j.plugins.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.drift.PolicyComparison;

/**
 * {@code responses}: how the policy's behaviour moved from the base's on the fixed probe prompts (the study's
 * response drift):
 * <ul>
 *   <li>{@code token_kl}: {@code KL(π_θ ‖ π_ref)} per token on the policy's own samples
 *       ({@link PolicyComparison#sampledTokenKl()});</li>
 *   <li>{@code greedy_changed}: the fraction of probes whose greedy response changed;</li>
 *   <li>{@code length_change}: mean greedy response length minus the base's, in tokens.</li>
 * </ul>
 */
public final class ResponseDrift implements DriftMetric {

    @Override
    public String id() {
        return "responses";
    }

    @Override
    public Map<String, Double> measure(PolicyComparison policies) {
        List<PolicyComparison.ProbeResponse> probes = policies.greedyResponses();
        double changed = 0;
        double lengthChange = 0;
        for (PolicyComparison.ProbeResponse probe : probes) {
            changed += probe.current().equals(probe.reference()) ? 0 : 1;
            lengthChange += probe.currentTokens() - probe.referenceTokens();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("token_kl", policies.sampledTokenKl());
        out.put("greedy_changed", probes.isEmpty() ? 0 : changed / probes.size());
        out.put("length_change", probes.isEmpty() ? 0 : lengthChange / probes.size());
        return out;
    }
}
