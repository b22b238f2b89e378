package org.cpt4j.internal.report;

import java.util.List;

/**
 * One figure of the report: the page's script draws {@code kind} into it, and the caption says how to read it.
 *
 * @param kind what the script draws: {@code steps:<field>} (a step series of every arm, the field of
 *     {@code metrics.jsonl}), {@code diagnostics} (one panel per objective diagnostic), {@code current-accuracy},
 *     {@code domain-accuracy} (a panel per arm), {@code matrix} (a heatmap per arm), {@code forgetting:avalanche},
 *     {@code forgetting:chaudhry}, {@code drift} (a panel per drift value), {@code teacher-advantage} (a panel per
 *     arm that distils)
 * @param title the figure's heading
 * @param caption how to read it
 */
record Figure(String kind, String title, String caption) {

    /** The prefix of a step series' kind. */
    static final String STEPS = "steps:";

    /** The report's figures, by section: each section's heading, then its figures. */
    record Section(String id, String title, List<Figure> figures) {
    }

    /** @return the sections of figures, in the page's order */
    static List<Section> sections() {
        return List.of(
                new Section("training", "Training", List.of(
                        new Figure("steps:rewardMean", "Reward per step",
                                "Mean reward of each step's rollouts, averaged over a window of steps (the window is "
                                        + "named on the axis); dashed lines are stage boundaries, labelled with the "
                                        + "domain the stage trains. Triangles mark collapse events, rollbacks and "
                                        + "plugin failures (hover for the evidence). A rising curve within a stage is "
                                        + "the arm learning its domain."),
                        new Figure("current-accuracy", "Accuracy on the domain being trained",
                                "Greedy held-out accuracy on the current stage's domain at each evaluation (the "
                                        + "base's before the first stage, then inside stages and at their ends). The "
                                        + "line breaks at each stage boundary because the domain changes there."))),
                new Section("accuracy", "Accuracy and forgetting", List.of(
                        new Figure("domain-accuracy", "Accuracy on every domain",
                                "One panel per arm: held-out accuracy on each evaluated domain at each evaluation. "
                                        + "A curve that falls after its own stage ended is forgetting; one that rises "
                                        + "before its stage is transfer."),
                        new Figure("matrix", "Accuracy matrix",
                                "One heatmap per arm: row i is the accuracy after stage i (base: before any "
                                        + "post-training), column j a domain; darker is higher. Read down a column to "
                                        + "follow one domain across the curriculum."),
                        new Figure("forgetting:avalanche", "Forgetting per domain (Avalanche)",
                                "Accuracy just after the domain's own (latest) stage minus the final accuracy, in "
                                        + "points, for each domain trained before the last stage. Positive is "
                                        + "forgetting, negative is a later gain. Over several seeds, the mean; hover "
                                        + "for each seed's value."),
                        new Figure("forgetting:chaudhry", "Forgetting per domain (Chaudhry et al. 2018)",
                                "The best accuracy any stage before the last reached on the domain minus the final "
                                        + "accuracy, in points: never below the Avalanche value, since it also counts "
                                        + "gains the domain made after its own stage and then lost."))),
                new Section("drift", "Drift from the base", List.of(
                        new Figure("drift", "Parameter, spectral and response drift",
                                "One panel per drift value, measured after each stage against the base model: "
                                        + "parameter drift (relative norm of the change, angle), spectral drift "
                                        + "(shift of singular values, rotation of the top subspace) and response drift "
                                        + "(token KL and changed greedy answers on a fixed probe set). Higher is "
                                        + "further from the base."))),
                new Section("behaviour", "Responses", List.of(
                        new Figure("steps:entropy", "Entropy",
                                "Mean entropy of the sampling policy over response tokens, averaged over a window of "
                                        + "steps. A fall toward 0 is the policy becoming deterministic; a sudden fall "
                                        + "often precedes a collapse."),
                        new Figure("steps:meanLength", "Response length",
                                "Mean generated tokens per rollout, averaged over a window of steps."),
                        new Figure("steps:truncatedFraction", "Truncated responses",
                                "Fraction of rollouts that hit the length limit without closing their answer, "
                                        + "averaged over a window of steps. A rise is responses running on."),
                        new Figure("steps:formatValid", "Well-formed answers",
                                "Fraction of rollouts with well-formed answer tags, averaged over a window of steps. "
                                        + "A fall is a formatting artefact spreading."),
                        new Figure("steps:repetition", "Repeating responses",
                                "Fraction of rollouts that loop (some three tokens in a row occur three times in the "
                                        + "response), averaged over a window of steps: the artefact that "
                                        + "self-distillation can amplify into a collapse."))),
                new Section("objective", "Objective", List.of(
                        new Figure("teacher-advantage", "The teacher's advantage",
                                "One panel per arm that distils from a teacher: on each domain, the teacher's "
                                        + "held-out accuracy with the worked solution as privileged context minus the "
                                        + "student's, in points, before the first stage and after each. This is the "
                                        + "signal SDPO distils: where it is near zero, the teacher has nothing to teach; "
                                        + "a frozen teacher's advantage shrinks as the student catches up, a moving "
                                        + "teacher's moves with it. (A teacher that mixes two models' logits is not "
                                        + "scored.)"),
                        new Figure("diagnostics", "Objective diagnostics",
                                "One panel per diagnostic the objectives report, averaged over a window of steps: "
                                        + "for SDPO the teacher-student divergence and the fraction of rollouts whose "
                                        + "teacher saw a worked solution or a successful sibling; for GRPO the clip "
                                        + "fraction and the KL estimate. An arm without a diagnostic has no line in "
                                        + "its panel."),
                        new Figure("steps:referenceKl", "KL to the reference",
                                "Mean log π_old − log π_ref over response tokens (the k1 estimate of the KL from the "
                                        + "policy when post-training started), averaged over a window of steps: how "
                                        + "far the sampling policy has moved, step by step."),
                        new Figure("steps:gradientNorm", "Gradient norm",
                                "Global gradient norm before clipping, averaged over a window of steps."))));
    }
}
