/**
 * Customer accounts and their KPIs. The {@code importing} sub-package holds the spreadsheet engine that reads the
 * files tenants upload.
 */
@NullMarked
package com.frontline.accounts;

import org.jspecify.annotations.NullMarked;
