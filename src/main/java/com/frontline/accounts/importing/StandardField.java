package com.frontline.accounts.importing;

/** The fields Frontline understands in a KPI file; source columns are mapped onto these. */
public enum StandardField {
    ACCOUNT_NAME, KPI_NAME, VALUE, CATEGORY, WEIGHT, IMPACT_LEVEL, HEALTH_COMPONENT, DATE, DIRECTION
}
