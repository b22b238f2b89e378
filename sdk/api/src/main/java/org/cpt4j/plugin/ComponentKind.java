package org.cpt4j.plugin;

import java.util.List;
import org.cpt4j.collapse.CollapseDetector;
import org.cpt4j.domain.Domain;
import org.cpt4j.drift.DriftMetric;
import org.cpt4j.logging.RunLogger;
import org.cpt4j.objective.Objective;
import org.cpt4j.reward.RewardModel;
import org.cpt4j.teacher.TeacherSchedule;

/**
 * The kinds of components a plugin contributes, each with the type its components are.
 *
 * @param <T> what a component of this kind is
 */
public final class ComponentKind<T> {

    /** Objectives (GRPO, SDPO, ...). */
    public static final ComponentKind<Objective> OBJECTIVE = new ComponentKind<>("objective", Objective.class);
    /** Teacher schedules. */
    public static final ComponentKind<TeacherSchedule> TEACHER = new ComponentKind<>("teacher", TeacherSchedule.class);
    /** Reward models. */
    public static final ComponentKind<RewardModel> REWARD = new ComponentKind<>("reward", RewardModel.class);
    /** Verifiable domains. */
    public static final ComponentKind<Domain> DOMAIN = new ComponentKind<>("domain", Domain.class);
    /** Drift metrics. */
    public static final ComponentKind<DriftMetric> DRIFT = new ComponentKind<>("drift", DriftMetric.class);
    /** Collapse detectors. */
    public static final ComponentKind<CollapseDetector> COLLAPSE = new ComponentKind<>("collapse", CollapseDetector.class);

    /** Run loggers: where a run's scalars go besides its own files (chosen per run, not per spec). */
    public static final ComponentKind<RunLogger> LOGGER = new ComponentKind<>("logger", RunLogger.class);

    private static final List<ComponentKind<?>> ALL = List.of(OBJECTIVE, TEACHER, REWARD, DOMAIN, DRIFT, COLLAPSE,
            LOGGER);

    private final String name;
    private final Class<T> type;

    private ComponentKind(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** @return every kind */
    public static List<ComponentKind<?>> values() {
        return ALL;
    }

    /** @return the kind's name, e.g. {@code objective} */
    public String name() {
        return name;
    }

    /** @return the type its components are */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
