package com.frontline.knowledge;

import java.util.List;

public record DocumentDetails(DocumentSummary document, List<DocumentVersionView> versions) {
}
