/**
 * Reads KPI and account spreadsheets (standard workbook, simple list, CSV), detects which of them a file is, validates
 * every row and computes account health scores. Plain Java without Spring, so that it can be unit-tested on files
 * alone; the accounts service wraps it.
 */
@NullMarked
package com.frontline.accounts.importing;

import org.jspecify.annotations.NullMarked;
