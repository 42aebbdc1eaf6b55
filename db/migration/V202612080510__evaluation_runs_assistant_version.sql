-- An evaluation run can be asked of a given assistant version (a rollout's offline gate runs the set once with the
-- candidate and once with the live version); null: the live version at the time, as before.
alter table evaluation.runs add column assistant_version integer;
