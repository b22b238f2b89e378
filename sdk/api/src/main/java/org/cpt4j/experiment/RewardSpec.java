package org.cpt4j.experiment;

/**
 * One weighted component of an arm's reward.
 *
 * @param name the name the component is logged under
 * @param weight its weight in the sum
 * @param model the reward model plugin
 */
public record RewardSpec(String name, double weight, ComponentSpec model) {
}
