package org.cpt4j.reward;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.domain.Task;
import org.cpt4j.domain.Verdict;

/**
 * A weighted sum of named reward components, {@code r = Σ w_i·r_i} over the components that could score the response
 * (TRL's {@code nansum}); a response none could score is {@link RewardModel#UNSCORABLE}. Every component's score is
 * reported on its own so that the trainer logs it separately.
 *
 * @param components the components, in report order; names are unique
 */
public record WeightedReward(List<Component> components) {

    /** One named, weighted reward model. */
    public record Component(String name, double weight, RewardModel model) {
    }

    /** A response's reward ({@link RewardModel#UNSCORABLE} when no component scored it) and each component's unweighted score. */
    public record Score(double total, Map<String, Double> components) {

        /** @return whether some component scored the response */
        public boolean scorable() {
            return !Double.isNaN(total);
        }
    }

    public WeightedReward {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a reward needs at least one component");
        }
        if (components.stream().map(Component::name).distinct().count() != components.size()) {
            throw new IllegalArgumentException("reward component names must be unique, were "
                    + components.stream().map(Component::name).toList());
        }
    }

    /** @return the response's reward and every component's score */
    public Score score(Task task, String response, Verdict verdict, int tokens) {
        Map<String, Double> scores = new LinkedHashMap<>();
        double total = 0;
        boolean scored = false;
        for (Component component : components) {
            double value = component.model().score(task, response, verdict, tokens);
            if (Double.isInfinite(value)) {
                throw new IllegalStateException("reward component '" + component.name() + "' returned " + value
                        + " for task " + task.question() + "; a response it cannot score gets RewardModel.UNSCORABLE");
            }
            scores.put(component.name(), value);
            if (!Double.isNaN(value)) {
                total += component.weight() * value;
                scored = true;
            }
        }
        return new Score(scored ? total : RewardModel.UNSCORABLE, scores);
    }
}
