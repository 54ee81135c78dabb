-- Lists the foreign keys that cross the topology boundary, before a topology dump.
DO $$
DECLARE
    topology text[] := ARRAY['node', 'node_group', 'node_group_member'];
BEGIN
    CREATE TEMP TABLE fk_out AS (
        SELECT DISTINCT tc.table_name, ccu.table_name AS target
        FROM information_schema.table_constraints AS tc
        JOIN information_schema.constraint_column_usage AS ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ANY (topology)
    );

    CREATE TEMP TABLE fk_in AS (
        SELECT DISTINCT tc.table_name, ccu.table_name AS target
        FROM information_schema.table_constraints AS tc
        JOIN information_schema.constraint_column_usage AS ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = ANY (topology)
    );
END $$;

SELECT * FROM fk_out;
SELECT * FROM fk_in;
SELECT count(*) FROM node_group_members;
