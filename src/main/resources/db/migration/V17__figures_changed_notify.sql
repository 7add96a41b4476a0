-- The dashboards keep what they read in memory (DashboardCache) and must drop it as soon as what they read
-- changes. The application drops it itself after each of its own writing transactions; a NOTIFY from the
-- tables the dashboards read tells it about every other change too (another instance of the application, an
-- administrator's SQL, a roll-up rebuild). A notification is delivered to listeners only when the transaction
-- commits, and identical notifications of one transaction are delivered once.
CREATE FUNCTION notify_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('figures_changed', '');
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rollup_members', 'rollup_funds', 'rollup_titles', 'rollup_reached', 'rollup_units',
                             'node_population', 'org_unit', 'province_group', 'province_group_member'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed()', t || '_notify', t);
    END LOOP;
END;
$$;
