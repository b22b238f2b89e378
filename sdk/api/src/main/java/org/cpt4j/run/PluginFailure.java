package org.cpt4j.run;

/**
 * A plugin component that failed in a run: it threw, or it returned a number that is not finite. Whatever the kind,
 * a failure is handled one way by what it breaks: a reward, an objective, a teacher schedule or a domain failing ends
 * the run ({@link PluginFailureException}), since the arm cannot go on without it; a drift metric or a collapse
 * detector failing is recorded and the arm goes on without that component. Either way it is a line of the arm's
 * {@code events.jsonl} ({@code "type": "plugin-failure"}), and a recorded one is part of the arm's result.
 *
 * @param plugin the name of the plugin that registered the component
 * @param version that plugin's version (its jar's {@code Implementation-Version}), or {@code unknown}
 * @param kind the component's kind ({@code reward}, {@code objective}, {@code teacher}, {@code drift}, ...)
 * @param id the component's id
 * @param arm the arm it failed in
 * @param stage the 0-based stage it failed in
 * @param step the arm's steps done when it failed
 * @param error what went wrong: the exception's class and message, or the value returned
 * @param fatal whether it ended the run
 */
public record PluginFailure(String plugin, String version, String kind, String id, String arm, int stage, long step,
                            String error, boolean fatal) {

    /** @return e.g. {@code reward 'brevity' (plugin brevity 1.0) failed in arm 'grpo' at step 12 (stage 0): ...} */
    public String describe() {
        return kind + " '" + id + "' (plugin " + plugin + " " + version + ") failed in arm '" + arm + "' at step "
                + step + " (stage " + stage + "): " + error;
    }
}
