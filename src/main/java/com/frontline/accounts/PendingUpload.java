package com.frontline.accounts;

import com.frontline.accounts.importing.ValidationReport;

import java.util.UUID;

/** An uploaded spreadsheet that was validated but not stored yet: the admin sees the report and confirms. */
public record PendingUpload(UUID id, String filename, ValidationReport report) {
}
