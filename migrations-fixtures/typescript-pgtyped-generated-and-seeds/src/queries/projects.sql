/* @name ProjectsByOwner */
SELECT id, name, archived FROM projects WHERE owner_id = :ownerId;
