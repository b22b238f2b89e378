package org.cpt4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.cpt4j.collapse.CollapseEvent;
import org.cpt4j.experiment.ArmSpec;
import org.cpt4j.experiment.ExperimentSpec;
import org.cpt4j.experiment.StageSpec;
import org.cpt4j.run.EvaluationPoint;
import org.cpt4j.run.RunListener;
import org.cpt4j.run.StepMetrics;

/**
 * One display for a whole experiment on standard error. On a terminal a status line is redrawn in place (cleared
 * first) a few times a second: the arm (i of n), the stage (j of m) and its domain, the step, the reward (averaged
 * over recent steps), the current domain's accuracy at the arm's last evaluation, the collapse events so far and
 * the time left for the experiment; while an arm is evaluated it shows how many domains are scored. Otherwise (a
 * log, CI) a plain line for each tenth of a stage, without carriage returns. In both, each stage's evaluation,
 * each collapse event and each resumed arm get a line of their own. Pretraining has its own {@link ProgressBar}.
 */
final class ExperimentProgress implements RunListener {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final double SMOOTHING = 0.1;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final List<String> arms = new ArrayList<>();
    private final List<StageSpec> stages;
    private final long stepsPerArm;
    private final ProgressBar pretraining;
    private final Map<String, Long> done = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> lastAccuracy = new LinkedHashMap<>();
    private int collapses;
    private long trainedHere;
    private long startedNanos = -1;
    private long lastDraw;
    private double reward = Double.NaN;
    private boolean lineOpen;

    /**
     * @param terminal whether {@code out} is a terminal (redraw in place) or a log (plain lines)
     * @param clock nanoseconds, for the speed and the time left
     */
    ExperimentProgress(ExperimentSpec spec, PrintWriter out, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        spec.arms().stream().map(ArmSpec::name).forEach(arms::add);
        this.stages = spec.curriculum().stages();
        this.stepsPerArm = stages.stream().mapToLong(StageSpec::steps).sum();
        this.pretraining = new ProgressBar("pretrain", out, terminal);
    }

    /** @return the display for {@code spec} on standard error {@code err} */
    static ExperimentProgress on(ExperimentSpec spec, PrintWriter err) {
        return new ExperimentProgress(spec, err, ProgressBar.stderrIsTerminal(), System::nanoTime);
    }

    @Override
    public void onPretrainingStep(long step, long total, double loss, double learningRate) {
        pretraining.step(step, total, loss, learningRate);
    }

    @Override
    public void onResume(String arm, long step, boolean finished) {
        done.put(arm, step);
        line(String.format(Locale.ROOT, "%s: %s from its checkpoint after %d steps", arm,
                finished ? "already finished; read" : "resuming", step));
    }

    @Override
    public void onStep(String arm, int stage, StageSpec spec, long stageStep, StepMetrics metrics) {
        long now = clock.getAsLong();
        if (startedNanos < 0) {
            startedNanos = now;
        }
        trainedHere++;
        done.put(arm, done.getOrDefault(arm, 0L) + 1);
        reward = Double.isNaN(reward) || stageStep == 0 ? metrics.rewardMean()
                : (1 - SMOOTHING) * reward + SMOOTHING * metrics.rewardMean();
        String status = status(arm, stage, spec, stageStep + 1, now);
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS || stageStep + 1 == spec.steps()) {
                redraw(status);
                lastDraw = now;
            }
        } else if ((stageStep + 1) % Math.max(1, spec.steps() / 10) == 0 || stageStep + 1 == spec.steps()) {
            line(status);
        }
    }

    @Override
    public void onRollback(String arm, long step, int attempt) {
        done.put(arm, step);
        line(String.format(Locale.ROOT, "%s: rolled back to its checkpoint after %d steps (attempt %d)", arm, step,
                attempt));
    }

    @Override
    public void onCollapse(String arm, CollapseEvent event) {
        collapses++;
        line(String.format(Locale.ROOT, "%s step %d: collapse %s [%s]: %s", arm, event.step(), event.detector(),
                event.severity(), event.evidence()));
    }

    @Override
    public void onEvaluationProgress(String arm, EvaluationPoint.Kind kind, int scored, int domains) {
        if (terminal) {
            redraw(String.format(Locale.ROOT, "%s (arm %d/%d): evaluating %s, %d/%d domains", arm, armNumber(arm),
                    arms.size(), kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), scored, domains));
        }
    }

    @Override
    public void onEvaluation(String arm, EvaluationPoint point) {
        lastAccuracy.put(arm, point.accuracy());
        if (point.kind() == EvaluationPoint.Kind.IN_STAGE) {
            return;
        }
        StringBuilder text = new StringBuilder(arm).append(' ').append(switch (point.kind()) {
            case BASE -> "base";
            case STOPPED -> "stopped at step " + point.step();
            default -> "after stage " + (point.stage() + 1) + " (" + stages.get(point.stage()).domain() + ")";
        }).append(':');
        point.accuracy().forEach((domain, accuracy) -> text.append(String.format(Locale.ROOT, " %s %.0f%%", domain,
                100 * accuracy)));
        line(text.toString());
    }

    /** Ends the status line, so that what is printed next starts on a line of its own. */
    void finish() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    private String status(String arm, int stage, StageSpec spec, long stageStep, long now) {
        double accuracy = lastAccuracy.getOrDefault(arm, Map.of()).getOrDefault(spec.domain(), Double.NaN);
        long total = stepsPerArm * arms.size();
        long finished = 0;
        for (long armSteps : done.values()) {
            finished += armSteps;
        }
        double seconds = (now - startedNanos) / 1e9;
        String eta = trainedHere < 2 || seconds <= 0 ? "ETA …"
                : "ETA " + ProgressBar.duration((total - finished) / (trainedHere / seconds));
        return String.format(Locale.ROOT, "%s (arm %d/%d) stage %d/%d %s: step %d/%d, reward %.3f, %s %s, "
                        + "collapse events %d, %s", arm, armNumber(arm), arms.size(), stage + 1, stages.size(),
                spec.domain(), stageStep, spec.steps(), reward, spec.domain(),
                Double.isNaN(accuracy) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * accuracy), collapses, eta);
    }

    private int armNumber(String arm) {
        return arms.indexOf(arm) + 1;
    }

    private void redraw(String status) {
        out.print(ProgressBar.REDRAW + status);
        out.flush();
        lineOpen = true;
    }

    /** Prints {@code text} on a line of its own, above the status line on a terminal. */
    private void line(String text) {
        out.print(terminal && lineOpen ? ProgressBar.REDRAW + text + "\n" : text + "\n");
        out.flush();
        lineOpen = false;
    }
}
