package com.frontline.accounts.importing;

import java.util.Map;

/**
 * An account described in the {@code Account Info} sheet.
 *
 * @param attributes the other fields as written (owner, segment, renewal date…), keyed by the header or label as
 *                   written, in sheet order
 */
public record AccountRow(String sheet, int rowNumber, String accountName, Map<String, String> attributes) {
}
