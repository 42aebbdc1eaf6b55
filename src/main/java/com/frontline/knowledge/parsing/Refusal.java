package com.frontline.knowledge.parsing;

/**
 * Carries a {@link DocumentRejectedException} out of library callbacks (PDFBox stream operators, jsoup and commonmark
 * visitors) that cannot throw checked exceptions. {@link DocumentParser} unwraps it at the boundary.
 */
final class Refusal extends RuntimeException {

    private final DocumentRejectedException rejection;

    Refusal(DocumentRejectedException rejection) {
        super(rejection.getMessage(), rejection, false, false);
        this.rejection = rejection;
    }

    static Refusal of(DocumentRejectedException.Reason reason, String userMessage) {
        return new Refusal(new DocumentRejectedException(reason, userMessage));
    }

    DocumentRejectedException rejection() {
        return rejection;
    }
}
