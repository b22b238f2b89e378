package org.cpt4j.kotlin

import org.cpt4j.experiment.ComponentSpec
import org.cpt4j.plugins.collapse.Collapse
import org.cpt4j.plugins.drift.Drift
import org.cpt4j.plugins.logging.Loggers
import org.cpt4j.plugins.rewards.Rewards
import org.cpt4j.plugins.teachers.Teachers

// The built-in components by kind, in reach of the scopes that take them (an arm's teacher, a rollback's teacher,
// the experiment's drift metrics, ...). Each delegates to the plugin's own declaration, which holds its id,
// parameters and defaults; nothing is said again here.

/** The built-in teacher schedules ([Teachers]): `teacher = ema(0.05)`. */
public interface TeacherFactories {

    /** @return `frozen`: the weights when post-training started */
    public fun frozen(): ComponentSpec = Teachers.frozen()

    /** @return `current`: the live policy */
    public fun current(): ComponentSpec = Teachers.current()

    /** @return `ema`: a moving average with [rate] per applied step */
    public fun ema(rate: Double): ComponentSpec = Teachers.ema(rate)

    /** @return `periodic`: a copy every [every] steps */
    public fun periodic(every: Int): ComponentSpec = Teachers.periodic(every)

    /** @return `stageStart`: a copy at each stage's start */
    public fun stageStart(): ComponentSpec = Teachers.stageStart()

    /** @return `anchored`: `γ·anchor + (1 − γ)·policy` with γ [anchorWeight] */
    public fun anchored(anchorWeight: Double): ComponentSpec = Teachers.anchored(anchorWeight)

    /** @return `trustRegion`: logits `lerp(anchor, policy, rate)` */
    public fun trustRegion(rate: Double): ComponentSpec = Teachers.trustRegion(rate)
}

/** The built-in reward models ([Rewards]): `reward("format", 0.1, format())`. */
public interface RewardFactories {

    /** @return `correctness`: 1 when the verifier judges the response correct, else 0 */
    public fun correctness(): ComponentSpec = Rewards.CORRECTNESS.spec()

    /** @return `format`: 1 when the response's answer tags are well-formed, else 0 */
    public fun format(): ComponentSpec = Rewards.FORMAT.spec()

    /** @return `lengthPenalty`: 0 within [budget] tokens, −1 at twice the budget */
    public fun lengthPenalty(budget: Int): ComponentSpec = Rewards.LENGTH_PENALTY.spec(Rewards.Budget(budget))
}

/** The built-in drift metrics ([Drift]): `drift(parameters(), spectral(), responses())`. */
public interface DriftFactories {

    /** @return `parameters`: relative update norm, angle and changed fraction against the base */
    public fun parameters(): ComponentSpec = Drift.parameters()

    /** @return `spectral` with its default number of principal directions per matrix */
    public fun spectral(): ComponentSpec = Drift.spectral()

    /** @return `spectral`: spectrum shift, subspace rotation, update energy in the top [topK] directions */
    public fun spectral(topK: Int): ComponentSpec = Drift.spectral(topK)

    /** @return `responses`: per-token KL on the policy's samples, changed greedy responses, length change */
    public fun responses(): ComponentSpec = Drift.responses()
}

/** The built-in collapse detectors ([Collapse]): `collapse(entropyBelow(0.05), nonFinite())`. */
public interface CollapseFactories {

    /** @return `entropyBelow`: the sampling entropy under [threshold] for 3 steps */
    public fun entropyBelow(threshold: Double): ComponentSpec = Collapse.entropyBelow(threshold)

    /** @return `formatFailureAbove`: the malformed-answer rate over [rate] for 3 steps */
    public fun formatFailureAbove(rate: Double): ComponentSpec = Collapse.formatFailureAbove(rate)

    /** @return `truncationAbove`: the share of rollouts that hit the length limit over [rate] for 3 steps */
    public fun truncationAbove(rate: Double): ComponentSpec = Collapse.truncationAbove(rate)

    /** @return `repetitionAbove`: the share of looping responses over [rate] for 3 steps */
    public fun repetitionAbove(rate: Double): ComponentSpec = Collapse.repetitionAbove(rate)

    /** @return `divergenceAbove`: the objective's teacher-student divergence over [threshold] for 3 steps */
    public fun divergenceAbove(threshold: Double): ComponentSpec = Collapse.divergenceAbove(threshold)

    /** @return `nonFinite`: any step with a non-finite loss or gradient */
    public fun nonFinite(): ComponentSpec = Collapse.nonFinite()
}

/** The built-in run loggers ([Loggers]): `loggers(csv())`. */
public interface LoggerFactories {

    /** @return `csv`, writing `<run-dir>/scalars.csv` */
    public fun csv(): ComponentSpec = Loggers.csv()

    /** @return `csv`, writing [file] (relative to the run's directory) */
    public fun csv(file: String): ComponentSpec = Loggers.csv(file)
}
