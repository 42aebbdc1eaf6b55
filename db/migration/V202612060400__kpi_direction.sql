-- Whether a KPI is better when higher (the default) or when lower, such as churn or resolution time.
-- Null when the file did not say: the health score then decides by the KPI's name (see KpiDirection).
alter table accounts.kpi_values
    add column direction text check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER'));
