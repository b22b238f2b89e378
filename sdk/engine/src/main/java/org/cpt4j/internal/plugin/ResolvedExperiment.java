package org.cpt4j.internal.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.domain.Domain;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.experiment.ArmChange;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.CollapseAction;
import org.cpt4j.experiment.CollapseRule;
import org.cpt4j.experiment.ComponentSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.RewardSpec;
import org.cpt4j.objective.Objective;
import org.cpt4j.plugin.ComponentKind;
import org.cpt4j.reward.WeightedReward;
import org.cpt4j.spec.Problems;
import org.cpt4j.teacher.TeacherSchedule;

/**
 * An experiment spec with every component created by the registry: the domains of the base mix, the
 * curriculum and the extra evaluations, and each arm's objective, teacher and reward. {@link #resolve} checks
 * everything at once and reports every problem with its path.
 *
 * @param spec the spec made {@linkplain #explicit explicit}: every component's parameters written, so that what a
 *     run directory records does not change meaning when a plugin's default does
 * @param domains every domain the spec names, by id, in order of first mention
 * @param arms the arms' components, in the spec's order
 * @param drift the drift metrics, in the spec's order
 * @param registry the registry, to create a fresh set of collapse detectors for each arm ({@link #collapseDetectors})
 */
public record ResolvedExperiment(ExperimentSpec spec, Map<String, Domain> domains, List<Arm> arms,
                                 List<DriftMetric> drift, PluginRegistry registry) {

    /** The frozen teacher, used when an arm names none. */
    static final ComponentSpec DEFAULT_TEACHER = ComponentSpec.of("frozen");
    /** The verifier's correctness, used when an arm names no reward. */
    static final RewardSpec DEFAULT_REWARD = new RewardSpec("correct", 1, ComponentSpec.of("correctness"));

    /** One arm's components. */
    public record Arm(ArmSpec spec, Objective objective, TeacherSchedule teacher, WeightedReward reward) {
    }

    /**
     * @return the resolved experiment
     * @throws org.cpt4j.spec.InvalidSpecException listing every unknown id and invalid parameter with its path
     */
    public static ResolvedExperiment resolve(ExperimentSpec spec, PluginRegistry registry) {
        Problems problems = new Problems("");
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (int i = 0; i < spec.base().mix().size(); i++) {
            domain(registry, spec.base().mix().get(i), "base.mix[" + i + "]", problems, domains);
        }
        for (int i = 0; i < spec.curriculum().stages().size(); i++) {
            domain(registry, spec.curriculum().stages().get(i).domain(), "curriculum.stages[" + i + "].domain", problems,
                    domains);
        }
        for (int i = 0; i < spec.curriculum().evaluateOn().size(); i++) {
            domain(registry, spec.curriculum().evaluateOn().get(i), "curriculum.evaluateOn[" + i + "]", problems, domains);
        }
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < spec.arms().size(); i++) {
            ArmSpec arm = spec.arms().get(i);
            String path = "arms[" + i + "]";
            Objective objective = registry.createForRun(ComponentKind.OBJECTIVE, arm.objective(), path + ".objective", problems);
            TeacherSchedule teacher = registry.createForRun(ComponentKind.TEACHER,
                    arm.teacher() != null ? arm.teacher() : DEFAULT_TEACHER, path + ".teacher", problems);
            List<RewardSpec> rewardSpecs = arm.rewards().isEmpty() ? List.of(DEFAULT_REWARD) : arm.rewards();
            List<WeightedReward.Component> components = new ArrayList<>();
            for (int r = 0; r < rewardSpecs.size(); r++) {
                RewardSpec reward = rewardSpecs.get(r);
                var model = registry.createForRun(ComponentKind.REWARD, reward.model(), path + ".rewards[" + r + "].model",
                        problems);
                if (model != null) {
                    components.add(new WeightedReward.Component(reward.name(), reward.weight(), model));
                }
            }
            if (objective != null && teacher != null && components.size() == rewardSpecs.size()) {
                arms.add(new Arm(arm, objective, teacher, new WeightedReward(components)));
            }
        }
        List<DriftMetric> drift = new ArrayList<>();
        for (int i = 0; i < spec.drift().size(); i++) {
            DriftMetric metric = registry.createForRun(ComponentKind.DRIFT, spec.drift().get(i), "drift[" + i + "]", problems);
            if (metric != null) {
                drift.add(metric);
            }
        }
        for (int i = 0; i < spec.collapse().size(); i++) {
            CollapseRule rule = spec.collapse().get(i);
            registry.create(ComponentKind.COLLAPSE, rule.detector(), "collapse[" + i + "].detector", problems);
            if (rule.action().change() != null && rule.action().change().teacher() != null) {
                registry.create(ComponentKind.TEACHER, rule.action().change().teacher(),
                        "collapse[" + i + "].action.change.teacher", problems);
            }
        }
        problems.throwIfAny("experiment '" + spec.name() + "'");
        return new ResolvedExperiment(explicit(spec, registry), Collections.unmodifiableMap(domains),
                List.copyOf(arms), List.copyOf(drift), registry);
    }

    /**
     * @return {@code spec} with each component it names written with every parameter (its own laid over the
     *     component's defaults); a missing teacher or reward stays missing
     * @throws org.cpt4j.spec.InvalidSpecException listing every unknown id and invalid parameter with its path
     */
    public static ExperimentSpec explicit(ExperimentSpec spec, PluginRegistry registry) {
        Problems problems = new Problems("");
        List<ArmSpec> arms = new ArrayList<>();
        for (int i = 0; i < spec.arms().size(); i++) {
            ArmSpec arm = spec.arms().get(i);
            String path = "arms[" + i + "]";
            List<RewardSpec> rewards = new ArrayList<>();
            for (int r = 0; r < arm.rewards().size(); r++) {
                RewardSpec reward = arm.rewards().get(r);
                rewards.add(new RewardSpec(reward.name(), reward.weight(), explicit(registry, ComponentKind.REWARD,
                        reward.model(), path + ".rewards[" + r + "].model", problems)));
            }
            arms.add(new ArmSpec(arm.name(),
                    explicit(registry, ComponentKind.OBJECTIVE, arm.objective(), path + ".objective", problems),
                    arm.teacher() == null ? null
                            : explicit(registry, ComponentKind.TEACHER, arm.teacher(), path + ".teacher", problems),
                    rewards, arm.training()));
        }
        List<ComponentSpec> drift = new ArrayList<>();
        for (int i = 0; i < spec.drift().size(); i++) {
            drift.add(explicit(registry, ComponentKind.DRIFT, spec.drift().get(i), "drift[" + i + "]", problems));
        }
        List<CollapseRule> collapse = new ArrayList<>();
        for (int i = 0; i < spec.collapse().size(); i++) {
            CollapseRule rule = spec.collapse().get(i);
            ArmChange change = rule.action().change();
            ArmChange explicitChange = change == null || change.teacher() == null ? change
                    : new ArmChange(change.learningRateScale(), explicit(registry, ComponentKind.TEACHER,
                            change.teacher(), "collapse[" + i + "].action.change.teacher", problems));
            collapse.add(new CollapseRule(explicit(registry, ComponentKind.COLLAPSE, rule.detector(),
                    "collapse[" + i + "].detector", problems),
                    new CollapseAction(rule.action().kind(), explicitChange, rule.action().maxTimes())));
        }
        problems.throwIfAny("experiment '" + spec.name() + "'");
        return new ExperimentSpec(spec.format(), spec.version(), spec.name(), spec.seed(), spec.base(),
                spec.curriculum(), spec.training(), spec.evaluation(), arms, drift, collapse);
    }

    /** @return the explicit form of {@code component}, or it unchanged after recording why it has none */
    private static ComponentSpec explicit(PluginRegistry registry, ComponentKind<?> kind, ComponentSpec component,
                                          String path, Problems problems) {
        ComponentSpec explicit = registry.explicit(kind, component, path, problems);
        return explicit != null ? explicit : component;
    }

    private static void domain(PluginRegistry registry, String id, String path, Problems problems,
                               Map<String, Domain> domains) {
        if (!domains.containsKey(id)) {
            Domain domain = registry.create(ComponentKind.DOMAIN, ComponentSpec.of(id), path, problems);
            if (domain != null) {
                domains.put(id, domain);
            }
        }
    }

    /** @return new instances of the spec's collapse detectors (they keep state, so each arm gets its own) */
    public List<CollapseDetector> collapseDetectors() {
        Problems problems = new Problems("");
        List<CollapseDetector> detectors = new ArrayList<>();
        for (int i = 0; i < spec.collapse().size(); i++) {
            CollapseDetector detector = registry.createForRun(ComponentKind.COLLAPSE, spec.collapse().get(i).detector(),
                    "collapse[" + i + "]", problems);
            if (detector != null) {
                detectors.add(detector);
            }
        }
        problems.throwIfAny("collapse detectors");
        return detectors;
    }

    /** @return a new teacher schedule of {@code spec} (one the spec names in a collapse rule, checked when resolved) */
    public TeacherSchedule teacher(ComponentSpec spec) {
        Problems problems = new Problems("");
        TeacherSchedule teacher = registry.createForRun(ComponentKind.TEACHER, spec, "teacher", problems);
        problems.throwIfAny("teacher schedule");
        return java.util.Objects.requireNonNull(teacher);
    }

    /** @return the domain of {@code id} (one the spec names) */
    public Domain domain(String id) {
        Domain domain = domains.get(id);
        if (domain == null) {
            throw new IllegalArgumentException("the experiment names no domain '" + id + "'");
        }
        return domain;
    }
}
