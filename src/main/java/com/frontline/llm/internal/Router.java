package com.frontline.llm.internal;

/** Picks a route from the complexity score and the workspace's rules, and says why. */
public final class Router {

    public record Decision(Route route, String reason) {
    }

    private Router() {
    }

    public static Decision decide(LlmSettings rules, Complexity c) {
        String signals = c.signals().isEmpty() ? "" : " (" + String.join(", ", c.signals()) + ")";
        if (!rules.routingEnabled()) {
            return new Decision(Route.DEFAULT, "routing off: default model; complexity " + c.score() + signals);
        }
        if (c.contextChars() >= rules.longContextChars()) {
            return new Decision(Route.LONG_CONTEXT, "context of %,d characters ≥ %,d: long-context model"
                    .formatted(c.contextChars(), rules.longContextChars()));
        }
        if (c.score() <= rules.simpleMaxScore()) {
            return new Decision(Route.SIMPLE, "complexity %d ≤ %d: cheap model%s"
                    .formatted(c.score(), rules.simpleMaxScore(), signals));
        }
        if (c.score() >= rules.complexMinScore()) {
            return new Decision(Route.COMPLEX, "complexity %d ≥ %d: strongest model%s"
                    .formatted(c.score(), rules.complexMinScore(), signals));
        }
        return new Decision(Route.DEFAULT, "complexity %d between %d and %d: default model%s"
                .formatted(c.score(), rules.simpleMaxScore(), rules.complexMinScore(), signals));
    }
}
